import Foundation
import Glibc

/// The client's event loop: one thread of its own running `poll(2)` over the file descriptors that
/// suspended operations wait on, plus a wake-up pipe.
///
/// An async operation calls ``wait(for:events:deadline:)`` with a non-blocking descriptor; the task
/// suspends on a continuation (occupying no thread) and is resumed when the descriptor is ready,
/// when the deadline passes, or at once when the task is cancelled. Many connections therefore
/// never hold Swift's cooperative threads, and every wait has a deadline that really fires.
///
/// The shared loop's thread is started on first use and lives for the rest of the process.
final class PollLoop: Sendable {
    /// How a wait ended.
    enum Outcome: Sendable, Equatable {
        /// `poll` reported these `revents` for the descriptor (never 0).
        case ready(Int16)
        /// The deadline passed first.
        case timedOut
        /// The waiting task was cancelled.
        case cancelled
        /// `poll` itself failed with this `errno`; the loop goes on, this waiter is released.
        case pollFailed(Int32)
    }

    private enum Entry {
        /// Created, continuation not stored yet.
        case pending
        /// The task was cancelled before its continuation was stored.
        case cancelledEarly
        /// Suspended, waiting for the loop.
        case waiting(
            fd: Int32, events: Int16, deadline: ContinuousClock.Instant?,
            continuation: CheckedContinuation<Outcome, Never>)
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var nextID: UInt64 = 0
    }

    /// The process-wide loop every `ClamdClient` uses.
    static let shared = PollLoop(name: "ClamClient.PollLoop")

    private let state = LockedState(State())
    private let wakeReadFD: Int32
    private let wakeWriteFD: Int32

    /// Creates a loop and starts its thread. A loop that cannot create its wake-up pipe (the
    /// process is out of file descriptors) still works: its waits then notice new registrations
    /// within 50 ms instead of at once.
    init(name: String) {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            fds = [-1, -1]
        }
        wakeReadFD = fds[0]
        wakeWriteFD = fds[1]
        let thread = Thread { [self] in
            self.run()
        }
        thread.name = name
        thread.stackSize = 256 * 1024
        thread.start()
    }

    /// Suspends until `fd` reports one of `events` (or an error/hang-up, which `poll` always
    /// reports), until `deadline`, or until the task is cancelled. A negative `fd` waits for the
    /// deadline or cancellation only.
    func wait(for fd: Int32, events: Int16, deadline: ContinuousClock.Instant?) async -> Outcome {
        // The entry exists before the cancellation handler can run, so "no entry" always means
        // "already finished" and a late cancellation leaves nothing behind.
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID &+= 1
            state.entries[id] = .pending
            return id
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                let registered = state.withLock { state -> Bool in
                    guard case .pending = state.entries[id] else {
                        state.entries[id] = nil
                        return false
                    }
                    state.entries[id] = .waiting(
                        fd: fd, events: events, deadline: deadline, continuation: continuation)
                    return true
                }
                if registered {
                    wake()
                } else {
                    continuation.resume(returning: .cancelled)
                }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
                switch state.entries[id] {
                case .pending:
                    state.entries[id] = .cancelledEarly
                    return nil
                case .waiting(_, _, _, let continuation):
                    state.entries[id] = nil
                    return continuation
                case .cancelledEarly, nil:
                    return nil
                }
            }
            if let continuation {
                continuation.resume(returning: .cancelled)
                wake()
            }
        }
    }

    /// Suspends until `deadline` or until the task is cancelled; returns `.timedOut` or
    /// `.cancelled`.
    func sleep(until deadline: ContinuousClock.Instant) async -> Outcome {
        await wait(for: -1, events: 0, deadline: deadline)
    }

    private func wake() {
        guard wakeWriteFD >= 0 else { return }
        var byte: UInt8 = 1
        // A full pipe already guarantees a wake-up, so EAGAIN is fine to ignore.
        _ = Glibc.write(wakeWriteFD, &byte, 1)
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while buffer.withUnsafeMutableBytes({ Glibc.read(wakeReadFD, $0.baseAddress, $0.count) }) > 0 {}
    }

    private func run() {
        var pollFDs: [pollfd] = []
        var ids: [UInt64] = []
        let clock = ContinuousClock()
        while true {
            pollFDs.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            pollFDs.append(pollfd(fd: wakeReadFD, events: Int16(POLLIN), revents: 0))
            ids.append(UInt64.max)
            let earliest = state.withLock { state -> ContinuousClock.Instant? in
                var earliest: ContinuousClock.Instant?
                for (id, entry) in state.entries {
                    guard case .waiting(let fd, let events, let deadline, _) = entry else { continue }
                    if fd >= 0 {
                        pollFDs.append(pollfd(fd: fd, events: events, revents: 0))
                        ids.append(id)
                    }
                    if let deadline, earliest.map({ deadline < $0 }) ?? true {
                        earliest = deadline
                    }
                }
                return earliest
            }
            var timeout = Self.milliseconds(until: earliest, now: clock.now)
            if wakeReadFD < 0 {
                timeout = timeout < 0 ? 50 : min(timeout, 50)
            }
            let count = poll(&pollFDs, nfds_t(pollFDs.count), timeout)
            let pollErrno = count < 0 ? errno : 0
            if count > 0, pollFDs[0].revents != 0 {
                drainWakePipe()
            }
            let now = clock.now
            var finished: [(CheckedContinuation<Outcome, Never>, Outcome)] = []
            state.withLock { state in
                if pollErrno != 0 && pollErrno != EINTR {
                    // EINVAL (more descriptors than RLIMIT_NOFILE) or ENOMEM: release every waiter
                    // with the error rather than spin on a poll that keeps failing.
                    for (id, entry) in state.entries {
                        if case .waiting(_, _, _, let continuation) = entry {
                            state.entries[id] = nil
                            finished.append((continuation, .pollFailed(pollErrno)))
                        }
                    }
                    return
                }
                if count > 0 {
                    for index in 1..<pollFDs.count where pollFDs[index].revents != 0 {
                        let id = ids[index]
                        if case .waiting(_, _, _, let continuation) = state.entries[id] {
                            state.entries[id] = nil
                            finished.append((continuation, .ready(pollFDs[index].revents)))
                        }
                    }
                }
                for (id, entry) in state.entries {
                    if case .waiting(_, _, let deadline?, let continuation) = entry, deadline <= now {
                        state.entries[id] = nil
                        finished.append((continuation, .timedOut))
                    }
                }
            }
            for (continuation, outcome) in finished {
                continuation.resume(returning: outcome)
            }
        }
    }

    /// The `poll` timeout for the earliest deadline: -1 for none, rounded up to whole milliseconds
    /// so a wait never wakes just before its deadline and spins.
    static func milliseconds(until deadline: ContinuousClock.Instant?, now: ContinuousClock.Instant) -> Int32 {
        guard let deadline else { return -1 }
        guard deadline > now else { return 0 }
        let (seconds, attoseconds) = (deadline - now).components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        if milliseconds.overflow || milliseconds.partialValue >= Int64(Int32.max) {
            return Int32.max
        }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(milliseconds.partialValue + fraction, Int64(Int32.max)))
    }
}
