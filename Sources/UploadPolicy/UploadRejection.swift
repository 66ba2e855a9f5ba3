/// Why an upload, or one file of it, was refused. The message names limits and formats, never file
/// contents.
///
/// Compare rejections by ``code``: new codes may be added in later versions.
public struct UploadRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable rejection code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case tooLarge, notAccepted, tooManyFiles, extensionMismatch, empty, unrecognizedContent
        }
        private let value: Value

        /// The file is larger than the kind allows.
        public static let tooLarge = Code(value: .tooLarge)
        /// The file's format, or its extension, is not one the kind accepts.
        public static let notAccepted = Code(value: .notAccepted)
        /// The upload holds more files than the kind allows.
        public static let tooManyFiles = Code(value: .tooManyFiles)
        /// The file's extension names another format than its content.
        public static let extensionMismatch = Code(value: .extensionMismatch)
        /// The file has no bytes.
        public static let empty = Code(value: .empty)
        /// The content matches no format the checks recognise.
        public static let unrecognizedContent = Code(value: .unrecognizedContent)

        /// The code as a stable string, e.g. `tooLarge`.
        public var description: String { value.rawValue }
    }

    /// What was wrong.
    public let code: Code
    /// A sentence for logs and API responses.
    public let message: String

    /// Creates a rejection.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Rejections are equal when their codes are.
    public static func == (lhs: UploadRejection, rhs: UploadRejection) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
