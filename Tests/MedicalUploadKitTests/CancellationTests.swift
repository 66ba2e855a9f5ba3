import AuditLog
import ClamClient
import DICOMKitCore
import Foundation
import Synchronization
import Testing
import UploadPolicy

@testable import MedicalUploadKit

/// The real local storage, made slow: announces each put, then waits before writing, as a slow disk or a
/// remote store would.
private final class SlowStorage: ObjectStorage {
    let inner: LocalDirectoryStorage
    let putStarted: AsyncStream<Void>
    private let announce: AsyncStream<Void>.Continuation

    init(root: String) throws {
        inner = try LocalDirectoryStorage(root: root)
        (putStarted, announce) = AsyncStream.makeStream()
    }

    func put(key: String, bytes: [UInt8], contentType: String) async throws {
        announce.yield()
        try await Task.sleep(for: .milliseconds(300))
        try await inner.put(key: key, bytes: bytes, contentType: contentType)
    }

    func get(key: String) async throws -> [UInt8] { try await inner.get(key: key) }
    func delete(key: String) async throws { try await inner.delete(key: key) }
}

@Suite(.scratchDirectory) struct CancellationTests {
    let context = RequestContext(actorID: "tester")

    func pipeline(directory: String, storage: any ObjectStorage) throws -> UploadPipeline {
        UploadPipeline(
            scanner: ClamdScanner(client: ClamdClient(endpoint: try clamdFromEnvironment())),
            storage: storage, auditLogger: try JSONLinesAuditLog(path: directory + "/audit.jsonl"),
            deidentifier: try Deidentifier(secretKey: Array(repeating: 0x5A, count: 32)))
    }

    /// Regression: cancelling while the object was being stored left it in storage, with no `upload.store`
    /// event, while the caller was told the upload failed.
    @Test func cancellingDuringTheStoreNeverLeavesAnUnauditedObject() async throws {
        let directory = try temporaryDirectory()
        let storage = try SlowStorage(root: directory + "/storage")
        let pipeline = try pipeline(directory: directory, storage: storage)
        let bytes = try syntheticDICOM()
        let upload = Task {
            await pipeline.ingest(Upload(fileName: "s.dcm", contents: .bytes(bytes)), context: context)
        }
        for await _ in storage.putStarted { break }
        upload.cancel()
        let report = await upload.value

        let stored = storedObjects(in: directory)
        let storeEvents = try auditEvents(in: directory).filter { $0.action == .uploadStore && $0.outcome == .success }
        #expect(stored.count == storeEvents.count, "objects \(stored) but store events \(storeEvents.count)")
        if let record = report.record {
            #expect(stored == [record.storageKey])
        } else {
            #expect(stored.isEmpty, "outcome \(report.outcome) but \(stored) stored")
        }
    }

    @Test func cancellingBeforeADecisionIsAuditedAndStoresNothing() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try pipeline(
            directory: directory, storage: try LocalDirectoryStorage(root: directory + "/storage"))
        let bytes = try syntheticDICOM()
        let upload = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await pipeline.ingest(Upload(fileName: "s.dcm", contents: .bytes(bytes)), context: context)
        }
        let report = await upload.value
        #expect(report.error?.code == .cancelled, "outcome \(report.outcome)")
        #expect(storedObjects(in: directory).isEmpty)
        let events = try auditEvents(in: directory)
        #expect(events.last?.action == .uploadCancelled)
        #expect(!events.contains { $0.outcome == .error && $0.action != .uploadCancelled })
    }
}
