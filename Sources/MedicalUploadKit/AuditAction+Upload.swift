public import AuditLog

extension AuditAction {
    /// The size limit of the upload's kind was checked.
    public static let uploadSizeCheck = AuditAction("upload.size_check")
    /// The upload was scanned for malware.
    public static let uploadMalwareScan = AuditAction("upload.malware_scan")
    /// The upload's content was checked against its kind and name.
    public static let uploadContentCheck = AuditAction("upload.content_check")
    /// A DICOM upload was parsed and its required attributes checked.
    public static let uploadDICOMParse = AuditAction("upload.dicom_parse")
    /// A DICOM upload was de-identified.
    public static let uploadDICOMDeidentify = AuditAction("upload.dicom_deidentify")
    /// The upload was stored.
    public static let uploadStore = AuditAction("upload.store")
    /// The upload's task was cancelled before a decision; nothing was stored.
    public static let uploadCancelled = AuditAction("upload.cancelled")
}
