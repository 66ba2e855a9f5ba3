import Testing

@testable import ClamClient

/// The reading of replies, exactly, without a server.
@Suite("ClamdReply")
struct ClamdReplyTests {
    private let endpoint = ClamdEndpoint.unixSocket(path: "/run/clamd.sock")

    private func verdict(_ text: String) -> Result<ClamdVerdict, ClamdError> {
        Result { () throws(ClamdError) in try ClamdReply.verdict(forStreamReply: Array(text.utf8), endpoint: endpoint) }
    }

    @Test("only the exact stream: OK is clean")
    func clean() throws {
        #expect(try verdict("stream: OK").get() == .clean)
        for text in ["stream: OK ", "stream:OK", "STREAM: OK", "stream: OK\n", "OK", "", "stream: OK\0x"] {
            #expect((try? verdict(text).get()) != .clean, "\(text)")
        }
    }

    @Test("FOUND names are returned exactly; limit alerts are notFullyScanned")
    func found() throws {
        #expect(
            try verdict("stream: Eicar-Test-Signature.UNOFFICIAL FOUND").get()
                == .infected(signature: "Eicar-Test-Signature.UNOFFICIAL"))
        for limit in ["MaxFileSize", "MaxScanSize", "MaxFiles", "MaxRecursion", "MaxScanTime"] {
            #expect(throws: ClamdError(code: .notFullyScanned, detail: "")) {
                try verdict("stream: Heuristics.Limits.Exceeded.\(limit) FOUND").get()
            }
        }
    }

    @Test("ERROR replies: the size limit has its own code")
    func errors() {
        #expect(throws: ClamdError(code: .sizeLimitExceeded, detail: "")) {
            try verdict("INSTREAM size limit exceeded. ERROR").get()
        }
        #expect(throws: ClamdError(code: .scannerError, detail: "")) { try verdict("stream: OK ERROR").get() }
        #expect(throws: ClamdError(code: .scannerError, detail: "")) { try verdict("lstat() failed ERROR").get() }
    }

    @Test("display escapes control and non-ASCII bytes and shortens long replies")
    func display() {
        #expect(ClamdReply.display(Array("a\tb\"c\\".utf8) + [0xFF]) == "a\\x09b\\\"c\\\\\\xFF")
        let long = ClamdReply.display([UInt8](repeating: 0x41, count: 1_000))
        #expect(long.hasPrefix(String(repeating: "A", count: 200)))
        #expect(long.hasSuffix("... (1000 bytes)"))
    }
}
