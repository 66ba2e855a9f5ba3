import Foundation

/// State guarded by a lock, for the client's threads and tasks to share.
///
/// Built on `NSLock` (a `pthread_mutex_t`) rather than `Synchronization.Mutex`: on Linux the
/// latter locks with raw futex calls that ThreadSanitizer cannot see, so every guarded access
/// would be reported as a race and `swift test --sanitize=thread` would be useless.
final class LockedState<State>: @unchecked Sendable {
    // Safe: `state` is only touched inside `withLock`, under `lock`.
    private let lock = NSLock()
    private var state: State

    init(_ state: State) {
        self.state = state
    }

    /// Runs `body` with exclusive access to the state.
    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
