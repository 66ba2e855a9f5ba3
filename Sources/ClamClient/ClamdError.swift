/// The error every `ClamdClient` operation throws.
///
/// Compare errors by ``code`` (equality looks at the code only), and read ``endpoint``,
/// ``reply`` and ``detail`` for what happened. Security decisions fail closed: every code here means
/// "not known to be clean". Messages name the endpoint, the clamd reply (clamd replies carry no file
/// content) and byte counts, never file contents.
public struct ClamdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added; match the ones you handle and treat
    /// the rest as a failed scan.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case connectionFailed
            case timeout
            case connectionClosed
            case sizeLimitExceeded
            case notFullyScanned
            case scannerError
            case protocolError
            case cancelled
            case fileReadFailed
            case invalidConfiguration
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The connection to clamd could not be made (refused, unreachable, name not resolved,
        /// no such Unix socket).
        public static let connectionFailed = Code(.connectionFailed)
        /// A connect, write or reply deadline of ``ClamdClient/Configuration`` passed.
        public static let timeout = Code(.timeout)
        /// clamd closed or reset the connection before a complete reply (an empty or truncated
        /// reply).
        public static let connectionClosed = Code(.connectionClosed)
        /// The stream is longer than clamd accepts (`INSTREAM size limit exceeded. ERROR`, clamd's
        /// `StreamMaxLength`) or than ``ClamdClient/Configuration/maxStreamLength``.
        public static let sizeLimitExceeded = Code(.sizeLimitExceeded)
        /// clamd did not scan everything: it reported a `Heuristics.Limits.Exceeded.*` alert (for
        /// example `MaxFileSize` or `MaxScanSize` with `AlertExceedsMax`). Not malware, not clean.
        public static let notFullyScanned = Code(.notFullyScanned)
        /// clamd answered with an error (a reply ending in ` ERROR`).
        public static let scannerError = Code(.scannerError)
        /// The reply is not one clamd sends for the command: unknown text, too long, not UTF-8, or
        /// sent before the stream ended.
        public static let protocolError = Code(.protocolError)
        /// The calling task was cancelled; the connection was closed.
        public static let cancelled = Code(.cancelled)
        /// The file to scan could not be opened or read, or is not a regular file.
        public static let fileReadFailed = Code(.fileReadFailed)
        /// The endpoint or the configuration holds a value the client cannot use (a port outside
        /// 1...65535, a Unix socket path longer than `sun_path`, a zero timeout or chunk size).
        public static let invalidConfiguration = Code(.invalidConfiguration)

        /// The code's name, e.g. `timeout`.
        public var description: String {
            base.rawValue
        }
    }

    /// What kind of failure happened.
    public var code: Code
    /// The clamd endpoint the operation talked to, when there was one.
    public var endpoint: ClamdEndpoint?
    /// clamd's reply (without its terminator), with control and non-ASCII characters escaped and
    /// shortened to at most 200 characters, when the failure is about a reply.
    public var reply: String?
    /// What happened, in words, with byte counts, durations and `errno` where they help.
    public var detail: String

    /// Creates an error. The client builds these; tests and wrappers may too.
    public init(code: Code, endpoint: ClamdEndpoint? = nil, reply: String? = nil, detail: String) {
        self.code = code
        self.endpoint = endpoint
        self.reply = reply
        self.detail = detail
    }

    /// A one-line description: code, endpoint, detail and reply.
    public var description: String {
        var text = "ClamdError.\(code)"
        if let endpoint {
            text += " (\(endpoint))"
        }
        text += ": \(detail)"
        if let reply {
            text += " [reply: \"\(reply)\"]"
        }
        return text
    }

    /// Two errors are equal when their codes are; context is not compared.
    public static func == (lhs: ClamdError, rhs: ClamdError) -> Bool {
        lhs.code == rhs.code
    }
}
