@testable import S3Presign

/// A request of the AWS test suites (`.req`, `request.txt`, `*-signed-request.txt`):
/// a request line, `Name:value` header lines (a line starting with white space continues the
/// previous value), an empty line, and the body.
struct SuiteRequest {
    var method: String
    var path: String
    var queryItems: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init?(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " "), let lastSpace = requestLine.lastIndex(of: " "),
            firstSpace < lastSpace
        else { return nil }
        method = String(requestLine[..<firstSpace])
        let target = requestLine[requestLine.index(after: firstSpace)..<lastSpace]
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = Self.percentDecode(pathPart[0])
        queryItems = []
        if pathPart.count == 2, !pathPart[1].isEmpty {
            for item in pathPart[1].split(separator: "&") {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                queryItems.append((Self.percentDecode(parts[0]), parts.count == 2 ? Self.percentDecode(parts[1]) : ""))
            }
        }
        headers = []
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line
            } else {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
            index += 1
        }
        body = Array(lines.dropFirst(index + 1).joined(separator: "\n").utf8)
    }

    /// The request for the signer.
    var sigV4Request: SigV4Request {
        SigV4Request(method: method, path: path, queryItems: queryItems, headers: headers, payload: .bytes(body))
    }

    /// `%XX` escapes decoded to bytes; everything else kept; the result read as UTF-8.
    static func percentDecode(_ text: Substring) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Name-value pairs in a canonical order (name lower-cased), for comparing unordered lists.
func sortedPairs(_ pairs: [(name: String, value: String)], lowercasingNames: Bool) -> [String] {
    pairs.map { (lowercasingNames ? $0.name.lowercased() : $0.name) + "\u{0}" + $0.value }.sorted()
}
