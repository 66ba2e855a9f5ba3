import Foundation
import Testing

@testable import AuditLog

/// Runs `body` with the path of a file in a fresh directory, removed afterwards.
private func withTemporaryPath(_ body: (String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auditlog-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory.appendingPathComponent("audit.jsonl").path)
}

private func event(_ index: Int) -> AuditEvent {
    AuditEvent(
        id: "00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - String(index).count))\(index)",
        timestamp: Date(timeIntervalSince1970: 1_764_777_600.125 + Double(index)), actorID: "tester",
        action: AuditAction("upload.scan"), resourceType: "upload", resourceID: "u-\(index)", outcome: .success,
        clientIP: "203.0.113.7", userAgent: "tests/1.0", detail: ["index": String(index)])
}

@Suite struct JSONLinesAuditLogTests {
    @Test func appendsOneLinePerEventAndRoundTrips() async throws {
        try await withTemporaryPath { path in
            let log = try JSONLinesAuditLog(path: path)
            for index in 0..<3 { try await log.record(event(index)) }
            try await log.close()
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 3)
            let decoded = try lines.map { try JSONLinesAuditLog.decode(Array($0.utf8)) }
            #expect(decoded == (0..<3).map(event))
        }
    }

    @Test func encodingIsStable() throws {
        let text = String(decoding: try JSONLinesAuditLog.encode(event(0)), as: UTF8.self)
        #expect(
            text == """
                {"action":"upload.scan","actorID":"tester","clientIP":"203.0.113.7","detail":{"index":"0"},\
                "id":"00000000-0000-4000-8000-000000000000","outcome":"success","resourceID":"u-0",\
                "resourceType":"upload","timestamp":"2025-12-03T16:00:00.125Z","userAgent":"tests/1.0"}
                """)
    }

    @Test func concurrentWritersNeverInterleave() async throws {
        try await withTemporaryPath { path in
            let log = try JSONLinesAuditLog(path: path)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask { try await log.record(event(index)) }
                }
                try await group.waitForAll()
            }
            try await log.close()
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 200)
            let ids = Set(try lines.map { try JSONLinesAuditLog.decode(Array($0.utf8)).resourceID })
            #expect(ids.count == 200)
        }
    }

    @Test func appendsToAnExistingFileWithOwnerOnlyMode() async throws {
        try await withTemporaryPath { path in
            let first = try JSONLinesAuditLog(path: path)
            try await first.record(event(1))
            try await first.close()
            let second = try JSONLinesAuditLog(path: path)
            try await second.record(event(2))
            try await second.close()
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test func recordAfterCloseThrows() async throws {
        try await withTemporaryPath { path in
            let log = try JSONLinesAuditLog(path: path)
            try await log.close()
            await #expect(throws: AuditLogError(.closed, path: "")) { try await log.record(event(0)) }
        }
    }

    @Test func openFailureIsTyped() {
        #expect(throws: AuditLogError(.openFailed, path: "")) {
            try JSONLinesAuditLog(path: "/nonexistent-dir-\(UUID().uuidString)/audit.jsonl")
        }
    }
}
