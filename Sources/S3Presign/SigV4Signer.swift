public import Foundation

/// AWS Signature Version 4 for any service: canonical request, string to sign, signing key and
/// signature, applied either as headers (`Authorization`) or as a presigned query string.
///
/// The signer is pure: it never reads the clock (the signing time is a parameter) and never
/// sends anything. It signs for the region and service it was made with.
///
/// ```swift
/// let signer = try SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
/// let request = SigV4Request(method: "GET", path: "/", headers: [("Host", "example.amazonaws.com")])
/// let signed = try signer.signHeaders(request, date: date)
/// // signed.headers: X-Amz-Date, Authorization (and X-Amz-Security-Token with temporary credentials)
/// ```
public struct SigV4Signer: Sendable {
    /// How many times the path is percent-encoded in the canonical request.
    public enum PathEncoding: Sendable, Hashable {
        /// Once: S3, whose object keys are encoded exactly once.
        case once
        /// Twice: every other service (the path is encoded, then the result encoded again).
        case twice
    }

    /// `AWS4-HMAC-SHA256`, the only algorithm of SigV4.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The longest a presigned request may stay valid: seven days, in seconds.
    public static let maximumExpiry = 604_800

    /// The credentials that sign.
    public let credentials: AWSCredentials
    /// The region of the credential scope, e.g. `us-east-1`.
    public let region: String
    /// The service of the credential scope, e.g. `s3`.
    public let service: String
    /// How the path is encoded in the canonical request.
    public let pathEncoding: PathEncoding
    /// Whether the session token is part of what is signed (`true` for S3 and most services) or
    /// added after signing (`false`, for the few services that want it so).
    public let signsSessionToken: Bool
    /// Whether header signing adds and signs `x-amz-content-sha256` (S3 requires it on requests
    /// signed with headers; it is never added to presigned queries).
    public let addsContentSHA256Header: Bool

    /// Creates a signer.
    ///
    /// - Parameters:
    ///   - credentials: The credentials that sign.
    ///   - region: The region of the credential scope.
    ///   - service: The service of the credential scope.
    ///   - pathEncoding: How the path is encoded; `.once` for S3.
    ///   - signsSessionToken: Whether the session token is signed (`true`) or added afterwards.
    ///   - addsContentSHA256Header: Whether header signing adds `x-amz-content-sha256`.
    /// - Throws: ``S3PresignError`` with ``S3PresignError/Code/invalidCredentials``,
    ///   ``S3PresignError/Code/invalidRegion`` or ``S3PresignError/Code/invalidService``.
    public init(
        credentials: AWSCredentials,
        region: String,
        service: String,
        pathEncoding: PathEncoding = .once,
        signsSessionToken: Bool = true,
        addsContentSHA256Header: Bool = false
    ) throws(S3PresignError) {
        try credentials.validate()
        guard DNSName.isLowercaseLabel(region) else {
            throw S3PresignError(.invalidRegion, field: "region", reason: "the region must be a lower-case DNS label")
        }
        guard DNSName.isLowercaseLabel(service) else {
            throw S3PresignError(
                .invalidService, field: "service", reason: "the service must be a lower-case DNS label")
        }
        self.credentials = credentials
        self.region = region
        self.service = service
        self.pathEncoding = pathEncoding
        self.signsSessionToken = signsSessionToken
        self.addsContentSHA256Header = addsContentSHA256Header
    }

    // MARK: Building blocks

    /// The canonical request of `request` exactly as given: no header or query item is added.
    public func canonicalRequest(_ request: SigV4Request) throws(S3PresignError) -> String {
        try canonicalRequest(request, extraQueryItems: []).text
    }

    /// The credential scope of a signing day: `yyyyMMdd/region/service/aws4_request`.
    public func credentialScope(_ timestamp: SigV4Timestamp) -> String {
        "\(timestamp.day)/\(region)/\(service)/aws4_request"
    }

    /// The string to sign: algorithm, timestamp, credential scope and the hex SHA-256 of the
    /// canonical request, one a line.
    public func stringToSign(canonicalRequest: String, timestamp: SigV4Timestamp) -> String {
        [Self.algorithm, timestamp.dateTime, credentialScope(timestamp), SigV4Crypto.sha256Hex(canonicalRequest)]
            .joined(separator: "\n")
    }

    /// The lower-case hex HMAC-SHA256 of `stringToSign` under the signing key of the day.
    public func signature(stringToSign: String, timestamp: SigV4Timestamp) -> String {
        SigV4Crypto.hex(SigV4Crypto.hmac(key: signingKey(day: timestamp.day), stringToSign))
    }

    /// The signing key: HMAC chained over the day, the region, the service and `aws4_request`,
    /// starting from `"AWS4" + secret`. Internal: it is as good as the secret for a day.
    func signingKey(day: String) -> [UInt8] {
        let secret = Array(("AWS4" + credentials.secretAccessKey).utf8)
        let dayKey = SigV4Crypto.hmac(key: secret, day)
        let regionKey = SigV4Crypto.hmac(key: dayKey, region)
        let serviceKey = SigV4Crypto.hmac(key: regionKey, service)
        return SigV4Crypto.hmac(key: serviceKey, "aws4_request")
    }

    // MARK: Signing

