/// The result of signing a request with headers (``SigV4Signer/signHeaders(_:date:)``).
public struct SigV4HeaderSignature: Sendable {
    /// The canonical request that was signed.
    public let canonicalRequest: String
    /// The string to sign derived from it.
    public let stringToSign: String
    /// The lower-case hex signature.
    public let signature: String
    /// The signed header names, lower-case, `;`-separated.
    public let signedHeaders: String
    /// The value of the `Authorization` header.
    public let authorization: String
    /// The headers to set on the request, replacing any of the same name, in this order:
    /// `X-Amz-Date`, `X-Amz-Security-Token` (if signed), `x-amz-content-sha256` (if added),
    /// `Authorization`, then `X-Amz-Security-Token` if it is added after signing.
    public let headers: [(name: String, value: String)]
}
