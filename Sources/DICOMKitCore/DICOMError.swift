/// An error from DICOMKitCore: what was wrong and where.
///
/// A `DICOMError` names a byte offset and a tag, never a value: no patient name, ID, date or any
/// other value read from a file appears in its ``description``, so it is safe to log.
///
/// Compare errors by ``code``; two errors are equal when their codes are equal, whatever their
/// context, so new codes and context can be added without breaking callers:
///
/// ```swift
/// do {
///     let file = try DICOMFile(bytes: bytes)
/// } catch let error where error.code == .truncated {
///     // reject the upload as incomplete
/// }
/// ```
public struct DICOMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of a ``DICOMError``.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case notDICOM
            case truncated
            case invalidLength
            case invalidVR
            case malformedItem
            case nestingTooDeep
            case duplicateElement
            case missingTransferSyntax
            case unsupportedTransferSyntax
            case invalidFileMetaInformation
            case invalidValue
            case valueTooLong
            case invalidKey
            case fileIO
            case fileTooLarge
            case cancelled
            case invalidPixelData
            case missingAttribute
            case tooManyElements
            case invalidNumber
            case invalidDate
            case invalidTime
            case invalidDateTime
            case invalidRange
            case vrMismatch
            case invalidValueLength
            case elementTooLarge
            case elementsOutOfOrder
            case unexpectedData
            case invalidDeflatedData
            case inflatedTooLarge
            case compressionRatioTooHigh
            case invalidOffsetTable
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The input is not DICOM: no 128-byte preamble followed by `DICM`, no file meta information and
        /// no plausible first data element either (in strict reading: any input without the preamble,
        /// `DICM` and file meta information).
        public static let notDICOM = Code(.notDICOM)
        /// The input ends inside an element, an item or a sequence: a cut-off file.
        public static let truncated = Code(.truncated)
        /// A declared length is impossible: longer than its enclosing item or sequence, undefined where
        /// the VR does not allow it, or a 2-byte length on SV or UV (which have 4-byte lengths); in
        /// strict reading also a value of odd length.
        public static let invalidLength = Code(.invalidLength)
        /// An explicit VR is not one of the VRs of PS3.5; in strict reading also a data set or item encoded
        /// in the other VR encoding (implicit for explicit, or the reverse) than its transfer syntax.
        public static let invalidVR = Code(.invalidVR)
        /// A sequence, an item or encapsulated pixel data is not structured as PS3.5 7.5 and A.4 say.
        public static let malformedItem = Code(.malformedItem)
        /// Sequences nest deeper than the reader's or the de-identifier's limit.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// Strict reading only: the same tag occurs twice in one data set (the default reading keeps the
        /// first and warns).
        public static let duplicateElement = Code(.duplicateElement)
        /// Strict reading only: the file meta information has no Transfer Syntax UID (0002,0010) (the
        /// default reading detects the encoding from the first element and warns).
        public static let missingTransferSyntax = Code(.missingTransferSyntax)
        /// The transfer syntax is unknown, or not a Part 10 byte encoding (the retired MIME and XML
        /// encodings).
        public static let unsupportedTransferSyntax = Code(.unsupportedTransferSyntax)
        /// The file meta information cannot be read or built; in strict reading also a missing or wrong
        /// group length (0002,0000), a padded Transfer Syntax UID, or group 0002 elements inside the data
        /// set. (A data set without SOP Class or
        /// Instance UID is ``missingAttribute``.)
        public static let invalidFileMetaInformation = Code(.invalidFileMetaInformation)
        /// An attribute the operation needs is absent or empty: ``DICOMWriter`` cannot build the file
        /// meta information of a data set that has no SOP Class UID (0008,0016) or SOP Instance UID
        /// (0008,0018) (and no media storage UID to fall back on); the error names the meta tag.
        public static let missingAttribute = Code(.missingAttribute)
        /// Pixel Data (7FE0,0010) is encoded against its transfer syntax: native (defined length)
        /// at the top level of an encapsulated transfer syntax, encapsulated (undefined length) in a
        /// native one, or as a sequence (PS3.5 A.4, 8.2).
        public static let invalidPixelData = Code(.invalidPixelData)
        /// The input holds more data elements, sequence items and pixel data fragments (all levels
        /// counted) than ``DICOMFile/ReadOptions/maximumElementCount``.
        public static let tooManyElements = Code(.tooManyElements)
        /// A value (or an encapsulated pixel data fragment) is longer than
        /// ``DICOMFile/ReadOptions/maximumElementSize``.
        public static let elementTooLarge = Code(.elementTooLarge)
        /// Strict reading only (``DICOMFile/ReadOptions/strict``): the elements of a data set are not in
        /// ascending tag order.
        public static let elementsOutOfOrder = Code(.elementsOutOfOrder)
        /// Strict reading only: bytes follow the last data element of the file (or the end of a deflated
        /// data set).
        public static let unexpectedData = Code(.unexpectedData)
        /// The deflated data set of a Deflated Explicit VR Little Endian file is not a valid raw deflate
        /// stream, or ends before the stream does.
        public static let invalidDeflatedData = Code(.invalidDeflatedData)
        /// A deflated data set inflates to more than ``DICOMFile/ReadOptions/maximumInflatedSize`` bytes.
        public static let inflatedTooLarge = Code(.inflatedTooLarge)
        /// A deflated data set inflates more than ``DICOMFile/ReadOptions/maximumInflationRatio`` times its
        /// compressed size (a decompression bomb).
        public static let compressionRatioTooHigh = Code(.compressionRatioTooHigh)
        /// The Basic or Extended Offset Table of encapsulated pixel data does not match its fragments or
        /// the number of frames, or the frames cannot be told apart.
        public static let invalidOffsetTable = Code(.invalidOffsetTable)
        /// An element's value does not fit its VR or its place (e.g. an SQ element without items).
        public static let invalidValue = Code(.invalidValue)
        /// A value is longer than any DICOM length field can carry.
        public static let valueTooLong = Code(.valueTooLong)
        /// A de-identification key is too short.
        public static let invalidKey = Code(.invalidKey)
        /// An IS or DS value is not a number in its VR's form (PS3.5 6.2), or a number does not fit the
        /// type asked for (a UV value above `Int.max` read as `Int`).
        public static let invalidNumber = Code(.invalidNumber)
        /// A DA value is not `YYYY`, `YYYYMM`, `YYYYMMDD` (or the retired `YYYY.MM.DD`), or names a
        /// month or day that does not exist.
        public static let invalidDate = Code(.invalidDate)
        /// A TM value is not `HH`, `HHMM`, `HHMMSS` or `HHMMSS.F` to `HHMMSS.FFFFFF` (or the retired
        /// `HH:MM:SS`), or an hour, minute or second is out of range.
        public static let invalidTime = Code(.invalidTime)
        /// A DT value is not `YYYY` to `YYYYMMDDHHMMSS.FFFFFF` with an optional `&ZZXX` UTC offset, or a
        /// part is out of range.
        public static let invalidDateTime = Code(.invalidDateTime)
        /// A range value (`A-B`, `-B`, `A-`, as in query matching) has no bound or more than one
        /// hyphen where one is expected.
        public static let invalidRange = Code(.invalidRange)
        /// A typed value was asked of an element whose VR does not hold that type (dates of an LO
        /// element, decimals of an IS element), or of a sequence.
        public static let vrMismatch = Code(.vrMismatch)
        /// A binary value's length is not a multiple of the size of one value of its VR (a US value of 3
        /// bytes).
        public static let invalidValueLength = Code(.invalidValueLength)
        /// Reading a file failed at the operating system level.
        public static let fileIO = Code(.fileIO)
        /// A file is larger than the reader's limit.
        public static let fileTooLarge = Code(.fileTooLarge)
        /// The task was cancelled.
        public static let cancelled = Code(.cancelled)

        /// The code's name, e.g. `truncated`.
        public var description: String { base.rawValue }

        /// Whether errors of this code concern a position in the input.
        var isPositional: Bool {
            switch base {
            case .invalidKey, .fileIO, .fileTooLarge, .cancelled, .missingAttribute, .invalidNumber, .invalidDate,
                .invalidTime, .invalidDateTime, .invalidRange, .vrMismatch, .invalidValueLength:
                false
            default: true
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// The byte offset in the input (from the first byte of the file) where the problem was found;
    /// `0` for errors not tied to a position (``Code/invalidKey``, ``Code/fileIO``,
    /// ``Code/missingAttribute``, ...).
    public let offset: Int
    /// The tag of the element concerned, when there is one.
    public let tag: Tag?
    /// A fixed explanation. It never contains a value from the input.
    public let message: String

    /// Creates an error. `message` must not contain any value from a data set.
    public init(_ code: Code, offset: Int = 0, tag: Tag? = nil, message: String) {
        self.code = code
        self.offset = offset
        self.tag = tag
        self.message = message
    }

    /// `DICOMError.truncated at offset 9630, tag (7FE0,0010): ...`
    public var description: String {
        var text = "DICOMError.\(code)"
        if code.isPositional {
            text += " at offset \(offset)"
        }
        if let tag {
            text += code.isPositional ? ", tag \(tag)" : " tag \(tag)"
        }
        return text + ": " + message
    }

    /// Two errors are equal when their codes are.
    public static func == (lhs: DICOMError, rhs: DICOMError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
