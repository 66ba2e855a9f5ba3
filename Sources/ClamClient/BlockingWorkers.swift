import Foundation
import Synchronization

/// A few threads of the client's own for the calls that can only block: opening and reading
/// files, and host-name resolution (`getaddrinfo`). Keeps them off Swift's cooperative pool.
final class BlockingWorkers: Sendable {
    /// The process-wide workers every `ClamdClient` uses (two threads, started on first use).
    static let shared = BlockingWorkers(threadCount: 2, name: "ClamClient.BlockingWorker")

    private let condition = NSCondition()
    /// Guarded by `condition`; `Mutex` only gives the storage `Sendable` a home.
    private let queue = Mutex<[@Sendable () -> Void]>([])

    init(threadCount: Int, name: String) {
        for index in 0..<max(1, threadCount) {
            let thread = Thread { [self] in
                self.work()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on a worker thread and returns its result. The caller is suspended (holding no
    /// thread) until `body` returns; cancellation does not interrupt `body`, so it may safely use
    /// resources the caller owns, such as a file descriptor.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            enqueue {
                continuation.resume(returning: body())
            }
        }
    }

    /// Runs `body` on a worker thread, but returns `nil` at once when the task is cancelled,
    /// leaving `body` to finish unobserved. `body` must therefore own everything it touches.
    func runAbandoningOnCancel<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T? {
        // (cancelled, continuation): whoever takes the continuation out resumes it, exactly once.
        let slot = Mutex<(cancelled: Bool, continuation: CheckedContinuation<T?, Never>?)>((false, nil))
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
                let cancelled = slot.withLock { slot in
                    if !slot.cancelled {
                        slot.continuation = continuation
                    }
                    return slot.cancelled
                }
                if cancelled {
                    continuation.resume(returning: nil)
                    return
                }
                enqueue {
                    let value = body()
                    slot.withLock { $0.continuation.take() }?.resume(returning: value)
                }
            }
        } onCancel: {
            let continuation = slot.withLock { slot in
                slot.cancelled = true
                return slot.continuation.take()
            }
            continuation?.resume(returning: nil)
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.withLock { $0.append(job) }
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            var job = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            while job == nil {
                condition.wait()
                job = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            }
            condition.unlock()
            job?()
        }
    }
}
