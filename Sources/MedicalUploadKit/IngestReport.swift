/// What the pipeline learned of one upload and how it decided it.
public struct IngestReport: Sendable {
    /// The upload's id, as used in its audit events.
    public var uploadID: String
    /// How many bytes were received, once known.
    public var size: Int?
    /// The malware scan verdict, once the file was scanned.
    public var scan: MalwareScanVerdict?
    /// The media type of the sniffed content, once the content checks passed.
    public var contentType: String?
    /// The decision.
    public var outcome: UploadOutcome

    /// Creates a report.
    public init(
        uploadID: String, size: Int? = nil, scan: MalwareScanVerdict? = nil, contentType: String? = nil,
        outcome: UploadOutcome
    ) {
        self.uploadID = uploadID
        self.size = size
        self.scan = scan
        self.contentType = contentType
        self.outcome = outcome
    }
}
