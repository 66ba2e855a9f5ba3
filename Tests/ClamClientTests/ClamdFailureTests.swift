import ClamClient
import Foundation
import Glibc
import Testing

/// Fail-closed behaviour against servers that refuse, stall, hang or answer oddly.
@Suite("ClamdClient failures")
struct ClamdFailureTests {
    private static let large = [UInt8](repeating: 0x41, count: 32 << 20)

    private func client(
        _ server: FakeClamdServer, _ change: (inout ClamdClient.Configuration) -> Void = { _ in }
    )
        -> ClamdClient
    {
        var configuration = ClamdClient.Configuration()
        change(&configuration)
        return ClamdClient(endpoint: .tcp(host: "127.0.0.1", port: server.port), configuration: configuration)
    }

    @Test("a closed TCP port is connectionFailed, fast")
    func connectionRefused() async throws {
        // Bind an ephemeral port, then release it without listening: connects are refused.
        let (fd, port) = try FakeClamdServer.listen(backlog: 1)
        close(fd)
        let client = ClamdClient(endpoint: .tcp(host: "127.0.0.1", port: port))
        let (error, elapsed) = await ClamdTestSupport.measure {
            await ClamdTestSupport.clamdError { () async throws(ClamdError) in try await client.ping() }
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test("a missing Unix socket is connectionFailed")
    func missingUnixSocket() async throws {
        let client = ClamdClient(endpoint: .unixSocket(path: "/nonexistent-dir-\(UUID().uuidString)/clamd.sock"))
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await client.scan([1, 2, 3])
        }
        #expect(error?.code == .connectionFailed)
    }

    @Test("a server that never answers times out within readTimeout and the socket is closed")
    func readTimeout() async throws {
        let server = try FakeClamdServer(.silent)
        defer { server.stop() }
        let client = client(server) { $0.readTimeout = .milliseconds(500) }
        let (error, elapsed) = await ClamdTestSupport.measure {
            await ClamdTestSupport.clamdError { () async throws(ClamdError) in
                try await client.scan(ClamdTestSupport.cleanBytes(10_000))
            }
        }
        #expect(error?.code == .timeout)
        #expect(elapsed >= .milliseconds(450) && elapsed < .seconds(4), "took \(elapsed)")
        #expect(await server.waitUntil { $0.count == 1 && $0.first?.closedByClient == true })
    }

    @Test("a server that stops reading times out within writeTimeout")
    func writeTimeout() async throws {
        let server = try FakeClamdServer(.neverRead)
        defer { server.stop() }
        let client = client(server) { $0.writeTimeout = .milliseconds(500) }
        let (error, elapsed) = await ClamdTestSupport.measure {
            await ClamdTestSupport.clamdError { () async throws(ClamdError) in try await client.scan(Self.large) }
        }
        #expect(error?.code == .timeout)
        #expect(elapsed >= .milliseconds(450) && elapsed < .seconds(5), "took \(elapsed)")
        server.startDraining()
        #expect(await server.waitUntil { $0.count == 1 && $0.first?.closedByClient == true })
    }

    @Test("a listener whose queue is full makes connect time out within connectTimeout")
    func connectTimeout() async throws {
        // Backlog 0 and nobody accepts: once the queue is full the kernel drops further SYNs.
        let (listener, port) = try FakeClamdServer.listen(backlog: 0)
        defer { close(listener) }
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            fillers.append(fd)
        }
        try await Task.sleep(for: .milliseconds(100))
        var configuration = ClamdClient.Configuration()
        configuration.connectTimeout = .milliseconds(400)
        let client = ClamdClient(endpoint: .tcp(host: "127.0.0.1", port: port), configuration: configuration)
        let (error, elapsed) = await ClamdTestSupport.measure {
            await ClamdTestSupport.clamdError { () async throws(ClamdError) in try await client.ping() }
        }
        #expect(error?.code == .timeout)
        #expect(elapsed >= .milliseconds(350) && elapsed < .seconds(4), "took \(elapsed)")
    }

    struct OddReply: Sendable, CustomTestStringConvertible {
        let reply: [UInt8]
        let expected: ClamdError.Code
        var testDescription: String { "\(ClamdTestSupport.printable(reply.prefix(60))) -> \(expected)" }

        init(_ text: String, _ expected: ClamdError.Code) {
            reply = Array(text.utf8)
            self.expected = expected
        }

        init(bytes: [UInt8], _ expected: ClamdError.Code) {
            reply = bytes
            self.expected = expected
        }
    }

