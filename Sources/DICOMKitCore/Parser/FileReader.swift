import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with blocking POSIX calls on DICOMKitCore's own dispatch queue, so that the
/// blocking never occupies one of Swift's cooperative threads.
enum FileReader {
    private static let queue = DispatchQueue(label: "DICOMKitCore.FileReader", attributes: .concurrent)
    private static let chunkSize = 1 << 20

    /// Set from a cancellation handler, polled between chunks by the reading thread.
    private final class CancellationFlag: Sendable {
        private let cancelled = Atomic<Bool>(false)

        func cancel() {
            cancelled.store(true, ordering: .relaxed)
        }

        var isCancelled: Bool {
            cancelled.load(ordering: .relaxed)
        }
    }

    static func readAll(path: String, maximumSize: Int) async throws(DICOMError) -> [UInt8] {
        if Task.isCancelled {
            throw DICOMError(.cancelled, message: "the task was cancelled before the file was read")
        }
        let flag = CancellationFlag()
        let result: Result<[UInt8], DICOMError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: readBlocking(path: path, maximumSize: maximumSize, flag: flag))
                }
            }
        } onCancel: {
            flag.cancel()
        }
        return try result.get()
    }

    private typealias ReadResult = Result<[UInt8], DICOMError>

    private static func readBlocking(path: String, maximumSize: Int, flag: CancellationFlag) -> ReadResult {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(DICOMError(.fileIO, message: "cannot open the file (errno \(errno))"))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(DICOMError(.fileIO, message: "cannot stat the file (errno \(errno))"))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            return .failure(DICOMError(.fileIO, message: "not a regular file"))
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else {
            return .failure(
                DICOMError(.fileTooLarge, message: "the file is larger than the limit of \(maximumSize) bytes")
            )
        }
        var failure: DICOMError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                if flag.isCancelled {
                    failure = DICOMError(.cancelled, message: "the task was cancelled while the file was read")
                    return
                }
                let want = min(chunkSize, size - initialized)
                let got = read(descriptor, buffer.baseAddress.map { $0 + initialized }, want)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = DICOMError(.fileIO, message: "read failed (errno \(errno))")
                    return
                }
                if got == 0 {
                    return  // the file shrank while being read: parse what is there
                }
                initialized += got
            }
        }
        if let failure {
            return .failure(failure)
        }
        return .success(bytes)
    }
}
