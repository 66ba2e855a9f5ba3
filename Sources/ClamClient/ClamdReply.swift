/// The reading of clamd's replies: the few exact texts that mean something, everything else an
/// error. Fail-closed by construction: only the exact bytes `stream: OK` become ``ClamdVerdict/clean``.
enum ClamdReply {
    /// The prefix of every reply to INSTREAM that names a result.
    private static let streamPrefix = "stream: "
    private static let foundSuffix = " FOUND"
    private static let errorSuffix = " ERROR"
    private static let sizeLimitPrefix = "INSTREAM size limit exceeded"
    private static let limitsPrefix = "Heuristics.Limits.Exceeded"

    /// The verdict of a reply to INSTREAM (without its terminator).
    static func verdict(forStreamReply bytes: [UInt8], endpoint: ClamdEndpoint) throws(ClamdError) -> ClamdVerdict {
        let text = try decode(bytes, endpoint: endpoint)
        if text == streamPrefix + "OK" {
            return .clean
        }
        if text.hasSuffix(errorSuffix) {
            if text.hasPrefix(sizeLimitPrefix) {
                throw ClamdError(
                    code: .sizeLimitExceeded, endpoint: endpoint, reply: display(bytes),
                    detail: "the stream is longer than clamd's StreamMaxLength")
            }
            throw ClamdError(
                code: .scannerError, endpoint: endpoint, reply: display(bytes), detail: "clamd reported an error")
        }
        if text.hasPrefix(streamPrefix), text.hasSuffix(foundSuffix) {
            let name = text.dropFirst(streamPrefix.count).dropLast(foundSuffix.count)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
                throw ClamdError(
                    code: .protocolError, endpoint: endpoint, reply: display(bytes),
                    detail: "the reply names no usable signature")
            }
            if name.hasPrefix(limitsPrefix) {
                throw ClamdError(
                    code: .notFullyScanned, endpoint: endpoint, reply: display(bytes),
                    detail: "clamd stopped at a scan limit, so part of the stream was not scanned")
            }
            return .infected(signature: String(name))
        }
        throw ClamdError(
            code: .protocolError, endpoint: endpoint, reply: display(bytes),
            detail: "unexpected reply to INSTREAM")
    }

    /// Checks that a reply is exactly `expected` (e.g. `PONG` to PING).
    static func expect(
        _ expected: String, command: String, reply bytes: [UInt8], endpoint: ClamdEndpoint
    )
        throws(ClamdError)
    {
        let text = try decode(bytes, endpoint: endpoint)
        if text == expected {
            return
        }
        if text.hasSuffix(errorSuffix) {
            throw ClamdError(
                code: .scannerError, endpoint: endpoint, reply: display(bytes),
                detail: "clamd reported an error to \(command)")
        }
        throw ClamdError(
            code: .protocolError, endpoint: endpoint, reply: display(bytes),
            detail: "unexpected reply to \(command)")
    }

    private static func decode(_ bytes: [UInt8], endpoint: ClamdEndpoint) throws(ClamdError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ClamdError(
                code: .protocolError, endpoint: endpoint, reply: display(bytes), detail: "the reply is not UTF-8")
        }
        return text
    }

    /// The most of a reply an error shows.
    static let displayLimit = 200

    /// A reply made safe to print: printable ASCII kept, every other byte as `\xNN`, at most
    /// ``displayLimit`` characters, with the full length noted when shortened.
    static func display(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            let piece: String
            switch byte {
            case UInt8(ascii: "\\"):
                piece = "\\\\"
            case UInt8(ascii: "\""):
                piece = "\\\""
            case 0x20..<0x7F:
                piece = String(UnicodeScalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                piece = "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
            if text.utf8.count + piece.utf8.count > displayLimit {
                return text + "... (\(bytes.count) bytes)"
            }
            text += piece
        }
        return text
    }
}
