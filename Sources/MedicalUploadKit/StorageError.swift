/// Why an ``ObjectStorage`` operation failed. Compare by ``code``.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidKey, notFound, ioFailed
        }
        private let value: Value

        /// The key is empty, absolute, or has `.`/`..`/empty components or control characters.
        public static let invalidKey = Code(value: .invalidKey)
        /// No object is stored under the key.
        public static let notFound = Code(value: .notFound)
        /// The store could not read or write.
        public static let ioFailed = Code(value: .ioFailed)

        /// The code as a stable string.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The storage key concerned (empty when the key itself was refused).
    public let key: String
    /// What failed, for logs.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, key: String, detail: String) {
        self.code = code
        self.key = key
        self.detail = detail
    }

    /// `storage <code> [key]: detail`.
    public var description: String {
        key.isEmpty ? "storage \(code): \(detail)" : "storage \(code) for \(key): \(detail)"
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: StorageError, rhs: StorageError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
