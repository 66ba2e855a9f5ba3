/// Something the reader found wrong in a file but read past: a real-world deviation from PS3.5 and
/// PS3.10 that DICOMKitCore tolerates, as dcmtk and pydicom do.
///
/// Warnings are collected in ``DICOMFile/warnings``, in the order they were found; the library never
/// prints them. Like ``DICOMError``, a warning names a byte offset and a tag, never a value from the
/// file, so it is safe to log. Reading with ``DICOMFile/ReadOptions/strict`` turns the first warning
/// into a ``DICOMError`` (the code each warning becomes is given with the code).
///
/// ```swift
/// let file = try DICOMFile(bytes: bytes)
/// for warning in file.warnings where warning.code == .duplicateElement {
///     log("dropped a duplicate of \(warning.tag!) at offset \(warning.offset)")
/// }
/// ```
public struct DICOMWarning: Sendable, Hashable, CustomStringConvertible {
    /// The kind of a ``DICOMWarning``.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case noPreamble
            case noFileMetaInformation
            case missingTransferSyntax
            case missingGroupLength
            case wrongGroupLength
            case paddedTransferSyntaxUID
            case fileMetaElementInDataSet
            case vrEncodingMismatch
            case oddLength
            case elementsOutOfOrder
            case duplicateElement
            case trailingBytes
            case missingPixelDataDelimiter
            case warningLimitReached
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The file has no 128-byte preamble and `DICM` prefix: it starts with the file meta information
        /// (or with `DICM` itself). Strict: ``DICOMError/Code/notDICOM``.
        public static let noPreamble = Code(.noPreamble)
        /// The file has no file meta information at all; the transfer syntax was detected from the first
        /// data element (implicit or explicit VR, little or big endian), as dcmtk does. Strict:
        /// ``DICOMError/Code/notDICOM``.
        public static let noFileMetaInformation = Code(.noFileMetaInformation)
        /// The file meta information has no Transfer Syntax UID (0002,0010); the transfer syntax was
        /// detected from the first data element. Strict: ``DICOMError/Code/missingTransferSyntax``.
        public static let missingTransferSyntax = Code(.missingTransferSyntax)
        /// The file meta information has no group length (0002,0000). Strict:
        /// ``DICOMError/Code/invalidFileMetaInformation``.
        public static let missingGroupLength = Code(.missingGroupLength)
        /// The group length (0002,0000) differs from the length of the group 0002 elements that follow
        /// it; the reader reads every group 0002 element regardless. Strict:
        /// ``DICOMError/Code/invalidFileMetaInformation``.
        public static let wrongGroupLength = Code(.wrongGroupLength)
        /// The Transfer Syntax UID is padded with spaces or with more than one NUL; the padding was
        /// ignored. Strict: ``DICOMError/Code/invalidFileMetaInformation``.
        public static let paddedTransferSyntaxUID = Code(.paddedTransferSyntaxUID)
        /// A file meta information element (group 0002) occurs inside the data set. The file meta
        /// information read before the data set decides (the transfer syntax in particular); the element
        /// is dropped from the data set. Strict: ``DICOMError/Code/invalidFileMetaInformation``.
        public static let fileMetaElementInDataSet = Code(.fileMetaElementInDataSet)
        /// A data set or item is encoded with implicit VRs where the transfer syntax says explicit, or
        /// the reverse (told from its first element); it was read as encoded. Strict:
        /// ``DICOMError/Code/invalidVR``.
        public static let vrEncodingMismatch = Code(.vrEncodingMismatch)
        /// A value has an odd length (PS3.5 7.1.1 requires even lengths); it is kept as read. Strict:
        /// ``DICOMError/Code/invalidLength``.
        public static let oddLength = Code(.oddLength)
        /// The elements of a data set are not in ascending tag order; the data set holds them sorted.
        /// Reported once per data set. Strict: ``DICOMError/Code/elementsOutOfOrder``.
        public static let elementsOutOfOrder = Code(.elementsOutOfOrder)
        /// A tag occurs twice in one data set; the first element is kept and the later one dropped, at
        /// every nesting level. Strict: ``DICOMError/Code/duplicateElement``.
        public static let duplicateElement = Code(.duplicateElement)
        /// Bytes follow the last element of the data set (fewer than an element header, or zero
        /// padding), or the end of a deflated stream; they were ignored. Strict:
        /// ``DICOMError/Code/unexpectedData``.
        public static let trailingBytes = Code(.trailingBytes)
        /// Encapsulated pixel data ends at the end of the file without its sequence delimiter; its
        /// complete fragments are kept. Strict: ``DICOMError/Code/truncated``.
        public static let missingPixelDataDelimiter = Code(.missingPixelDataDelimiter)
        /// More warnings were found than ``DICOMFile/ReadOptions/maximumWarningCount``; the later ones
        /// are not listed. Never raised in strict reading (the first warning is an error there).
        public static let warningLimitReached = Code(.warningLimitReached)

        /// The code's name, e.g. `duplicateElement`.
        public var description: String { base.rawValue }

        /// The error code a warning of this code becomes in strict reading.
        var strictErrorCode: DICOMError.Code {
            switch base {
            case .noPreamble, .noFileMetaInformation: .notDICOM
            case .missingTransferSyntax: .missingTransferSyntax
            case .missingGroupLength, .wrongGroupLength, .paddedTransferSyntaxUID, .fileMetaElementInDataSet:
                .invalidFileMetaInformation
            case .vrEncodingMismatch: .invalidVR
            case .oddLength: .invalidLength
            case .elementsOutOfOrder: .elementsOutOfOrder
            case .duplicateElement: .duplicateElement
            case .trailingBytes, .warningLimitReached: .unexpectedData
            case .missingPixelDataDelimiter: .truncated
            }
        }
    }

    /// What was found.
    public let code: Code
    /// The byte offset in the input (from the first byte of the file; for a deflated file, past the
    /// file meta information, in the inflated data set) where it was found.
    public let offset: Int
    /// The tag of the element concerned, when there is one.
    public let tag: Tag?
    /// A fixed explanation. It never contains a value from the input.
    public let message: String

    /// Creates a warning. `message` must not contain any value from a data set.
    public init(_ code: Code, offset: Int, tag: Tag? = nil, message: String) {
        self.code = code
        self.offset = offset
        self.tag = tag
        self.message = message
    }

    /// `DICOMWarning.duplicateElement at offset 412, tag (0010,0010): ...`
    public var description: String {
        var text = "DICOMWarning.\(code) at offset \(offset)"
        if let tag {
            text += ", tag \(tag)"
        }
        return text + ": " + message
    }
}
