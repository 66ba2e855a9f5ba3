import Testing

@testable import ClamClient

/// The non-blocking socket layer on its own.
@Suite("SocketConnection")
struct SocketConnectionTests {
    @Test("writing to a peer that has closed reports peerSpoke, and SIGPIPE does not kill the process")
    func writeAfterPeerClosed() async throws {
        let server = try FakeClamdServer(.replyAfterCommand([]))
        defer { server.stop() }
        let endpoint = ClamdEndpoint.tcp(host: "127.0.0.1", port: server.port)
        let connection = try await SocketConnection.connect(to: endpoint, timeout: .seconds(5))
        defer { connection.close() }
        #expect(try await connection.write(Array("zPING\0".utf8), stallTimeout: .seconds(5)) == .written)
        #expect(await server.waitUntil { $0.first?.command == "zPING" })
        try await Task.sleep(for: .milliseconds(100))
        // The peer is gone: the first send may still be accepted (and answered with a reset), the
        // next ones fail with EPIPE or ECONNRESET, which without MSG_NOSIGNAL would raise SIGPIPE.
        var outcomes: [SocketConnection.WriteOutcome] = []
        for _ in 0..<3 {
            outcomes.append(try await connection.write([1, 2, 3], stallTimeout: .seconds(5)))
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(outcomes.contains(.peerSpoke))
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await connection.readReply(terminator: 0, timeout: .seconds(5), maxLength: 1024)
        }
        #expect(error?.code == .connectionClosed)
    }

    @Test("a reply split over many small packets is reassembled up to its terminator")
    func fragmentedReply() async throws {
        let server = try FakeClamdServer(.replyAfterCommandSlowly(Array("stream: OK\0".utf8)))
        defer { server.stop() }
        let endpoint = ClamdEndpoint.tcp(host: "127.0.0.1", port: server.port)
        let connection = try await SocketConnection.connect(to: endpoint, timeout: .seconds(5))
        defer { connection.close() }
        _ = try await connection.write(Array("zPING\0".utf8), stallTimeout: .seconds(5))
        let reply = try await connection.readReply(terminator: 0, timeout: .seconds(5), maxLength: 1024)
        #expect(reply == Array("stream: OK".utf8))
        try await connection.expectEndOfStream(timeout: .seconds(5))
    }

    /// Regression: bytes after the reply's terminator were ignored, so `stream: OK` followed by anything was
    /// clean. Whether they come in the reply's packet or later, they are a protocol error.
    @Test("bytes after the reply, in later packets, are a protocol error")
    func trailingBytesInLaterPackets() async throws {
        let server = try FakeClamdServer(.replyAfterCommandSlowly(Array("stream: OK\0trailing".utf8)))
        defer { server.stop() }
        let endpoint = ClamdEndpoint.tcp(host: "127.0.0.1", port: server.port)
        let connection = try await SocketConnection.connect(to: endpoint, timeout: .seconds(5))
        defer { connection.close() }
        _ = try await connection.write(Array("zPING\0".utf8), stallTimeout: .seconds(5))
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            _ = try await connection.readReply(terminator: 0, timeout: .seconds(5), maxLength: 1024)
            try await connection.expectEndOfStream(timeout: .seconds(5))
        }
        #expect(error?.code == .protocolError)
    }
}
