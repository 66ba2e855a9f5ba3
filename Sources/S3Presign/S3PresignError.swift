/// Why a request could not be signed or a URL could not be presigned. Compare by ``code``.
///
/// The error names the parameter that was wrong (``field``) and, where it helps, the byte offset
/// inside that parameter's UTF-8 (``offset``). It never repeats the value itself: object keys,
/// header values and query values may carry PHI, and credentials are secret.
public struct S3PresignError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidCredentials, invalidRegion, invalidService, invalidEndpoint, unsupportedEndpoint
            case invalidBucketName, invalidKey, invalidExpiry, invalidDate, invalidMethod, invalidPath
            case invalidHeader, invalidQueryItem
        }
        private let value: Value

        /// The access key ID, secret access key or session token is empty or has a character
        /// that cannot appear in a credential scope.
        public static let invalidCredentials = Code(value: .invalidCredentials)
        /// The region is not a lower-case DNS label, or is a pseudo-region such as `aws-global`.
        public static let invalidRegion = Code(value: .invalidRegion)
        /// The service name is not a lower-case DNS label.
        public static let invalidService = Code(value: .invalidService)
        /// The endpoint is not an `http` or `https` URL of a host, optional port and optional path.
        public static let invalidEndpoint = Code(value: .invalidEndpoint)
        /// The endpoint is valid but needs rules this presigner does not implement (S3 Transfer
        /// Acceleration), or, with the bucket and addressing style, would give a URL no client can
        /// reach (a bucket with dots in front of an IP address).
        public static let unsupportedEndpoint = Code(value: .unsupportedEndpoint)
        /// The bucket name breaks the S3 naming rules for general purpose buckets.
        public static let invalidBucketName = Code(value: .invalidBucketName)
        /// The object key is empty, longer than 1,024 UTF-8 bytes, or has a `.` or `..` segment.
        public static let invalidKey = Code(value: .invalidKey)
        /// The expiry is outside 1...604,800 seconds (seven days, the SigV4 maximum).
        public static let invalidExpiry = Code(value: .invalidExpiry)
        /// The signing time is not a finite date in the years 1 to 9999.
        public static let invalidDate = Code(value: .invalidDate)
        /// The HTTP method is empty or not an HTTP token.
        public static let invalidMethod = Code(value: .invalidMethod)
        /// The request path does not start with `/`.
        public static let invalidPath = Code(value: .invalidPath)
        /// A header name or value cannot be signed: not a token, a control character, a reserved
        /// name, a duplicate, or a missing `host`.
        public static let invalidHeader = Code(value: .invalidHeader)
        /// A query item is empty-named, duplicated or uses a name the signature itself adds.
        public static let invalidQueryItem = Code(value: .invalidQueryItem)

        /// The code as a stable string.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The parameter that was wrong, e.g. `expiresIn`, `bucket`, `key`, `headers`, `endpoint`.
    public let field: String
    /// The byte offset inside the parameter's UTF-8 where the problem starts, when one applies.
    public let offset: Int?
    /// A fixed explanation of the rule that was broken. Never contains the input value.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, field: String, offset: Int? = nil, reason: String) {
        self.code = code
        self.field = field
        self.offset = offset
        self.reason = reason
    }

    /// The code, the field, the offset and the rule; never the offending value.
    public var description: String {
        var text = "\(code) in \(field)"
        if let offset { text += " at byte \(offset)" }
        return text + ": " + reason
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: S3PresignError, rhs: S3PresignError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
