import AuditLog
import ClamClient
import Foundation
import Testing
import UploadPolicy

@testable import MedicalUploadKit

/// Starts a private clamd with the repository's scripts, and stops it mid-run.
@Suite(.scratchDirectory) struct ScannerOutageTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts").path

    /// Runs a repository script and returns its standard output.
    func runScript(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.scripts + "/" + name)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(name) exited \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func clamdStoppedMidRunMakesTheNextFileAnErrorAndStoresNothing() async throws {
        let directory = try temporaryDirectory()
        // Short: clamd's Unix socket path must fit in sun_path (108 bytes).
        let clamdDirectory = "/tmp/mukc-" + UUID().uuidString.prefix(8)
        let exports = try runScript("clamd-start", [clamdDirectory])
        defer {
            _ = try? runScript("clamd-stop", [clamdDirectory])
            try? FileManager.default.removeItem(atPath: clamdDirectory)
        }
        let tcp = try #require(
            exports.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("CLAMD_TCP=") }
                .map { String($0.dropFirst("CLAMD_TCP=".count)) })
        let colon = try #require(tcp.lastIndex(of: ":"))
        let port = try #require(Int(tcp[tcp.index(after: colon)...]))
        let pipeline = try makePipeline(directory: directory, endpoint: .tcp(host: "127.0.0.1", port: port))
        let context = RequestContext(actorID: "tester")

        let first = await pipeline.ingest(
            Upload(fileName: "one.dcm", contents: .bytes(try syntheticDICOM())), context: context)
        #expect(first.record != nil, "outcome: \(first.outcome)")
        #expect(storedObjects(in: directory).count == 1)

        _ = try runScript("clamd-stop", [clamdDirectory])

        let second = await pipeline.ingest(
            Upload(fileName: "two.dcm", contents: .bytes(try syntheticDICOM())), context: context)
        #expect(second.error?.code == .scannerUnavailable, "outcome: \(second.outcome)")
        #expect(second.scan == nil)
        #expect(storedObjects(in: directory).count == 1)
        let last = try #require(try auditEvents(in: directory).last)
        #expect(last.action == .uploadMalwareScan && last.outcome == .error)
    }
}
