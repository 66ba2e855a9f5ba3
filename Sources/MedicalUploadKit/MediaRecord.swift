/// The stored upload, shaped like a row of a media table. It holds no PHI value: DICOM identifiers appear
/// as the pseudonyms written into the stored, de-identified copy.
public struct MediaRecord: Sendable, Hashable, Codable {
    /// The upload's id, as used in its audit events.
    public var uploadID: String
    /// The client's file name, reduced to a safe display name.
    public var displayName: String
    /// The media type of the sniffed content, e.g. `application/dicom`.
    public var contentType: String
    /// The size of the received file in bytes.
    public var size: Int
    /// The size of the stored object in bytes (differs from ``size`` for de-identified DICOM).
    public var storedSize: Int
    /// The SHA-256 of the stored object, lowercase hex.
    public var sha256: String
    /// The storage key of the stored object.
    public var storageKey: String
    /// The malware scan verdict (always `clean` for a stored upload).
    public var scan: String
    /// The DICOM summary, for DICOM uploads.
    public var dicom: DICOMSummary?
}
