import Foundation
import Synchronization

/// Runs blocking work (fsync, large file reads, blocking C libraries) on threads of our own, so that it
/// never occupies one of Swift's cooperative threads (there are only as many as cores).
///
/// Work submitted to one instance runs in submission order when the instance has one thread, which makes a
/// single-threaded instance a natural serial queue (an append-only log, for example).
public final class BlockingIOThreads: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var shuttingDown = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let threadCount: Int

    /// A shared pool of two threads for short blocking calls of the package's modules.
    public static let shared = BlockingIOThreads(name: "MedicalUploadKit.blocking-io", threadCount: 2)

    /// Starts `threadCount` threads named `name`.
    ///
    /// - Parameters:
    ///   - name: the thread name, shown in debuggers and crash reports.
    ///   - threadCount: how many threads run jobs; 1 makes jobs run one at a time in submission order.
    public init(name: String, threadCount: Int = 1) {
        precondition(threadCount > 0, "a BlockingIOThreads needs at least one thread")
        self.threadCount = threadCount
        for index in 0..<threadCount {
            let thread = Thread { [self] in self.workLoop() }
            thread.name = threadCount == 1 ? name : "\(name)-\(index)"
            thread.start()
        }
    }

    /// Stops the threads once the jobs already submitted have run. Jobs submitted afterwards throw
    /// `CancellationError`.
    public func shutdown() {
        state.withLock { $0.shuttingDown = true }
        for _ in 0..<threadCount { available.signal() }
    }

    /// Runs `body` on one of the threads and returns its result.
    ///
    /// If the calling task is cancelled before the job starts, the job is skipped and `CancellationError` is
    /// thrown; a job that has started runs to completion.
    @discardableResult
    public func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try Task.checkCancellation()
        let accepted = state.withLock { !$0.shuttingDown }
        guard accepted else { throw CancellationError() }
        return try await withCheckedThrowingContinuation { continuation in
            submit {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        state.withLock { $0.jobs.append(job) }
        available.signal()
    }

    private func workLoop() {
        while true {
            available.wait()
            let next: (@Sendable () -> Void)?? = state.withLock { state in
                if state.head < state.jobs.count {
                    let job = state.jobs[state.head]
                    state.head += 1
                    if state.head > 64, state.head * 2 > state.jobs.count {
                        state.jobs.removeFirst(state.head)
                        state.head = 0
                    }
                    return .some(job)
                }
                return state.shuttingDown ? .none : .some(nil)
            }
            switch next {
            case .none: return
            case .some(.none): continue
            case .some(.some(let job)): job()
            }
        }
    }
}
