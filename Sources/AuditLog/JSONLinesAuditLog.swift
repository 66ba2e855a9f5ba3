import Foundation
import IOSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only audit store: one JSON object a line in a file, each line written with a single
/// `write` and made durable with `fsync` before ``record(_:)`` returns.
///
/// Writes run in order on a thread of the store's own, never on Swift's cooperative threads. The file is
/// created with mode 0600 and opened for appending, so concurrent processes appending to the same file do
/// not overwrite each other's lines.
public final class JSONLinesAuditLog: AuditLogger {
    /// The file the store appends to.
    public let path: String
    private let descriptor: Mutex<Int32?>
    private let thread: BlockingIOThreads

    /// Opens (creating if needed) the file at `path` for appending.
    ///
    /// - Throws: ``AuditLogError`` with code `openFailed`.
    public init(path: String) throws(AuditLogError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AuditLogError(.openFailed, path: path, errno: errno) }
        self.path = path
        descriptor = Mutex(fd)
        thread = BlockingIOThreads(name: "AuditLog.jsonl")
    }

    deinit {
        if let fd = descriptor.withLock({ $0 }) { closeDescriptor(fd) }
        thread.shutdown()
    }

    /// Appends `event` as one line and syncs it to stable storage.
    public func record(_ event: AuditEvent) async throws {
        let line = try Self.encodeLine(event, path: path)
        let path = self.path
        try await thread.run { [self] in
            try descriptor.withLock { fd throws(AuditLogError) in
                guard let fd else { throw AuditLogError(.closed, path: path) }
                try Self.writeAll(line, to: fd, path: path)
                guard fsync(fd) == 0 else { throw AuditLogError(.syncFailed, path: path, errno: errno) }
            }
        }
    }

    /// Closes the file once the events already submitted are written. Later ``record(_:)`` calls throw
    /// `closed`.
    public func close() async throws {
        try await thread.run { [self] in
            descriptor.withLock { fd in
                if let open = fd { closeDescriptor(open) }
                fd = nil
            }
        }
    }

    /// The JSON encoding of one event, as the store writes it (keys sorted, ISO 8601 time in UTC with
    /// milliseconds, no trailing newline).
    public static func encode(_ event: AuditEvent) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(timestampStyle))
        }
        return Array(try encoder.encode(event))
    }

    /// Decodes one line written by the store.
    public static func decode(_ line: some Collection<UInt8>) throws -> AuditEvent {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return try Date(text, strategy: timestampStyle)
        }
        return try decoder.decode(AuditEvent.self, from: Data(line))
    }

    private static func encodeLine(_ event: AuditEvent, path: String) throws(AuditLogError) -> [UInt8] {
        do {
            return try encode(event) + [0x0A]
        } catch {
            throw AuditLogError(.encodingFailed, path: path)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(AuditLogError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw AuditLogError(.writeFailed, path: path, errno: errno)
            }
            offset += written
        }
    }
}

/// ISO 8601 in UTC with milliseconds, e.g. `2026-12-03T16:00:00.125Z`.
private let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

/// `close(2)`, named apart from ``JSONLinesAuditLog/close()``.
private func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #elseif canImport(Musl)
    _ = Musl.close(fd)
    #elseif canImport(Darwin)
    _ = Darwin.close(fd)
    #endif
}
