import AuditLog
import Foundation

/// Records the audit events of one upload, all with the same actor, source and resource.
struct AuditTrail: Sendable {
    let logger: any AuditLogger
    let context: RequestContext
    let uploadID: String
    let clock: @Sendable () -> Date

    /// Records one event; a failure becomes an ``IngestError`` with code `auditFailed`.
    ///
    /// The write runs in a task of its own, which the upload's cancellation does not reach: a step that
    /// happened is always recorded, even when the caller gave up waiting for the upload.
    func record(_ action: AuditAction, _ outcome: AuditOutcome, _ detail: [String: String]) async throws(IngestError) {
        let event = AuditEvent(
            timestamp: clock(), actorID: context.actorID, action: action, resourceType: "upload",
            resourceID: uploadID, outcome: outcome, clientIP: context.clientIP, userAgent: context.userAgent,
            detail: detail)
        let logger = self.logger
        do {
            try await Task { try await logger.record(event) }.value
        } catch {
            throw IngestError(.auditFailed, "the \(action) event could not be recorded: \(error)")
        }
    }
}
