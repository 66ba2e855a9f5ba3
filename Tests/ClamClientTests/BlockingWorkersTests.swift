import Foundation
import Testing

@testable import ClamClient

/// The client's own threads for blocking calls.
@Suite("BlockingWorkers")
struct BlockingWorkersTests {
    @Test("jobs run off the calling task and return their value")
    func run() async {
        let workers = BlockingWorkers(threadCount: 2, name: "test.workers")
        let values = await withTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask { await workers.run { index * 2 } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.sorted() == (0..<20).map { $0 * 2 })
    }

    @Test("an abandoning job returns nil at once when cancelled, and the job still finishes")
    func abandon() async throws {
        let workers = BlockingWorkers(threadCount: 1, name: "test.abandon")
        let finished = LockedState(false)
        let task = Task {
            await workers.runAbandoningOnCancel { () -> Int in
                usleep(2_000_000)
                finished.withLock { $0 = true }
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        task.cancel()
        #expect(await task.value == nil)
        #expect(ContinuousClock.now - start < .seconds(1))
        // The worker is busy until the abandoned job ends; the next job runs after it.
        #expect(await workers.run { finished.withLock { $0 } })
        #expect(await workers.runAbandoningOnCancel { 5 } == 5)
    }
}
