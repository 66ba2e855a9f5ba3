/// Why an audit store could not open, write or sync. Compare by ``code``.
public struct AuditLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case openFailed, writeFailed, syncFailed, encodingFailed, closed
        }
        private let value: Value

        /// The store's file could not be opened or created.
        public static let openFailed = Code(value: .openFailed)
        /// Writing the event failed.
        public static let writeFailed = Code(value: .writeFailed)
        /// Flushing the event to stable storage failed.
        public static let syncFailed = Code(value: .syncFailed)
        /// The event could not be encoded.
        public static let encodingFailed = Code(value: .encodingFailed)
        /// The store was closed.
        public static let closed = Code(value: .closed)

        /// The code as a stable string.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Where: the store's file path.
    public let path: String
    /// The operating system's error number, when one applies.
    public let errno: Int32?

    /// Creates an error.
    public init(_ code: Code, path: String, errno: Int32? = nil) {
        self.code = code
        self.path = path
        self.errno = errno
    }

    /// `code` with the path and the system error.
    public var description: String {
        var text = "audit log \(code) at \(path)"
        if let errno { text += " (errno \(errno))" }
        return text
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: AuditLogError, rhs: AuditLogError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