    @Test(
        "odd replies after the stream are errors, never clean",
        arguments: [
            OddReply("", .connectionClosed),
            OddReply("stream: OK", .connectionClosed),
            OddReply("stream: OK ERROR\0", .scannerError),
            OddReply("garbage\0", .protocolError),
            OddReply("stream: Heuristics.Limits.Exceeded.MaxScanSize FOUND\0", .notFullyScanned),
            OddReply("stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND\0", .notFullyScanned),
            OddReply("stream: OK\n\0", .protocolError),
            // Regression: bytes after the terminator were ignored, so this was clean.
            OddReply("stream: OK\0stream: Eicar FOUND\0", .protocolError),
            OddReply("stream: OK\0x", .protocolError),
            OddReply(" stream: OK\0", .protocolError),
            OddReply("stream: ok\0", .protocolError),
            OddReply("stream:  FOUND\0", .protocolError),
            OddReply("stream: Two Words FOUND\0", .protocolError),
            OddReply("INSTREAM size limit exceeded. ERROR\0", .sizeLimitExceeded),
            OddReply("Can't allocate memory ERROR\0", .scannerError),
            OddReply(bytes: [0x73, 0xFF, 0xFE, 0], .protocolError),
            OddReply(String(repeating: "A", count: 20_000), .protocolError),
        ])
    func oddReplies(_ odd: OddReply) async throws {
        let server = try FakeClamdServer(.replyAfterStream(odd.reply))
        defer { server.stop() }
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await client(server).scan(ClamdTestSupport.cleanBytes(5_000))
        }
        #expect(error?.code == odd.expected, "\(error.map(String.init(describing:)) ?? "no error")")
        #expect(error?.endpoint == .tcp(host: "127.0.0.1", port: server.port))
    }

    @Test("the replies that are verdicts: exact OK and a FOUND name")
    func verdictReplies() async throws {
        for (reply, expected) in [
            ("stream: OK\0", ClamdVerdict.clean),
            ("stream: Win.Test.Sample-1.UNOFFICIAL FOUND\0", .infected(signature: "Win.Test.Sample-1.UNOFFICIAL")),
            ("stream: Heuristics.Encrypted.Zip FOUND\0", .infected(signature: "Heuristics.Encrypted.Zip")),
        ] {
            let server = try FakeClamdServer(.replyAfterStream(Array(reply.utf8)))
            defer { server.stop() }
            #expect(try await client(server).scan(ClamdTestSupport.cleanBytes(100)) == expected)
        }
    }

    @Test(
        "a reply while the client is still streaming is read, and never clean",
        arguments: [
            OddReply("INSTREAM size limit exceeded. ERROR\0", .sizeLimitExceeded),
            OddReply("stream: OK\0", .protocolError),
            OddReply("", .connectionClosed),
        ])
    func earlyReplies(_ odd: OddReply) async throws {
        let server = try FakeClamdServer(.replyAfterCommand(odd.reply))
        defer { server.stop() }
        // 32 MiB cannot fit the socket buffers: the server's reply and close come mid-stream, and
        // the writes that follow hit EPIPE/ECONNRESET (with SIGPIPE suppressed, the process lives).
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await client(server).scan(Self.large)
        }
        #expect(error?.code == odd.expected, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test("INSTREAM framing: z-command, big-endian chunks of chunkSize, one zero terminator")
    func framing() async throws {
        let server = try FakeClamdServer(.replyAfterStream(Array("stream: OK\0".utf8)))
        defer { server.stop() }
        let bytes = ClamdTestSupport.cleanBytes(1_000)
        let client = client(server) { $0.chunkSize = 300 }
        #expect(try await client.scan(bytes) == .clean)
        #expect(try await client.scan([UInt8]()) == .clean)
        #expect(try await client.scan(bytes.prefix(300)) == .clean)
        let connections = server.connections
        try #require(connections.count == 3)
        #expect(connections.allSatisfy { $0.command == "zINSTREAM" && $0.sawTerminator })
        #expect(connections[0].frameLengths == [300, 300, 300, 100])
        #expect(connections[0].streamBytes == bytes)
        #expect(connections[1].frameLengths == [])
        #expect(connections[2].frameLengths == [300])
    }

    @Test(
        "PING wants exactly PONG",
        arguments: [
            OddReply("PONGX\0", .protocolError),
            OddReply("PONG", .connectionClosed),
            OddReply("UNKNOWN COMMAND\0", .protocolError),
            OddReply("COMMAND READ TIMED OUT ERROR\0", .scannerError),
        ])
    func pingReplies(_ odd: OddReply) async throws {
        let server = try FakeClamdServer(.replyAfterCommand(odd.reply))
        defer { server.stop() }
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in try await client(server).ping() }
        #expect(error?.code == odd.expected)
        #expect(server.connections.first?.command == "zPING")
    }

    @Test("PING succeeds on exactly PONG")
    func pong() async throws {
        let server = try FakeClamdServer(.replyAfterCommand(Array("PONG\0".utf8)))
        defer { server.stop() }
        try await client(server).ping()
        #expect(server.connections.first?.command == "zPING")
    }

    @Test("cancelling a scan that waits for its reply ends it at once and closes the socket")
    func cancelWhileWaitingForReply() async throws {
        let server = try FakeClamdServer(.silent)
        defer { server.stop() }
        let client = client(server)
        let task = Task { () async throws(ClamdError) -> ClamdVerdict in
            try await client.scan(ClamdTestSupport.cleanBytes(50_000))
        }
        #expect(await server.waitUntil { $0.count == 1 && $0.first?.sawTerminator == true })
        let (result, elapsed) = await ClamdTestSupport.measure {
            task.cancel()
            return await task.result
        }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        guard case .failure(let error) = result else {
            Issue.record("a cancelled scan returned \(result)")
            return
        }
        #expect((error as? ClamdError)?.code == .cancelled)
        #expect(await server.waitUntil { $0.first?.closedByClient == true })
    }

    @Test("cancelling a scan whose writes stall ends it at once and closes the socket")
    func cancelWhileWriting() async throws {
        let server = try FakeClamdServer(.neverRead)
        defer { server.stop() }
        let client = client(server)
        let task = Task { () async throws(ClamdError) -> ClamdVerdict in try await client.scan(Self.large) }
        #expect(await server.waitUntil { $0.count == 1 })
        try await Task.sleep(for: .milliseconds(200))
        let (result, elapsed) = await ClamdTestSupport.measure {
            task.cancel()
            return await task.result
        }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        guard case .failure(let error) = result else {
            Issue.record("a cancelled scan returned \(result)")
            return
        }
        #expect((error as? ClamdError)?.code == .cancelled)
        server.startDraining()
        #expect(await server.waitUntil { $0.first?.closedByClient == true })
    }

    @Test("a task cancelled before the call never connects")
    func cancelledBeforeStart() async throws {
        let server = try FakeClamdServer(.replyAfterStream(Array("stream: OK\0".utf8)))
        defer { server.stop() }
        let client = client(server)
        let task = Task { () async throws(ClamdError) -> ClamdVerdict in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.scan([1, 2, 3])
        }
        guard case .failure(let error) = await task.result else {
            Issue.record("a cancelled scan returned a verdict")
            return
        }
        #expect((error as? ClamdError)?.code == .cancelled)
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.connections.isEmpty)
    }

    @Test("maxStreamLength refuses longer input before connecting, and caps chunks")
    func clientSideStreamLimit() async throws {
        let server = try FakeClamdServer(.replyAfterStream(Array("stream: OK\0".utf8)))
        defer { server.stop() }
        let client = client(server) { $0.maxStreamLength = 100 }
        let directory = try ClamdTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.bin")
        try Data(ClamdTestSupport.cleanBytes(101)).write(to: file)

        let tooLong = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await client.scan(ClamdTestSupport.cleanBytes(101))
        }
        #expect(tooLong?.code == .sizeLimitExceeded)
        let tooLongFile = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await client.scan(fileAt: file.path)
        }
        #expect(tooLongFile?.code == .sizeLimitExceeded)
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.connections.isEmpty)

        #expect(try await client.scan(ClamdTestSupport.cleanBytes(100)) == .clean)
        #expect(server.connections.first?.frameLengths == [100])
    }

    @Test(
        "values the client cannot use are invalidConfiguration",
        arguments: [
            (ClamdEndpoint.tcp(host: "127.0.0.1", port: 0), ClamdClient.Configuration()),
            (.tcp(host: "127.0.0.1", port: 70_000), .init()),
            (.tcp(host: "", port: 3310), .init()),
            (.unixSocket(path: "/tmp/" + String(repeating: "x", count: 200)), .init()),
            (.unixSocket(path: ""), .init()),
            (.unixSocket(path: "/tmp/a.sock"), .init(chunkSize: 0)),
            (.unixSocket(path: "/tmp/a.sock"), .init(chunkSize: 64 << 20)),
            (.unixSocket(path: "/tmp/a.sock"), .init(readTimeout: .zero)),
            (.unixSocket(path: "/tmp/a.sock"), .init(maxStreamLength: -1)),
            (.unixSocket(path: "/tmp/a.sock"), .init(maxReplyLength: 10)),
        ])
    func invalidConfiguration(endpoint: ClamdEndpoint, configuration: ClamdClient.Configuration) async {
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await ClamdClient(endpoint: endpoint, configuration: configuration).ping()
        }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test("a host name is resolved off the cooperative pool")
    func hostName() async throws {
        let server = try FakeClamdServer(.replyAfterCommand(Array("PONG\0".utf8)))
        defer { server.stop() }
        try await ClamdClient(endpoint: .tcp(host: "localhost", port: server.port)).ping()

        var configuration = ClamdClient.Configuration()
        configuration.connectTimeout = .seconds(3)
        let unknown = ClamdClient(
            endpoint: .tcp(host: "no-such-host.invalid", port: 3310), configuration: configuration)
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in try await unknown.ping() }
        // Without DNS the resolver may give up or time out; either way no connection is made.
        #expect(error?.code == .connectionFailed || error?.code == .timeout)
    }

    @Test("error descriptions name the endpoint and the reply")
    func errorDescription() async throws {
        let server = try FakeClamdServer(.replyAfterStream(Array("Bad\tthing ERROR\0".utf8)))
        defer { server.stop() }
        let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
            try await client(server).scan(Array("Jane Doe 1970-01-01".utf8))
        }
        let description = try #require(error).description
        #expect(description.contains("scannerError"))
        #expect(description.contains("tcp://127.0.0.1:\(server.port)"))
        #expect(description.contains("Bad\\x09thing ERROR"))
        #expect(!description.contains("Jane"))
    }
}
