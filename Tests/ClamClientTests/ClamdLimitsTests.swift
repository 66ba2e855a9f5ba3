import ClamClient
import Foundation
import Testing

/// clamd's own limits, against a clamd this test starts with small limits through
/// scripts/clamd-start (StreamMaxLength 1M, MaxFileSize 512K, AlertExceedsMax yes), and stops after.
/// Needs only what scripts/clamd-start needs (clamd and the repo's .venv), not CLAMD_TCP.
@Suite("ClamdClient against clamd's limits")
struct ClamdLimitsTests {
    @Test("StreamMaxLength and MaxFileSize: sizeLimitExceeded and notFullyScanned, never clean")
    func limits() async throws {
        let clamd = try await PrivateClamd.start(environment: [
            "CLAMD_STREAM_MAX": "1M", "CLAMD_MAX_FILESIZE": "512K", "CLAMD_MAX_SCANSIZE": "1M",
        ])
        do {
            try await check(clamd)
        } catch {
            await clamd.stop()
            throw error
        }
        await clamd.stop()
    }

    private func check(_ clamd: PrivateClamd) async throws {
        let directory = try ClamdTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bigFile = directory.appendingPathComponent("big.bin")
        try Data(ClamdTestSupport.cleanBytes(3 << 20)).write(to: bigFile)

        for endpoint in [clamd.tcp, clamd.unix] {
            let client = ClamdClient(endpoint: endpoint)
            try await client.ping()
            #expect(try await client.scan(ClamdTestSupport.cleanBytes(100_000)) == .clean)
            #expect(
                try await client.scan(ClamdTestSupport.cleanBytes(100_000) + ClamdTestSupport.eicar)
                    == .infected(signature: ClamdTestSupport.eicarSignature))

            // Over StreamMaxLength: clamd says so mid-stream; 3 MiB, 1 MiB + 1 byte, and a file.
            for bytes in [ClamdTestSupport.cleanBytes(3 << 20), ClamdTestSupport.cleanBytes((1 << 20) + 1)] {
                let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
                    try await client.scan(bytes)
                }
                #expect(
                    error?.code == .sizeLimitExceeded, "\(endpoint) \(bytes.count) bytes: \(String(describing: error))")
            }
            let fileError = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
                try await client.scan(fileAt: bigFile.path)
            }
            #expect(fileError?.code == .sizeLimitExceeded, "\(endpoint) file: \(String(describing: fileError))")

            // Within StreamMaxLength but over MaxFileSize: clamd alerts
            // Heuristics.Limits.Exceeded.MaxFileSize, which is neither malware nor clean.
            for count in [(512 << 10) + 1, 1 << 20] {
                let error = await ClamdTestSupport.clamdError { () async throws(ClamdError) in
                    try await client.scan(ClamdTestSupport.cleanBytes(count))
                }
                #expect(error?.code == .notFullyScanned, "\(endpoint) \(count) bytes: \(String(describing: error))")
                #expect(error?.reply == "stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND")
            }
        }
    }
}
