import UploadPolicy

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
        /// The DICOM file could not be parsed, or is structurally unfit to be de-identified and written (no SOP
        /// Class or Instance UID, pixel data encoded against its transfer syntax).
        public static let malformedDICOM = Code("malformedDICOM")
        /// A DICOM attribute the pipeline requires is absent or empty.
        public static let missingAttribute = Code("missingAttribute")
        /// A DICOM attribute the pipeline requires has a value that is not valid for it (a date that is not
        /// `YYYYMMDD`).
        public static let invalidAttribute = Code("invalidAttribute")
        /// The DICOM file says its pixels carry burned-in annotation, which de-identification cannot remove.
        public static let burnedInAnnotation = Code("burnedInAnnotation")
        /// The DICOM file is in a transfer syntax the reader does not support yet.
        public static let unsupportedTransferSyntax = Code("unsupportedTransferSyntax")

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
