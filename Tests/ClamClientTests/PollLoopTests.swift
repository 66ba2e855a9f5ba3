import Glibc
import Testing

@testable import ClamClient

/// The client's poll thread: readiness, deadlines, cancellation.
@Suite("PollLoop")
struct PollLoopTests {
    @Test("poll timeouts round up to whole milliseconds")
    func pollTimeout() {
        let now = ContinuousClock.now
        #expect(PollLoop.milliseconds(until: nil, now: now) == -1)
        #expect(PollLoop.milliseconds(until: now, now: now) == 0)
        #expect(PollLoop.milliseconds(until: now - .seconds(1), now: now) == 0)
        #expect(PollLoop.milliseconds(until: now + .microseconds(1), now: now) == 1)
        #expect(PollLoop.milliseconds(until: now + .milliseconds(1500), now: now) == 1500)
        #expect(PollLoop.milliseconds(until: now + .seconds(1 << 40), now: now) == Int32.max)
    }

    @Test("a wait ends when the descriptor becomes ready, not before")
    func readiness() async throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { fds.forEach { close($0) } }
        let reader = fds[0]
        let waiter = Task {
            await PollLoop.shared.wait(for: reader, events: Int16(POLLIN), deadline: .now + .seconds(30))
        }
        try await Task.sleep(for: .milliseconds(100))
        var byte: UInt8 = 7
        #expect(write(fds[1], &byte, 1) == 1)
        let outcome = await waiter.value
        guard case .ready(let revents) = outcome else {
            Issue.record("expected readiness, got \(outcome)")
            return
        }
        #expect(revents & Int16(POLLIN) != 0)
    }

    @Test("deadlines fire in order, each close to its time")
    func deadlines() async {
        let start = ContinuousClock.now
        let elapsed = await withTaskGroup(of: (Int, Duration).self) { group in
            for index in [3, 1, 2] {
                group.addTask {
                    let outcome = await PollLoop.shared.sleep(until: start + .milliseconds(100 * index))
                    #expect(outcome == .timedOut)
                    return (index, ContinuousClock.now - start)
                }
            }
            var elapsed: [Int: Duration] = [:]
            for await (index, duration) in group {
                elapsed[index] = duration
            }
            return elapsed
        }
        for index in 1...3 {
            let duration = elapsed[index] ?? .zero
            #expect(duration >= .milliseconds(100 * index), "sleep \(index) woke after \(duration)")
            // The upper bound proves the wait ends; it is loose because under a sanitizer, with every suite
            // running in parallel on two cores, the woken task itself may wait seconds for a thread.
            #expect(duration < .milliseconds(100 * index + 10_000), "sleep \(index) woke after \(duration)")
        }
    }

    @Test("cancellation ends a wait at once, also when it comes before the wait starts")
    func cancellation() async throws {
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await PollLoop.shared.sleep(until: .now + .seconds(30))
        }
        #expect(await early.value == .cancelled)

        let late = Task { await PollLoop.shared.sleep(until: .now + .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        late.cancel()
        #expect(await late.value == .cancelled)
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("a thousand concurrent waits complete without holding threads")
    func manyWaits() async {
        let deadline = ContinuousClock.now + .milliseconds(200)
        let outcomes = await withTaskGroup(of: PollLoop.Outcome.self) { group in
            for _ in 0..<1_000 {
                group.addTask { await PollLoop.shared.sleep(until: deadline) }
            }
            var outcomes: [PollLoop.Outcome] = []
            for await outcome in group {
                outcomes.append(outcome)
            }
            return outcomes
        }
        #expect(outcomes.count == 1_000)
        #expect(outcomes.allSatisfy { $0 == .timedOut })
    }
}
