/// The canonical request of SigV4 and the pieces it is built from.
///
/// ```text
/// METHOD \n canonical URI \n canonical query \n canonical headers \n \n signed headers \n payload hash
/// ```
struct SigV4CanonicalRequest {
    /// The canonical headers block (`name:value` lines, no trailing newline) and the signed
    /// header list (`name;name`).
    struct Headers {
        var block: String
        var signedHeaders: String
    }

    /// The canonical request text.
    let text: String

    init(method: String, uri: String, query: String, headers: Headers, payloadHash: String) {
        text = [method, uri, query, headers.block + "\n", headers.signedHeaders, payloadHash].joined(separator: "\n")
    }

    /// The upper-cased method, which must be an HTTP token.
    static func method(_ method: String) throws(S3PresignError) -> String {
        guard !method.isEmpty, method.utf8.allSatisfy(HTTPSyntax.isTokenByte) else {
            throw S3PresignError(.invalidMethod, field: "method", reason: "the method must be a non-empty HTTP token")
        }
        return method.uppercased()
    }

    /// The path percent-encoded once, or twice for services other than S3.
    static func uri(_ path: String, encodingTwice: Bool) throws(S3PresignError) -> String {
        guard path.utf8.first == UInt8(ascii: "/") else {
            throw S3PresignError(.invalidPath, field: "path", offset: 0, reason: "the path must start with '/'")
        }
        let once = URIEncoding.encode(path, keepingSlash: true)
        return encodingTwice ? URIEncoding.encode(once, keepingSlash: true) : once
    }

    /// The query items encoded and sorted by encoded name, then encoded value, bytewise.
    static func query(_ items: [(name: String, value: String)]) throws(S3PresignError) -> String {
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard !item.name.isEmpty else {
                throw S3PresignError(
                    .invalidQueryItem, field: "queryItems[\(index)]", reason: "a query item needs a non-empty name"
                )
            }
            pairs.append(
                (
                    URIEncoding.encode(item.name, keepingSlash: false),
                    URIEncoding.encode(item.value, keepingSlash: false)
                )
            )
        }
        pairs.sort { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
            return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        return pairs.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// The canonical headers: names lower-cased and sorted; the values of a repeated name joined
    /// with `,` in the order given; each value trimmed, with runs of spaces and tabs made one space.
    /// Exactly one `host` header is required.
    static func headers(_ headers: [(name: String, value: String)]) throws(S3PresignError) -> Headers {
        var values: [String: [String]] = [:]
        for (index, header) in headers.enumerated() {
            let field = "headers[\(index)]"
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(HTTPSyntax.isTokenByte) else {
                throw S3PresignError(
                    .invalidHeader, field: field, reason: "a header name must be a non-empty HTTP token")
            }
            if let offset = header.value.utf8.firstIndex(where: HTTPSyntax.isForbiddenInValue) {
                throw S3PresignError(
                    .invalidHeader, field: field,
                    offset: header.value.utf8.distance(from: header.value.utf8.startIndex, to: offset),
                    reason: "a header value must not hold a control character other than tab"
                )
            }
            values[header.name.lowercased(), default: []].append(HTTPSyntax.trimAll(header.value))
        }
        guard let hosts = values["host"], hosts.count == 1 else {
            throw S3PresignError(.invalidHeader, field: "headers", reason: "exactly one Host header is required")
        }
        let names = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let block = names.map { name in name + ":" + (values[name] ?? []).joined(separator: ",") }
        return Headers(block: block.joined(separator: "\n"), signedHeaders: names.joined(separator: ";"))
    }
}