    /// Signs `request` with headers: adds `X-Amz-Date` (and, when configured, the session token
    /// and `x-amz-content-sha256`), signs every header, and returns the headers to set.
    ///
    /// Any `Authorization` or `X-Amz-Date` header in `request` is dropped first and replaced; so
    /// are `X-Amz-Security-Token` when the credentials carry a token and `x-amz-content-sha256`
    /// when ``addsContentSHA256Header`` is on.
    ///
    /// - Parameters:
    ///   - request: The request; it must have a `Host` header.
    ///   - date: The signing time.
    /// - Returns: The signature and the headers to set on the request, in order.
    public func signHeaders(_ request: SigV4Request, date: Date) throws(S3PresignError) -> SigV4HeaderSignature {
        let timestamp = try SigV4Timestamp(date)
        let token = credentials.sessionToken
        let payloadHash = request.payload.hash
        var dropped: Set<String> = ["authorization", "x-amz-date"]
        if token != nil { dropped.insert("x-amz-security-token") }
        if addsContentSHA256Header { dropped.insert("x-amz-content-sha256") }

        var added: [(name: String, value: String)] = [("X-Amz-Date", timestamp.dateTime)]
        if let token, signsSessionToken { added.append(("X-Amz-Security-Token", token)) }
        if addsContentSHA256Header { added.append(("x-amz-content-sha256", payloadHash)) }

        var signing = request
        signing.headers = request.headers.filter { !dropped.contains($0.name.lowercased()) } + added
        let canonical = try canonicalRequest(signing, extraQueryItems: [])
        let stringToSign = stringToSign(canonicalRequest: canonical.text, timestamp: timestamp)
        let signature = signature(stringToSign: stringToSign, timestamp: timestamp)
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(credentialScope(timestamp)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        added.append(("Authorization", authorization))
        if let token, !signsSessionToken { added.append(("X-Amz-Security-Token", token)) }
        return SigV4HeaderSignature(
            canonicalRequest: canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: canonical.signedHeaders,
            authorization: authorization,
            headers: added
        )
    }

    /// Presigns `request` in its query string: the request's own query items first, in their
    /// order, then `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`,
    /// `X-Amz-SignedHeaders`, `X-Amz-Security-Token` (with temporary credentials) and last
    /// `X-Amz-Signature` — botocore's layout. Every header of `request` is signed.
    ///
    /// - Parameters:
    ///   - request: The request; it must have a `Host` header.
    ///   - expiresIn: Seconds the URL stays valid, 1...604,800.
    ///   - date: The signing time.
    /// - Returns: The signature and the complete query.
    public func presignQuery(
        _ request: SigV4Request,
        expiresIn: Int,
        date: Date
    ) throws(S3PresignError) -> SigV4PresignedQuery {
        guard (1...Self.maximumExpiry).contains(expiresIn) else {
            throw S3PresignError(
                .invalidExpiry, field: "expiresIn", reason: "the expiry must be 1 to 604800 seconds (seven days)"
            )
        }
        let timestamp = try SigV4Timestamp(date)
        for (index, item) in request.queryItems.enumerated()
        where Self.reservedQueryNames.contains(item.name.lowercased()) {
            throw S3PresignError(
                .invalidQueryItem, field: "queryItems[\(index)]",
                reason: "the name is one the signature adds itself (X-Amz-Algorithm, X-Amz-Signature, ...)"
            )
        }
        let headers = try SigV4CanonicalRequest.headers(request.headers)
        var auth: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(credentialScope(timestamp))"),
            ("X-Amz-Date", timestamp.dateTime),
            ("X-Amz-Expires", String(expiresIn)),
            ("X-Amz-SignedHeaders", headers.signedHeaders),
        ]
        let token = credentials.sessionToken
        if let token, signsSessionToken { auth.append(("X-Amz-Security-Token", token)) }
        let canonical = try canonicalRequest(request, extraQueryItems: auth)
        let stringToSign = stringToSign(canonicalRequest: canonical.text, timestamp: timestamp)
        let signature = signature(stringToSign: stringToSign, timestamp: timestamp)
        var items = request.queryItems + auth
        if let token, !signsSessionToken { items.append(("X-Amz-Security-Token", token)) }
        items.append(("X-Amz-Signature", signature))
        let queryString = items.map { item in
            URIEncoding.encode(item.name, keepingSlash: false) + "="
                + URIEncoding.encode(item.value, keepingSlash: false)
        }
        return SigV4PresignedQuery(
            canonicalRequest: canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: canonical.signedHeaders,
            queryItems: items,
            queryString: queryString.joined(separator: "&")
        )
    }

    /// The query names a presigned request adds itself, lower-cased.
    static let reservedQueryNames: Set<String> = [
        "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-signedheaders",
        "x-amz-security-token", "x-amz-signature",
    ]

    private func canonicalRequest(
        _ request: SigV4Request,
        extraQueryItems: [(name: String, value: String)]
    ) throws(S3PresignError) -> (text: String, signedHeaders: String) {
        let method = try SigV4CanonicalRequest.method(request.method)
        let uri = try SigV4CanonicalRequest.uri(request.path, encodingTwice: pathEncoding == .twice)
        let query = try SigV4CanonicalRequest.query(request.queryItems + extraQueryItems)
        let headers = try SigV4CanonicalRequest.headers(request.headers)
        let canonical = SigV4CanonicalRequest(
            method: method, uri: uri, query: query, headers: headers, payloadHash: request.payload.hash
        )
        return (canonical.text, headers.signedHeaders)
    }
}
