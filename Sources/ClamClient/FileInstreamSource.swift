import Glibc

/// The chunks of a regular file, read on ``BlockingWorkers`` threads so a slow disk or network
/// file system never blocks Swift's cooperative pool.
///
/// The file is read to its end as it is when read (its size at open time is only used for the
/// up-front length check). The descriptor is closed by ``close()`` and, as a backstop, on release.
/// Error messages never contain the path (a host may put names in paths) or file contents.
final class FileInstreamSource: InstreamSource {
    private var fd: Int32
    /// The file's size when it was opened.
    let sizeAtOpen: Int

    private init(fd: Int32, size: Int) {
        self.fd = fd
        sizeAtOpen = size
    }

    deinit {
        close()
    }

    /// Closes the file; later calls do nothing.
    func close() {
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    private enum OpenResult: Sendable {
        case opened(fd: Int32, size: Int)
        case failed(step: String, errno: Int32)
        case notRegular
    }

    /// Opens the regular file at `path` for reading.
    static func open(path: String) async throws(ClamdError) -> FileInstreamSource {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw ClamdError(code: .fileReadFailed, detail: "the file path is empty or contains a NUL byte")
        }
        if Task.isCancelled {
            throw ClamdError(code: .cancelled, detail: "cancelled before opening the file")
        }
        // O_NONBLOCK: opening a FIFO must not hang; regular files ignore the flag.
        let result = await BlockingWorkers.files.run { () -> OpenResult in
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
            guard fd >= 0 else {
                return .failed(step: "open", errno: errno)
            }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                let code = errno
                _ = Glibc.close(fd)
                return .failed(step: "fstat", errno: code)
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                _ = Glibc.close(fd)
                return .notRegular
            }
            return .opened(fd: fd, size: Int(info.st_size))
        }
        switch result {
        case .opened(let fd, let size):
            return FileInstreamSource(fd: fd, size: size)
        case .failed(let step, let code):
            throw ClamdError(code: .fileReadFailed, detail: "\(step) of the file to scan: \(describeErrno(code))")
        case .notRegular:
            throw ClamdError(code: .fileReadFailed, detail: "the path to scan is not a regular file")
        }
    }

    private enum ReadResult: Sendable {
        case frame([UInt8])
        case end
        case failed(errno: Int32)
    }

    func nextFrame(maxLength: Int) async throws(ClamdError) -> [UInt8]? {
        guard fd >= 0, maxLength > 0 else {
            return nil
        }
        let fd = self.fd
        // `run` waits for the read even when the task is cancelled, so `fd` stays open meanwhile.
        let result = await BlockingWorkers.files.run { () -> ReadResult in
            var failure: Int32 = 0
            let frame = [UInt8](unsafeUninitializedCapacity: instreamHeaderLength + maxLength) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                base.initialize(repeating: 0, count: instreamHeaderLength)
                var got = -1
                repeat {
                    got = Glibc.read(fd, base + instreamHeaderLength, maxLength)
                } while got < 0 && errno == EINTR
                if got < 0 {
                    failure = errno
                    return
                }
                count = instreamHeaderLength + got
            }
            if failure != 0 {
                return .failed(errno: failure)
            }
            return frame.count > instreamHeaderLength ? .frame(frame) : .end
        }
        switch result {
        case .frame(let frame):
            return frame
        case .end:
            return nil
        case .failed(let code):
            throw ClamdError(code: .fileReadFailed, detail: "read of the file to scan: \(describeErrno(code))")
        }
    }
}
