import ClamClient
import Testing

/// ClamdError and ClamdEndpoint as values.
@Suite("ClamdError")
struct ClamdErrorTests {
    @Test("errors compare by code only and describe themselves")
    func equalityAndDescription() {
        let endpoint = ClamdEndpoint.unixSocket(path: "/run/clamd.sock")
        let a = ClamdError(code: .timeout, endpoint: endpoint, detail: "one")
        let b = ClamdError(code: .timeout, detail: "two")
        #expect(a == b)
        #expect(a != ClamdError(code: .cancelled, detail: "one"))
        #expect(a.description == "ClamdError.timeout (unix:/run/clamd.sock): one")
        #expect(
            ClamdError(code: .scannerError, reply: "x ERROR", detail: "d").description
                == "ClamdError.scannerError: d [reply: \"x ERROR\"]")
        #expect(ClamdError.Code.notFullyScanned.description == "notFullyScanned")
    }

    @Test("endpoints print as URLs, IPv6 hosts in brackets")
    func endpointDescription() {
        #expect(ClamdEndpoint.tcp(host: "127.0.0.1", port: 3310).description == "tcp://127.0.0.1:3310")
        #expect(ClamdEndpoint.tcp(host: "::1", port: 3310).description == "tcp://[::1]:3310")
        #expect(ClamdEndpoint.tcp(host: "[::1]", port: 3310).description == "tcp://[::1]:3310")
        #expect(ClamdEndpoint.unixSocket(path: "/run/clamd.ctl").description == "unix:/run/clamd.ctl")
    }
}
