/// The result of presigning a request in its query string
/// (``SigV4Signer/presignQuery(_:expiresIn:date:)``).
public struct SigV4PresignedQuery: Sendable {
    /// The canonical request that was signed.
    public let canonicalRequest: String
    /// The string to sign derived from it.
    public let stringToSign: String
    /// The lower-case hex signature.
    public let signature: String
    /// The signed header names, lower-case, `;`-separated.
    public let signedHeaders: String
    /// Every query item of the presigned URL, decoded, in URL order: the request's own, then the
    /// `X-Amz-*` items, `X-Amz-Signature` last.
    public let queryItems: [(name: String, value: String)]
    /// ``queryItems`` percent-encoded and joined: the part of the URL after `?`.
    public let queryString: String
}
