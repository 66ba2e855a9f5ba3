import UploadPolicy

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

/// How the pipeline decided one upload.
public enum UploadOutcome: Sendable {
    /// Accepted and stored.
    case stored(MediaRecord)
    /// Refused by a check; nothing was stored.
    case rejected(IngestRejection)
    /// Could not be decided (scanner unreachable, storage or audit failure); nothing was stored.
    case failed(IngestError)
}

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

/// Why the pipeline refused an upload. Compare by ``code``.
public struct IngestRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable rejection code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as a stable string, e.g. `tooLarge`.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The file is larger than its kind allows.
        public static let tooLarge = Code("tooLarge")
        /// The format or extension is not one the kind accepts.
        public static let notAccepted = Code("notAccepted")
        /// The upload holds more files than its kind allows.
        public static let tooManyFiles = Code("tooManyFiles")
        /// The extension names another format than the content.
        public static let extensionMismatch = Code("extensionMismatch")
        /// The file is empty.
        public static let empty = Code("empty")
        /// The content matches no accepted format.
        public static let unrecognizedContent = Code("unrecognizedContent")
        /// The malware scanner found malware.
        public static let infected = Code("infected")
        /// The malware scanner could not scan the whole file.
        public static let notFullyScanned = Code("notFullyScanned")
        /// The DICOM file could not be parsed.
        public static let malformedDICOM = Code("malformedDICOM")
        /// A DICOM attribute the pipeline requires is absent or empty.
        public static let missingAttribute = Code("missingAttribute")

        /// Maps an upload-policy rejection code to the pipeline's.
        init(_ code: UploadRejection.Code) {
            self.init(code.description)
        }

        /// The code as a stable string.
        public var description: String { rawValue }
    }

    /// What was wrong.
    public let code: Code
    /// A sentence naming limits, formats, tags or offsets; never a PHI value.
    public let message: String

    /// Creates a rejection.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Rejections are equal when their codes are.
    public static func == (lhs: IngestRejection, rhs: IngestRejection) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// Why the pipeline could not decide an upload. Compare by ``code``.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as a stable string.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The file could not be read.
        public static let readFailed = Code("readFailed")
        /// The malware scanner gave no verdict after every attempt.
        public static let scannerUnavailable = Code("scannerUnavailable")
        /// De-identification or re-encoding of a parsed DICOM file failed.
        public static let deidentificationFailed = Code("deidentificationFailed")
        /// The object store refused or failed.
        public static let storageFailed = Code("storageFailed")
        /// An audit event could not be recorded.
        public static let auditFailed = Code("auditFailed")
        /// The task was cancelled.
        public static let cancelled = Code("cancelled")

        /// The code as a stable string.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// What failed, for logs; never a PHI value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Errors are equal when their codes are.
    public static func == (lhs: IngestError, rhs: IngestError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
