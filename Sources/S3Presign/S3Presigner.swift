public import Foundation

/// Presigned S3 URLs for GET and PUT, equal byte for byte to what botocore's
/// `generate_presigned_url` produces for the same inputs and time (Signature Version 4,
/// `UNSIGNED-PAYLOAD`, only `host` and the headers you pass are signed).
///
/// ```swift
/// let presigner = try S3Presigner(credentials: credentials, region: "eu-west-1")
/// let url = try presigner.presignedURL(
///     method: .put, bucket: "uploads", key: "studies/1.dcm", expiresIn: 900, date: Date(),
///     headers: ["Content-Type": "application/dicom"])
/// // The browser must PUT with exactly that Content-Type.
/// ```
///
/// Where the bucket goes (host or path) follows botocore's rules; see ``AddressingStyle``. The
/// presigner is pure: the time is a parameter and nothing is sent.
public struct S3Presigner: Sendable {
    /// The HTTP method a URL is presigned for.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Download an object.
        case get = "GET"
        /// Upload an object.
        case put = "PUT"
    }

    /// Where the bucket name goes in the URL; the rules are botocore's (addressing style
    /// `auto`, `virtual`, `path`).
    ///
    /// With AWS's own endpoint (`endpoint` `nil`):
    /// - ``automatic``: a bucket without dots goes in the host of the global endpoint,
    ///   `https://bucket.s3.amazonaws.com/key`, in every region of the `aws` partition (the
    ///   request is still signed for the presigner's region); in other partitions it goes in
    ///   the host of the regional endpoint. A bucket with dots uses the path of the regional
    ///   endpoint (`s3.amazonaws.com` for `us-east-1`).
    /// - ``virtualHosted``: `https://bucket.s3.<region>.<suffix>/key` (`bucket.s3.amazonaws.com`
    ///   in `us-east-1`); a bucket with dots falls back to the path.
    /// - ``path``: `https://s3.<region>.<suffix>/bucket/key`.
    ///
    /// With a custom endpoint:
    /// - ``automatic`` and ``path``: always the path, `http://127.0.0.1:8333/bucket/key`.
    /// - ``virtualHosted``: the host, `https://bucket.minio.example.com/key`, unless the
    ///   endpoint is an IP address or the bucket has dots; over plain `http` a bucket with dots
    ///   also goes in the host, except in front of an IP address, where botocore writes a host
    ///   no client can reach and the presigner throws ``S3PresignError/Code/unsupportedEndpoint``.
    public enum AddressingStyle: String, Sendable, Hashable, CaseIterable {
        /// botocore's `auto`: the default.
        case automatic
        /// botocore's `virtual`: the bucket in the host name wherever possible.
        case virtualHosted
        /// botocore's `path`: the bucket as the first path segment.
        case path
    }

    /// The longest an object key may be, in UTF-8 bytes.
    public static let maximumKeyLength = 1024

    /// The region the URLs are signed for.
    public let region: String
    /// The custom endpoint, or `nil` for AWS's own S3 endpoints.
    public let endpoint: String?
    /// Where the bucket goes in the URL.
    public let addressingStyle: AddressingStyle

    private let signer: SigV4Signer
    private let customEndpoint: S3CustomEndpoint?
    private let partition: S3Partition

    /// Creates a presigner.
    ///
    /// - Parameters:
    ///   - credentials: The credentials that sign.
    ///   - region: The region, e.g. `us-east-1`; a lower-case DNS label. Pseudo-regions such as
    ///     `aws-global` are refused.
    ///   - endpoint: `nil` for AWS (the endpoint follows from the region), or a custom endpoint
    ///     such as `http://127.0.0.1:8333` or `https://minio.example.com/base`. An explicit
    ///     `https://s3.amazonaws.com` counts as custom, as it does for botocore's `endpoint_url`.
    ///   - addressingStyle: Where the bucket goes; ``AddressingStyle/automatic`` by default.
    /// - Throws: ``S3PresignError`` with ``S3PresignError/Code/invalidCredentials``,
    ///   ``S3PresignError/Code/invalidRegion``, ``S3PresignError/Code/invalidEndpoint`` or
    ///   ``S3PresignError/Code/unsupportedEndpoint``.
    public init(
        credentials: AWSCredentials,
        region: String,
        endpoint: String? = nil,
        addressingStyle: AddressingStyle = .automatic
    ) throws(S3PresignError) {
        if region.hasPrefix("aws-") && region.hasSuffix("-global") {
            throw S3PresignError(
                .invalidRegion, field: "region", reason: "pseudo-regions such as aws-global cannot sign; name a region"
            )
        }
        self.signer = try SigV4Signer(credentials: credentials, region: region, service: "s3", pathEncoding: .once)
        self.customEndpoint = try endpoint.map { text throws(S3PresignError) in try S3CustomEndpoint(text) }
        self.partition = S3Partition.of(region: region)
        self.region = region
        self.endpoint = endpoint
        self.addressingStyle = addressingStyle
    }

    /// A presigned URL for `method` on the object `key` of `bucket`.
    ///
    /// - Parameters:
    ///   - method: ``Method/get`` or ``Method/put``.
    ///   - bucket: The bucket; S3's naming rules for general purpose buckets apply.
    ///   - key: The object key, 1 to 1,024 UTF-8 bytes, encoded once with `/` kept; `.` and `..`
    ///     segments are refused because HTTP clients rewrite them.
    ///   - expiresIn: Seconds the URL stays valid, 1...604,800.
    ///   - date: The signing time (fractions of a second are dropped).
    ///   - headers: Headers to sign, e.g. `Content-Type` for a PUT; the client must send them with
    ///     exactly these values. Values are printable ASCII.
    ///   - queryItems: Query items to sign, e.g. `response-content-disposition` or `versionId`,
    ///     in the order they go on the URL (before the `X-Amz-*` items).
    /// - Returns: The URL.
    /// - Throws: ``S3PresignError`` naming the parameter that was wrong, never its value.
    public func presignedURL(
        method: Method,
        bucket: String,
        key: String,
        expiresIn: Int,
        date: Date,
        headers: [String: String] = [:],
        queryItems: [(name: String, value: String)] = []
    ) throws(S3PresignError) -> String {
        try S3BucketName.validate(bucket)
        try Self.validate(key: key)
        let signedHeaders = try Self.validate(headers: headers)
        try Self.validate(queryItems: queryItems)
        let location = try resolveLocation(bucket: bucket)
        let path = location.pathPrefix + key
        let request = SigV4Request(
            method: method.rawValue,
            path: path,
            queryItems: queryItems,
            headers: [("host", location.hostHeader)] + signedHeaders,
            payload: .unsigned
        )
        let presigned = try signer.presignQuery(request, expiresIn: expiresIn, date: date)
        return location.scheme + "://" + location.authority + URIEncoding.encode(path, keepingSlash: true) + "?"
            + presigned.queryString
    }

    // MARK: Where the bucket goes

    /// The scheme, URL authority, signed host and the path before the key (ending in `/`).
    struct Location: Hashable {
        var scheme: String
        var authority: String
        var hostHeader: String
        var pathPrefix: String
    }

    func resolveLocation(bucket: String) throws(S3PresignError) -> Location {
        let hostable = S3BucketName.isVirtualHostable(bucket)
        guard let custom = customEndpoint else {
            let regionalHost = region == "us-east-1" ? "s3.amazonaws.com" : "s3.\(region).\(partition.dnsSuffix)"
            let host: String
            switch addressingStyle {
            case .automatic where hostable:
                host = partition == .aws ? "s3.amazonaws.com" : regionalHost
            case .virtualHosted where hostable:
                host = regionalHost
            default:
                return Location(
                    scheme: "https", authority: regionalHost, hostHeader: regionalHost, pathPrefix: "/\(bucket)/")
            }
            let virtualHost = "\(bucket).\(host)"
            return Location(scheme: "https", authority: virtualHost, hostHeader: virtualHost, pathPrefix: "/")
        }
        let virtual =
            addressingStyle == .virtualHosted
            && ((hostable && !custom.isIPAddress)
                || (!hostable && custom.scheme == "http" && S3BucketName.isVirtualHostableWithDots(bucket)))
        if virtual {
            if custom.isIPAddress {
                // botocore writes `http://a.b.127.0.0.1/...` here, a host no client can reach.
                throw S3PresignError(
                    .unsupportedEndpoint, field: "addressingStyle",
                    reason: "a bucket with dots cannot go in front of an IP address; use path style"
                )
            }
            let basePath = custom.path.hasSuffix("/") ? String(custom.path.dropLast()) : custom.path
            return Location(
                scheme: custom.scheme,
                authority: "\(bucket).\(custom.authority)",
                hostHeader: "\(bucket).\(custom.hostHeader)",
                pathPrefix: basePath + "/"
            )
        }
        let basePath = custom.path.hasSuffix("/") ? custom.path : custom.path + "/"
        return Location(
            scheme: custom.scheme,
            authority: custom.authority,
            hostHeader: custom.hostHeader,
            pathPrefix: basePath + bucket + "/"
        )
    }

    // MARK: Validation

    /// Header names (lower-case) a presigned S3 URL cannot sign: those the signature sets itself,
    /// and those botocore never signs.
    static let reservedHeaderNames: Set<String> = [
        "host", "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256",
        "baggage", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "traceparent", "tracestate", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The one `Content-Type` value botocore silently leaves unsigned in presigned URLs.
    static let unsignedContentType = "application/x-www-form-urlencoded; charset=utf-8"

    static func validate(key: String) throws(S3PresignError) {
        let length = key.utf8.count
        guard length > 0 else { throw S3PresignError(.invalidKey, field: "key", reason: "the object key is empty") }
        guard length <= maximumKeyLength else {
            throw S3PresignError(.invalidKey, field: "key", reason: "the object key is longer than 1024 UTF-8 bytes")
        }
        var offset = 0
        for segment in key.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
                throw S3PresignError(
                    .invalidKey, field: "key", offset: offset,
                    reason: "the object key has a '.' or '..' segment, which HTTP clients remove from URLs"
                )
            }
            offset += segment.count + 1
        }
    }

    static func validate(headers: [String: String]) throws(S3PresignError) -> [(name: String, value: String)] {
        var seen: Set<String> = []
        var result: [(name: String, value: String)] = []
        for (name, value) in headers.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let lower = name.lowercased()
            guard !name.isEmpty, name.utf8.allSatisfy(HTTPSyntax.isTokenByte) else {
                throw S3PresignError(
                    .invalidHeader, field: "headers", reason: "a header name must be a non-empty HTTP token")
            }
            guard seen.insert(lower).inserted else {
                throw S3PresignError(
                    .invalidHeader, field: "headers[\(lower)]", reason: "the header is given twice, in different cases"
                )
            }
            guard !reservedHeaderNames.contains(lower) else {
                throw S3PresignError(
                    .invalidHeader, field: "headers[\(lower)]",
                    reason: "the signature sets this header itself, or botocore never signs it"
                )
            }
            if let offset = value.utf8.firstIndex(where: { !(0x20...0x7E).contains($0) && $0 != 0x09 }) {
                throw S3PresignError(
                    .invalidHeader, field: "headers[\(lower)]",
                    offset: value.utf8.distance(from: value.utf8.startIndex, to: offset),
                    reason: "a header value must be printable ASCII"
                )
            }
            guard !HTTPSyntax.trimAll(value).isEmpty else {
                throw S3PresignError(
                    .invalidHeader, field: "headers[\(lower)]", reason: "a header value must not be blank")
            }
            if lower == "content-type" && value == unsignedContentType {
                throw S3PresignError(
                    .invalidHeader, field: "headers[content-type]",
                    reason: "botocore leaves this Content-Type unsigned; sign another value or none"
                )
            }
            result.append((name, value))
        }
        return result
    }

    static func validate(queryItems: [(name: String, value: String)]) throws(S3PresignError) {
        var seen: Set<String> = []
        for (index, item) in queryItems.enumerated() {
            guard !item.name.isEmpty else {
                throw S3PresignError(
                    .invalidQueryItem, field: "queryItems[\(index)]", reason: "a query item needs a name")
            }
            guard seen.insert(item.name).inserted else {
                throw S3PresignError(
                    .invalidQueryItem, field: "queryItems[\(index)]", reason: "the query item's name is given twice"
                )
            }
        }
    }
}
