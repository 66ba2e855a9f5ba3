import Foundation

/// A few threads of the client's own for the calls that can only block: opening and reading
/// files, and host-name resolution (`getaddrinfo`). Keeps them off Swift's cooperative pool.
final class BlockingWorkers: @unchecked Sendable {
    /// The process-wide file readers every `ClamdClient` uses (two threads, started on first use).
    static let files = BlockingWorkers(threadCount: 2, name: "ClamClient.FileReader")
    /// The process-wide host-name resolvers (two threads, started on first use). Apart from the
    /// file readers, so a slow DNS server (whose lookups cannot be interrupted) never delays a
    /// file scan.
    static let resolvers = BlockingWorkers(threadCount: 2, name: "ClamClient.Resolver")

    // Safe: `queue` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []

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
        let slot = LockedState<(cancelled: Bool, continuation: CheckedContinuation<T?, Never>?)>((false, nil))
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
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty {
                condition.wait()
            }
            let job = queue.removeFirst()
            condition.unlock()
            job()
        }
    }
}
