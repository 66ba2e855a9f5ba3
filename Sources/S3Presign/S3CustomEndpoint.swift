import Foundation

/// A custom S3 endpoint URL (MinIO, SeaweedFS, a proxy): `http[s]://host[:port][/path]`.
///
/// The host is a DNS name, a dotted-quad IPv4 address or a bracketed IPv6 address. User info,
/// a query or a fragment are refused, and so is a path other than plain segments of unreserved
/// characters, so that the URL and its signature cannot disagree about the path.
struct S3CustomEndpoint: Hashable, Sendable {
    /// `http` or `https`, lower-cased.
    let scheme: String
    /// The host and port as written, e.g. `127.0.0.1:8333` (used in the URL).
    let authority: String
    /// The value of the signed `host` header: the host lower-cased, with the port unless it is
    /// the scheme's default.
    let hostHeader: String
    /// Whether the host is an IP address (a bucket can then never go in front of it, except as
    /// botocore allows for dotted names over plain `http`).
    let isIPAddress: Bool
    /// The path as written: empty, or starting with `/`.
    let path: String

    init(_ text: String) throws(S3PresignError) {
        func fail(_ reason: String) -> S3PresignError {
            S3PresignError(.invalidEndpoint, field: "endpoint", reason: reason)
        }
        guard let schemeEnd = text.range(of: "://") else {
            throw fail("the endpoint must start with http:// or https://")
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw fail("the endpoint must start with http:// or https://")
        }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        let path = String(rest[authority.endIndex...])
        if authority.contains(where: { "@?#".contains($0) }) || path.contains(where: { "?#".contains($0) }) {
            throw fail("the endpoint must not have user info, a query or a fragment")
        }
        let (host, port) = try Self.splitHostAndPort(authority, fail: fail)
        let isIPv6 = host.hasPrefix("[")
        let isIPv4 = DNSName.looksLikeIPv4(host)
        if isIPv6 {
            guard Self.isIPv6Literal(host.dropFirst().dropLast()) else {
                throw fail("the endpoint's IPv6 address is malformed")
            }
        } else if isIPv4 {
            let numbers = host.split(separator: ".").compactMap { Int($0) }
            guard numbers.count == 4, numbers.allSatisfy({ $0 <= 255 }) else {
                throw fail("the endpoint's IPv4 address is malformed")
            }
        } else {
            try Self.validateHostName(host, fail: fail)
        }
        try Self.validatePath(path, fail: fail)
        let lowerHost = host.lowercased()
        if !isIPv6, !isIPv4, lowerHost.hasPrefix("s3-accelerate."), lowerHost.hasSuffix(".amazonaws.com") {
            throw S3PresignError(
                .unsupportedEndpoint, field: "endpoint", reason: "S3 Transfer Acceleration endpoints are not supported"
            )
        }
        let defaultPort = scheme == "https" ? 443 : 80
        self.scheme = scheme
        self.authority = String(authority)
        self.hostHeader = port.map { $0 == defaultPort ? lowerHost : "\(lowerHost):\($0)" } ?? lowerHost
        self.isIPAddress = isIPv4 || isIPv6
        self.path = path
    }

    private static func splitHostAndPort(
        _ authority: Substring,
        fail: (String) -> S3PresignError
    ) throws(S3PresignError) -> (host: String, port: Int?) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw fail("the endpoint's IPv6 address is not closed")
            }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw fail("the endpoint's host is malformed") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { throw fail("the endpoint has no host") }
        guard let portText else { return (String(host), nil) }
        guard (1...5).contains(portText.count), portText.utf8.allSatisfy(DNSName.isDigit), portText.first != "0",
            let port = Int(portText), port <= 65_535
        else { throw fail("the endpoint's port must be 1 to 65535 without leading zeros") }
        return (String(host), port)
    }

    private static func validateHostName(_ host: String, fail: (String) -> S3PresignError) throws(S3PresignError) {
        let labels = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let labelsAreValid = labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy {
                    DNSName.isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                }
        }
        guard host.utf8.count <= 253, labelsAreValid else { throw fail("the endpoint's host is not a valid DNS name") }
        if let last = labels.last, last.allSatisfy(DNSName.isDigit) {
            throw fail("the endpoint's host is neither a DNS name nor a dotted-quad IPv4 address")
        }
    }

    /// Empty, `/`, or `/segment` repeated with an optional trailing `/`, each segment of
    /// unreserved characters and neither `.` nor `..`.
    private static func validatePath(_ path: String, fail: (String) -> S3PresignError) throws(S3PresignError) {
        guard !path.isEmpty, path != "/" else { return }
        var segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        if path.hasSuffix("/") { segments = segments.dropLast() }
        let valid = segments.allSatisfy { segment in
            !segment.isEmpty && segment.allSatisfy(URIEncoding.isUnreserved)
                && !segment.elementsEqual(".".utf8) && !segment.elementsEqual("..".utf8)
        }
        guard valid else {
            throw fail("the endpoint's path must be plain segments of A-Z a-z 0-9 - . _ ~ (no '.' or '..' segments)")
        }
    }

    /// Whether `text` is an IPv6 address: up to eight groups of 1 to 4 hex digits, at most one
    /// `::`, optionally ending in a dotted-quad IPv4 address that counts as two groups.
    static func isIPv6Literal(_ text: Substring) -> Bool {
        guard !text.isEmpty,
            text.utf8.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
        else { return false }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, part) in parts.enumerated() {
                let isLastOfAddress = index == halves.count - 1 && position == parts.count - 1
                if isLastOfAddress, part.contains(".") {
                    let numbers = part.split(separator: ".", omittingEmptySubsequences: false)
                    guard DNSName.looksLikeIPv4(part), numbers.allSatisfy({ (Int($0) ?? 256) <= 255 }) else {
                        return false
                    }
                    groups += 2
                } else {
                    guard (1...4).contains(part.utf8.count), part.utf8.allSatisfy(isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        DNSName.isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
