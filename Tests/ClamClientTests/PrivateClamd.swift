import ClamClient
import Foundation

/// A clamd of the test's own, started with scripts/clamd-start in a temporary directory (with
/// limits set through the script's environment overrides) and stopped with scripts/clamd-stop.
struct PrivateClamd {
    let directory: URL
    let tcp: ClamdEndpoint
    let unix: ClamdEndpoint

    /// Starts clamd; `environment` adds e.g. `CLAMD_STREAM_MAX=1M`.
    static func start(environment: [String: String]) async throws -> PrivateClamd {
        let directory = try ClamdTestSupport.temporaryDirectory()
        // If this test process dies before stop(), clamd-start's watcher stops clamd.
        let watched = environment.merging(["CLAMD_STOP_WITH_PID": String(getpid())]) { $1 }
        let output = try await run("clamd-start", directory, environment: watched)
        // One line: export CLAMD_TCP=127.0.0.1:PORT CLAMD_SOCKET=PATH CLAMD_PID=PID
        var values: [String: String] = [:]
        for word in output.split(whereSeparator: \.isWhitespace) {
            let parts = word.split(separator: "=", maxSplits: 1)
            if parts.count == 2 {
                values[String(parts[0])] = String(parts[1])
            }
        }
        guard let tcp = values["CLAMD_TCP"], let socket = values["CLAMD_SOCKET"] else {
            _ = try? await run("clamd-stop", directory, environment: [:])
            throw TestFailure("clamd-start printed no endpoints: \(output)")
        }
        return PrivateClamd(
            directory: directory, tcp: try ClamdTestSupport.tcpEndpoint(parsing: tcp),
            unix: .unixSocket(path: socket))
    }

    /// Stops clamd and removes the directory.
    func stop() async {
        _ = try? await Self.run("clamd-stop", directory, environment: [:])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs scripts/`name` DIR without blocking a cooperative thread; returns its stdout.
    private static func run(_ name: String, _ directory: URL, environment: [String: String]) async throws -> String {
        let process = Process()
        process.executableURL = ClamdTestSupport.repositoryRoot.appendingPathComponent("scripts/\(name)")
        process.arguments = [directory.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard status == 0 else {
            let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestFailure("scripts/\(name) exited with \(status): \(errors)")
        }
        return output
    }
}
