/// How the pipeline decided one upload.
public enum UploadOutcome: Sendable {
    /// Accepted and stored.
    case stored(MediaRecord)
    /// Refused by a check; nothing was stored.
    case rejected(IngestRejection)
    /// Could not be decided (scanner unreachable, storage or audit failure); nothing was stored.
    case failed(IngestError)
}
