import ClamClient
import Foundation
import Testing

/// ClamdClient against the real clamd of `CLAMD_TCP` / `CLAMD_SOCKET` (scripts/test starts it).
@Suite("ClamdClient against a real clamd")
struct ClamClientTests {
    @Test("PING answers PONG over TCP and the Unix socket")
    func ping() async throws {
        for endpoint in try ClamdTestSupport.endpoints() {
            try await ClamdClient(endpoint: endpoint).ping()
        }
    }

    @Test("clean bytes are clean over TCP and the Unix socket")
    func cleanBytes() async throws {
        for endpoint in try ClamdTestSupport.endpoints() {
            let verdict = try await ClamdClient(endpoint: endpoint).scan(ClamdTestSupport.cleanBytes(200_000))
            #expect(verdict == .clean, "\(endpoint)")
        }
    }

    @Test("EICAR is infected with the exact signature name")
    func eicar() async throws {
        for endpoint in try ClamdTestSupport.endpoints() {
            let verdict = try await ClamdClient(endpoint: endpoint).scan(ClamdTestSupport.eicar)
            #expect(verdict == .infected(signature: ClamdTestSupport.eicarSignature), "\(endpoint)")
        }
    }

    @Test("EICAR at an odd offset spanning chunk boundaries is found", arguments: [7, 16, 61, 4096])
    func eicarAcrossChunks(chunkSize: Int) async throws {
        var bytes = ClamdTestSupport.cleanBytes(9_000)
        bytes.replaceSubrange(1_001..<(1_001 + ClamdTestSupport.eicar.count), with: ClamdTestSupport.eicar)
        var configuration = ClamdClient.Configuration()
        configuration.chunkSize = chunkSize
        let client = ClamdClient(endpoint: try ClamdTestSupport.unixEndpoint(), configuration: configuration)
        #expect(try await client.scan(bytes) == .infected(signature: ClamdTestSupport.eicarSignature))
        // A slice (not an Array) takes the same path.
        #expect(try await client.scan(bytes[1..<8_000]) == .infected(signature: ClamdTestSupport.eicarSignature))
    }

    @Test("empty input is a clean verdict about an empty stream")
    func emptyInput() async throws {
        for endpoint in try ClamdTestSupport.endpoints() {
            #expect(try await ClamdClient(endpoint: endpoint).scan([UInt8]()) == .clean)
        }
    }

    @Test("files are streamed in chunks: clean, EICAR inside, empty")
    func files() async throws {
        let directory = try ClamdTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clean = directory.appendingPathComponent("clean.bin")
        try Data(ClamdTestSupport.cleanBytes(3_000_000)).write(to: clean)
        var infectedBytes = ClamdTestSupport.cleanBytes(300_001)
        infectedBytes.replaceSubrange(65_530..<(65_530 + ClamdTestSupport.eicar.count), with: ClamdTestSupport.eicar)
        let infected = directory.appendingPathComponent("infected.bin")
        try Data(infectedBytes).write(to: infected)
        let empty = directory.appendingPathComponent("empty.bin")
        try Data().write(to: empty)

        for endpoint in try ClamdTestSupport.endpoints() {
            let client = ClamdClient(endpoint: endpoint)
            #expect(try await client.scan(fileAt: clean.path) == .clean)
            #expect(
                try await client.scan(fileAt: infected.path) == .infected(signature: ClamdTestSupport.eicarSignature))
            #expect(try await client.scan(fileAt: empty.path) == .clean)
        }
    }

    @Test("a missing file or a directory is fileReadFailed, without the path in the message")
    func unreadableFiles() async throws {
        let directory = try ClamdTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = ClamdClient(endpoint: try ClamdTestSupport.unixEndpoint())
        for path in [directory.appendingPathComponent("Jane-Doe-absent.dcm").path, directory.path, ""] {
            let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
                try await client.scan(fileAt: path)
            }
            #expect(error?.code == .fileReadFailed)
            #expect(error.map { !$0.description.contains("Jane-Doe") } ?? false)
        }
    }

    @Test("50 concurrent scans over both sockets all complete correctly")
    func manyConcurrentScans() async throws {
        let endpoints = try ClamdTestSupport.endpoints()
        let (results, elapsed) = try await ClamdTestSupport.measure {
            try await withThrowingTaskGroup(of: (Int, ClamdVerdict).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let client = ClamdClient(endpoint: endpoints[index % 2])
                        let bytes =
                            index % 5 == 0
                            ? ClamdTestSupport.cleanBytes(10_000 + index) + ClamdTestSupport.eicar
                            : ClamdTestSupport.cleanBytes(100_000 + index)
                        return (index, try await client.scan(bytes))
                    }
                }
                var results: [Int: ClamdVerdict] = [:]
                for try await (index, verdict) in group {
                    results[index] = verdict
                }
                return results
            }
        }
        #expect(results.count == 50)
        for (index, verdict) in results {
            let expected: ClamdVerdict =
                index % 5 == 0 ? .infected(signature: ClamdTestSupport.eicarSignature) : .clean
            #expect(verdict == expected, "scan \(index)")
        }
        #expect(elapsed < .seconds(30))
    }

    @Test("scans that hang do not starve other scans of the two cooperative threads")
    func hangingScansDoNotStarveOthers() async throws {
        let silent = try FakeClamdServer(.silent)
        defer { silent.stop() }
        let endpoint = try ClamdTestSupport.unixEndpoint()
        var hangingConfiguration = ClamdClient.Configuration()
        hangingConfiguration.readTimeout = .seconds(60)
        let hanging = ClamdClient(
            endpoint: .tcp(host: "127.0.0.1", port: silent.port), configuration: hangingConfiguration)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    _ = try? await hanging.scan(ClamdTestSupport.cleanBytes(1_000))
                }
            }
            #expect(await silent.waitUntil { $0.count == 40 && $0.allSatisfy(\.sawTerminator) })
            // Every hanging scan now waits for a reply. A client that blocked threads would have
            // used up the cooperative pool (two threads here) and these would wait 60 s.
            let (_, elapsed) = try await ClamdTestSupport.measure {
                let client = ClamdClient(endpoint: endpoint)
                for _ in 0..<5 {
                    try await client.ping()
                    #expect(
                        try await client.scan(ClamdTestSupport.eicar)
                            == .infected(signature: ClamdTestSupport.eicarSignature))
                }
            }
            #expect(elapsed < .seconds(10), "real scans took \(elapsed) while 40 scans hung")
            group.cancelAll()
        }
        #expect(await silent.waitUntil { $0.count == 40 && $0.allSatisfy(\.closedByClient) })
    }
}
