import Foundation
import Synchronization
import Testing

@testable import IOSupport

/// A shared, lockable value that escaping closures can capture.
private final class Shared<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ initial: Value) { value = Mutex(initial) }
}

@Suite struct BlockingIOThreadsTests {
    @Test func runsJobsInOrderOnOneThread() async throws {
        let threads = BlockingIOThreads(name: "test-serial")
        defer { threads.shutdown() }
        let order = Shared<[Int]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<5 {
                try await threads.run { order.value.withLock { $0.append(index) } }
                group.addTask { _ = try await threads.run { usleep(100) } }
            }
            try await group.waitForAll()
        }
        #expect(order.value.withLock { $0 } == [0, 1, 2, 3, 4])
    }

    @Test func returnsValues() async throws {
        let threads = BlockingIOThreads(name: "test-values")
        defer { threads.shutdown() }
        let sum = try await threads.run { (1...100).reduce(0, +) }
        #expect(sum == 5050)
    }

    @Test func propagatesErrors() async {
        struct Failure: Error {}
        let threads = BlockingIOThreads(name: "test-errors")
        defer { threads.shutdown() }
        await #expect(throws: Failure.self) { try await threads.run { throw Failure() } }
    }

    @Test func refusesWorkAfterShutdown() async {
        let threads = BlockingIOThreads(name: "test-shutdown")
        threads.shutdown()
        await #expect(throws: CancellationError.self) { try await threads.run { 1 } }
    }

    @Test func blockingJobsDoNotStarveTheCooperativePool() async throws {
        // Four jobs that each block for 200 ms on a four-thread pool, while the cooperative pool (two threads
        // here) keeps answering: if the jobs ran on cooperative threads the probe could not complete first.
        let threads = BlockingIOThreads(name: "test-blocking", threadCount: 4)
        defer { threads.shutdown() }
        let finishedProbe = Shared(false)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    _ = try await threads.run { usleep(200_000) }
                    #expect(finishedProbe.value.withLock { $0 })
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(20))
                finishedProbe.value.withLock { $0 = true }
            }
            try await group.waitForAll()
        }
    }
}
