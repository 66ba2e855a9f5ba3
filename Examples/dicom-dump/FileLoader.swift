// FileLoader: reads each input file into one reused byte array, with plain POSIX calls (this is a
// command-line tool working through its files in order on one thread).

import DICOMKitCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files into a buffer that is reused from file to file: once the previous file's `DICOMFile`
/// (whose values are slices of the buffer) is gone, the buffer is uniquely held again and is resized
/// and overwritten in place instead of being allocated anew.
struct FileLoader {
    private var buffer: [UInt8] = []
    let maximumSize: Int

    init(maximumSize: Int) {
        self.maximumSize = maximumSize
    }

    /// The bytes of the file at `path`.
    ///
    /// - Throws: `DICOMError` `fileIO` (cannot open, not a regular file, read error) or `fileTooLarge`.
    mutating func load(_ path: String) throws(DICOMError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DICOMError(.fileIO, message: "cannot open the file (\(errnoName(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DICOMError(.fileIO, message: "cannot stat the file (\(errnoName(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DICOMError(.fileIO, message: "not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else {
            throw DICOMError(.fileTooLarge, message: "the file is larger than the limit of \(maximumSize) bytes")
        }
        resize(to: size)
        var failure: Int32?
        let got = buffer.withUnsafeMutableBytes { bytes -> Int in
            var done = 0
            while done < size {
                let result = read(descriptor, bytes.baseAddress.map { $0 + done }, size - done)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return done
                }
                if result == 0 {
                    break  // the file shrank while being read: parse what is there
                }
                done += result
            }
            return done
        }
        if let failure {
            throw DICOMError(.fileIO, message: "read failed (\(errnoName(failure)))")
        }
        if got < size {
            resize(to: got)
        }
        return buffer
    }

    /// Sets the buffer's count to `size` without reallocating when it is uniquely held and large
    /// enough (bytes past the old count are zeroed, then overwritten by the read).
    private mutating func resize(to size: Int) {
        if buffer.count > size {
            buffer.removeLast(buffer.count - size)
        } else if buffer.count < size {
            buffer.append(contentsOf: repeatElement(0, count: size - buffer.count))
        }
    }
}

/// A short name for a POSIX error number (`ENOENT`, ...), or the number.
func errnoName(_ number: Int32) -> String {
    switch number {
    case ENOENT: "ENOENT: no such file"
    case EACCES: "EACCES: permission denied"
    case EISDIR: "EISDIR: a directory"
    case EIO: "EIO: input/output error"
    case ENOTDIR: "ENOTDIR: a path component is not a directory"
    case ELOOP: "ELOOP: too many symbolic links"
    case ENAMETOOLONG: "ENAMETOOLONG: the path is too long"
    case EMFILE, ENFILE: "EMFILE: too many open files"
    default: "errno \(number)"
    }
}
