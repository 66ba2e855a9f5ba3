/// An HTTP request as the SigV4 signer sees it: method, decoded path, decoded query items,
/// headers and the payload's hash. The signer never sends it.
///
/// The path and the query items hold the text as the application means it (a space is a
/// space, `ሴ` is `ሴ`); the signer percent-encodes them. Headers keep their order: values of a
/// repeated header are joined in the order given. A `Host` header is required and always signed.
public struct SigV4Request: Sendable {
    /// The payload of a request, or how to stand in for it.
    public enum Payload: Sendable, Hashable {
        /// The body bytes; the signer hashes them.
        case bytes([UInt8])
        /// The lower-case hex SHA-256 of the body, computed elsewhere (e.g. while streaming).
        case sha256Hex(String)
        /// `UNSIGNED-PAYLOAD`: the body is not covered by the signature (S3 presigned URLs).
        case unsigned

        /// The value that goes on the last line of the canonical request.
        var hash: String {
            switch self {
            case .bytes(let body): return SigV4Crypto.sha256Hex(body)
            case .sha256Hex(let hex): return hex
            case .unsigned: return "UNSIGNED-PAYLOAD"
            }
        }
    }

    /// The HTTP method, e.g. `GET`. Upper-cased when signed.
    public var method: String
    /// The decoded path, starting with `/`, e.g. `/photos/a b.jpg`.
    public var path: String
    /// The decoded query items in the order they go on the URL.
    public var queryItems: [(name: String, value: String)]
    /// The headers to sign, in order; must include `Host`.
    public var headers: [(name: String, value: String)]
    /// The payload or its stand-in.
    public var payload: Payload

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - path: The decoded path, starting with `/`.
    ///   - queryItems: The decoded query items, in URL order.
    ///   - headers: The headers to sign, including `Host`.
    ///   - payload: The body, its hash, or ``Payload/unsigned``.
    public init(
        method: String,
        path: String,
        queryItems: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)],
        payload: Payload = .bytes([])
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.payload = payload
    }
}
