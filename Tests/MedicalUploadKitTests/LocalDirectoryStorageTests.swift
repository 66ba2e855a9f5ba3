import AuditLog
import ClamClient
import Foundation
import Testing
import UploadPolicy

@testable import MedicalUploadKit

@Suite(.scratchDirectory) struct LocalDirectoryStorageTests {
    @Test func putGetDelete() async throws {
        let storage = try LocalDirectoryStorage(root: try temporaryDirectory())
        try await storage.put(key: "dicom/2026/12/03/abc.dcm", bytes: [1, 2, 3], contentType: "application/dicom")
        #expect(try await storage.get(key: "dicom/2026/12/03/abc.dcm") == [1, 2, 3])
        try await storage.put(key: "dicom/2026/12/03/abc.dcm", bytes: [4], contentType: "application/dicom")
        #expect(try await storage.get(key: "dicom/2026/12/03/abc.dcm") == [4])
        try await storage.delete(key: "dicom/2026/12/03/abc.dcm")
        try await storage.delete(key: "dicom/2026/12/03/abc.dcm")
        await #expect(throws: StorageError(.notFound, key: "", detail: "")) {
            try await storage.get(key: "dicom/2026/12/03/abc.dcm")
        }
    }

    @Test func objectsAreOwnerOnly() async throws {
        let root = try temporaryDirectory()
        let storage = try LocalDirectoryStorage(root: root)
        try await storage.put(key: "images/a.png", bytes: [0], contentType: "image/png")
        let attributes = try FileManager.default.attributesOfItem(atPath: root + "/images/a.png")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test(arguments: [
        "", "/etc/passwd", "../escape", "a/../../b", "a//b", "a/./b", "a/", "a\u{0}b", "a\\b", "a/.tmp-x",
    ])
    func refusesUnsafeKeys(key: String) async throws {
        let storage = try LocalDirectoryStorage(root: try temporaryDirectory())
        await #expect(throws: StorageError(.invalidKey, key: "", detail: "")) {
            try await storage.put(key: key, bytes: [1], contentType: "text/plain")
        }
    }
}

@Suite(.scratchDirectory) struct BoundedFileReaderTests {
    @Test func refusesAFileOverTheLimitBeforeReadingIt() throws {
        let path = try temporaryDirectory() + "/big.bin"
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 1001))
        #expect(throws: IngestRejection(.tooLarge, "")) { try BoundedFileReader.readFile(path: path, limit: 1000) }
        #expect(try BoundedFileReader.readFile(path: path, limit: 1001).count == 1001)
    }

    @Test func directoriesAndMissingFilesAreReadErrors() throws {
        let directory = try temporaryDirectory()
        #expect(throws: IngestError(.readFailed, "")) { try BoundedFileReader.readFile(path: directory, limit: 10) }
        #expect(throws: IngestError(.readFailed, "")) {
            try BoundedFileReader.readFile(path: directory + "/no", limit: 10)
        }
    }

    /// Regression: a FIFO blocked `open` forever, hanging the pipeline and every file after it.
    @Test(.timeLimit(.minutes(1)))
    func fifosAndDevicesAreRefusedWithoutBlocking() throws {
        let path = try temporaryDirectory() + "/pipe.dcm"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: IngestError(.readFailed, "")) { try BoundedFileReader.readFile(path: path, limit: 10) }
        #expect(throws: IngestError(.readFailed, "")) { try BoundedFileReader.readFile(path: "/dev/zero", limit: 10) }
    }

    @Test func readErrorsNameTheSystemError() throws {
        let error = try #require(throws: IngestError.self) {
            try BoundedFileReader.readFile(path: try temporaryDirectory() + "/missing", limit: 10)
        }
        #expect(error.message.contains("No such file or directory"))
    }

    @Test func readsEmptyFiles() throws {
        let path = try temporaryDirectory() + "/empty"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(try BoundedFileReader.readFile(path: path, limit: 10).isEmpty)
    }
}
