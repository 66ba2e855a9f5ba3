#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file with a size bound. Blocking: call it on a thread of the package's own.
enum BoundedFileReader {
    /// The file's bytes.
    ///
    /// The file is opened non-blocking, so a FIFO or a device never blocks the open, and anything but a
    /// regular file is refused before a byte is read. A file over `limit` (by its size, or by what a growing
    /// file yields) is a `tooLarge` rejection; at most `limit + 1` bytes are ever read.
    static func readFile(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw IngestError(.readFailed, "cannot open the file: \(systemError())") }
        defer { _ = close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw IngestError(.readFailed, "cannot stat the file: \(systemError())") }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw IngestError(.readFailed, "not a regular file")
        }
        // Regular files ignore O_NONBLOCK, but clear it so a read never returns EAGAIN.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let declared = Int(status.st_size)
        if declared > limit {
            throw IngestRejection(.tooLarge, "\(declared) bytes, over the limit of \(limit)")
        }
        var bytes = [UInt8](repeating: 0, count: declared + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + count }, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw IngestError(.readFailed, "read failed: \(systemError())")
            }
            if got == 0 { break }
            count += got
            if count == bytes.count, count <= limit {
                // The file grew while being read: keep reading, up to the limit plus one byte.
                bytes.append(contentsOf: repeatElement(0, count: min(limit + 1, count * 2) - count))
            }
        }
        if count > limit { throw IngestRejection(.tooLarge, "over the limit of \(limit) bytes") }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The current `errno` as text, e.g. `No such file or directory (errno 2)`.
    static func systemError() -> String {
        let code = errno
        return "\(String(cString: strerror(code))) (errno \(code))"
    }
}
