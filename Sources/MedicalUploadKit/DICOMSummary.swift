/// Non-identifying facts of a stored DICOM file: the pseudonyms of the de-identified copy, and values that
/// identify no one (modality, SOP class, transfer syntax, image geometry).
public struct DICOMSummary: Sendable, Hashable, Codable {
    /// The pseudonym that replaced the Patient ID.
    public var patientPseudonym: String
    /// The replacement Study Instance UID.
    public var studyInstanceUID: String?
    /// The replacement Series Instance UID.
    public var seriesInstanceUID: String?
    /// The replacement SOP Instance UID.
    public var sopInstanceUID: String?
    /// The SOP Class UID (a registry value, not an identifier of anyone).
    public var sopClassUID: String?
    /// The modality, e.g. `MR`.
    public var modality: String?
    /// The stored copy's transfer syntax UID.
    public var transferSyntaxUID: String
    /// Rows of the image, when present.
    public var rows: Int?
    /// Columns of the image, when present.
    public var columns: Int?
    /// Number of frames (1 when absent but pixel data is present).
    public var numberOfFrames: Int?
}
