/// Where audit events go. Implementations must make an event durable (or hand it to something that does)
/// before `record` returns, and must be safe to call from many tasks at once.
public protocol AuditLogger: Sendable {
    /// Records `event`, throwing when it could not be recorded. Callers treat a thrown error as "not
    /// audited" and fail closed.
    func record(_ event: AuditEvent) async throws
}
