import Foundation
import IOSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Stores objects as files below a root directory, for development, tests and single-host deployments.
///
/// Each object is written to a temporary file in its target directory, synced, and renamed into place, so a
/// reader never sees half an object and a crash leaves either the old object or the new one. Files are
/// created with mode 0600 and directories with 0700. All file work runs on threads of the package's own,
/// never on Swift's cooperative threads.
public struct LocalDirectoryStorage: ObjectStorage {
    /// The root directory (absolute).
    public let root: String

    /// Uses `root` as the store, creating it (mode 0700) when missing.
    ///
    /// - Throws: ``StorageError`` `ioFailed` when the directory cannot be created.
    public init(root: String) throws(StorageError) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        do {
            try FileManager.default.createDirectory(
                atPath: absolute, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StorageError(.ioFailed, key: "", detail: "cannot create the storage root \(absolute)")
        }
        self.root = absolute
    }

    /// Writes `bytes` to `root/key` atomically and durably.
    public func put(key: String, bytes: [UInt8], contentType: String) async throws {
        let path = try StorageKeyPath.resolve(key, under: root)
        try await BlockingIOThreads.shared.run {
            try Self.writeAtomically(bytes, to: path, key: key)
        }
    }

    /// Reads `root/key`.
    public func get(key: String) async throws -> [UInt8] {
        let path = try StorageKeyPath.resolve(key, under: root)
        return try await BlockingIOThreads.shared.run {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StorageError(.notFound, key: key, detail: "no object under this key")
            }
            return [UInt8](data)
        }
    }

    /// Removes `root/key` if it exists.
    public func delete(key: String) async throws {
        let path = try StorageKeyPath.resolve(key, under: root)
        try await BlockingIOThreads.shared.run {
            if unlink(path) != 0 && errno != ENOENT {
                throw StorageError(.ioFailed, key: key, detail: "unlink failed (errno \(errno))")
            }
        }
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String, key: String) throws(StorageError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StorageError(.ioFailed, key: key, detail: "cannot create the object's directory")
        }
        let temporary = directory + "/.tmp-" + UUID().uuidString.lowercased()
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StorageError(.ioFailed, key: key, detail: "open failed (errno \(errno))") }
        var failure: StorageError?
        var offset = 0
        while offset < bytes.count, failure == nil {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno != EINTR {
                    failure = StorageError(.ioFailed, key: key, detail: "write failed (errno \(errno))")
                }
            } else {
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 {
            failure = StorageError(.ioFailed, key: key, detail: "fsync failed (errno \(errno))")
        }
        _ = close(fd)
        if failure == nil, rename(temporary, path) != 0 {
            failure = StorageError(.ioFailed, key: key, detail: "rename failed (errno \(errno))")
        }
        if let failure {
            _ = unlink(temporary)
            throw failure
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            _ = close(directoryFD)
        }
    }
}

/// Maps storage keys to paths below a root, refusing keys that could leave it.
enum StorageKeyPath {
    static func resolve(_ key: String, under root: String) throws(StorageError) -> String {
        let components = key.split(separator: "/", omittingEmptySubsequences: false)
        let valid =
            !key.isEmpty && key.utf8.count <= 1024 && !key.hasPrefix("/")
            && components.allSatisfy { component in
                !component.isEmpty && component != "." && component != ".." && !component.hasPrefix(".tmp-")
                    && component.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\\" }
            }
        guard valid else { throw StorageError(.invalidKey, key: "", detail: "the key is not a safe relative path") }
        return root + "/" + key
    }
}
