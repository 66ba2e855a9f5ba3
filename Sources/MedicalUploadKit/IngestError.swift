/// Why the pipeline could not decide an upload. Compare by ``code``.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as a stable string.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The file could not be read.
        public static let readFailed = Code("readFailed")
        /// The malware scanner gave no verdict after every attempt.
        public static let scannerUnavailable = Code("scannerUnavailable")
        /// The object store refused or failed.
        public static let storageFailed = Code("storageFailed")
        /// An audit event could not be recorded.
        public static let auditFailed = Code("auditFailed")
        /// The task was cancelled.
        public static let cancelled = Code("cancelled")

        /// The code as a stable string.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// What failed, for logs; never a PHI value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Errors are equal when their codes are.
    public static func == (lhs: IngestError, rhs: IngestError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
