/// A DICOM Part 10 file: file meta information, a data set and its transfer syntax.
///
/// Read one from bytes or from a path, change its data set, and write it back:
///
/// ```swift
/// let file = try await DICOMFile(contentsOf: "/uploads/1.dcm")
/// let modality = file.dataSet.string(.modality)
/// let bytes = try file.serialized()
/// ```
///
/// Reading supports every Part 10 transfer syntax: Implicit VR Little Endian, Explicit VR Little
/// Endian, Explicit VR Big Endian (retired), Deflated Explicit VR Little Endian, and every encapsulated
/// (compressed) syntax, whose data sets are Explicit VR Little Endian. Values are little endian after
/// reading whatever the file's byte order: the binary values of a big-endian file (US, SS, UL, SL, FL,
/// FD, OW, OF, OD, OL, OV, SV, UV, AT) are byte-swapped into arrays of their own, the only values that
/// are copied; every other value is a slice of the input (for a deflated file, of the inflated bytes).
///
/// Real-world deviations are read past and reported in ``warnings`` (see ``DICOMWarning``); reading
/// with ``ReadOptions/strict`` turns them into errors.
public struct DICOMFile: Sendable, Equatable {
    /// Limits and choices applied while reading.
    ///
    /// ```swift
    /// var options = DICOMFile.ReadOptions.default
    /// options.stopBeforePixelData = true
    /// options.selectedTags = [.patientID, .studyInstanceUID]
    /// let header = try DICOMFile(bytes: bytes, options: options)
    /// ```
    public struct ReadOptions: Sendable, Hashable {
        /// The hard upper bound of ``maximumNestingDepth``, which keeps the parser's recursion far
        /// from the end of any thread's stack.
        public static let nestingDepthCeiling = 128

        /// The deepest nesting of sequences accepted; deeper input throws
        /// ``DICOMError/Code/nestingTooDeep``. Clamped to 1...``nestingDepthCeiling``.
        public var maximumNestingDepth: Int
        /// The largest input read, in bytes: ``DICOMFile/init(contentsOf:options:)`` throws
        /// ``DICOMError/Code/fileTooLarge`` before anything is allocated, and
        /// ``DICOMFile/init(bytes:options:)`` before anything is parsed.
        public var maximumFileSize: Int
        /// The most data elements, sequence items and encapsulated pixel data fragments read, all
        /// nesting levels and the file meta information counted together; one more throws
        /// ``DICOMError/Code/tooManyElements`` naming its offset. The count is checked as the input is
        /// read, so it bounds the memory of the parsed structure, which grows per element rather
        /// than per byte (a 100 MB file of 8-byte items would otherwise expand to gigabytes).
        ///
        /// The default, 1,000,000, is far above real files (a multi-frame image with per-frame
        /// functional groups for thousands of frames has some hundred thousand); values below 0 are
        /// treated as 0.
        public var maximumElementCount: Int
        /// The longest value, or encapsulated pixel data fragment, accepted, in bytes; a longer one
        /// throws ``DICOMError/Code/elementTooLarge`` naming its offset and tag. The default is the
        /// largest defined length, 0xFFFFFFFE.
        public var maximumElementSize: Int
        /// The largest size a deflated data set may inflate to, in bytes; more throws
        /// ``DICOMError/Code/inflatedTooLarge``. Inflation runs in chunks and stops as soon as the
        /// limit is passed, so memory never exceeds it by more than a chunk. The default is 1 GiB.
        public var maximumInflatedSize: Int
        /// The largest ratio of inflated to deflated size accepted for a deflated data set; more
        /// throws ``DICOMError/Code/compressionRatioTooHigh`` (a decompression bomb). Checked as the
        /// data inflates, once more than 1 MiB has been inflated (tiny data sets compress extremely
        /// well). The default is 1,000 (deflate's own maximum is about 1,032).
        public var maximumInflationRatio: Int
        /// Whether to stop reading at the top-level pixel data, (7FE0,0008), (7FE0,0009) or
        /// (7FE0,0010), leaving it and every element after it out. Pixel data nested in items (icons)
        /// is read. The default is `false`.
        public var stopBeforePixelData: Bool
        /// When not `nil`, the data set keeps only the top-level elements whose tag is in the set (with
        /// all their content, sequences included). Every other element is still read and checked, so
        /// errors and warnings are those of a full read, then dropped. The file meta information is
        /// always kept whole. The default is `nil` (every element).
        public var selectedTags: Set<Tag>?
        /// Whether the first problem that a lenient read reports as a ``DICOMWarning`` throws instead
        /// (the error code each warning becomes is given with ``DICOMWarning/Code``). The default is
        /// `false`; ``strict`` is a preset.
        public var isStrict: Bool
        /// The most warnings kept in ``DICOMFile/warnings``; past it one
        /// ``DICOMWarning/Code/warningLimitReached`` is added and the rest are not kept. The default
        /// is 1,000; values below 0 are treated as 0.
        public var maximumWarningCount: Int

        /// Creates options; the defaults allow 64 nested sequences, inputs up to 4 GiB, 1,000,000
        /// elements, items and fragments, values up to 0xFFFFFFFE bytes, deflated data sets inflating
        /// to 1 GiB at a ratio of 1,000, and read every element leniently.
        public init(
            maximumNestingDepth: Int = 64, maximumFileSize: Int = 1 << 32, maximumElementCount: Int = 1_000_000,
            maximumElementSize: Int = 0xFFFF_FFFE, maximumInflatedSize: Int = 1 << 30,
            maximumInflationRatio: Int = 1_000, stopBeforePixelData: Bool = false, selectedTags: Set<Tag>? = nil,
            isStrict: Bool = false, maximumWarningCount: Int = 1_000
        ) {
            self.maximumNestingDepth = maximumNestingDepth
            self.maximumFileSize = maximumFileSize
            self.maximumElementCount = maximumElementCount
            self.maximumElementSize = maximumElementSize
            self.maximumInflatedSize = maximumInflatedSize
            self.maximumInflationRatio = maximumInflationRatio
            self.stopBeforePixelData = stopBeforePixelData
            self.selectedTags = selectedTags
            self.isStrict = isStrict
            self.maximumWarningCount = maximumWarningCount
        }

        /// The default options: lenient, every element.
        public static let `default` = ReadOptions()

        /// The default limits, read strictly: every deviation that the default read reports as a
        /// warning throws a ``DICOMError`` instead.
        public static let strict = ReadOptions(isStrict: true)

        var effectiveNestingDepth: Int {
            min(max(maximumNestingDepth, 1), ReadOptions.nestingDepthCeiling)
        }

        var effectiveElementCount: Int {
            max(maximumElementCount, 0)
        }
    }

    /// The file meta information (group 0002) as read, or as built for a new or de-identified file.
    /// ``serialized()`` always writes a freshly built group.
    public private(set) var fileMetaInformation: DataSet
    /// The data set.
    public var dataSet: DataSet
    /// The transfer syntax the data set was read in (or is meant for). For a file without file meta
    /// information, or whose meta information lacks the Transfer Syntax UID, the one detected from the
    /// first data element.
    public let transferSyntax: TransferSyntax
    /// What the reader read past, in the order found (see ``DICOMWarning``); empty for a conformant
    /// file and for a file built in code. Not part of equality.
    public let warnings: [DICOMWarning]

    /// The transfer syntax UID, e.g. `1.2.840.10008.1.2.1`.
    public var transferSyntaxUID: String {
        transferSyntax.uid
    }

    /// Reads a Part 10 file from `bytes`: the 128-byte preamble and `DICM`, the file meta
    /// information, then the data set in the transfer syntax the meta information names.
    ///
    /// Files without the preamble and `DICM`, or without any file meta information (the transfer
    /// syntax is then detected from the first element: implicit or explicit VR, little or big endian),
    /// are read too, with a warning. Values are slices of `bytes`, which the file keeps alive; only
    /// big-endian binary values are copied (swapped to little endian), and a deflated data set is
    /// inflated into a buffer of its own.
    ///
    /// - Throws: ``DICOMError`` (`notDICOM`, `truncated`, `invalidLength`, `invalidVR`,
    ///   `malformedItem`, `invalidPixelData`, `nestingTooDeep`, `tooManyElements`, `elementTooLarge`,
    ///   `fileTooLarge`, `unsupportedTransferSyntax`, `invalidDeflatedData`, `inflatedTooLarge`,
    ///   `compressionRatioTooHigh`, and in strict reading the codes of ``DICOMWarning/Code``), naming
    ///   the byte offset and tag.
    public init(bytes: [UInt8], options: ReadOptions = .default) throws(DICOMError) {
        let parsed = try PartTenReader.read(bytes, options: options)
        fileMetaInformation = parsed.fileMetaInformation
        dataSet = parsed.dataSet
        transferSyntax = parsed.transferSyntax
        warnings = parsed.warnings
    }

    /// Reads the Part 10 file at `path`. The file is read once, whole, into memory (values are then
    /// slices of that buffer), on a thread of DICOMKitCore's own, never on Swift's cooperative
    /// threads; cancelling the task stops the read. It is not memory-mapped: values are `ArraySlice`s,
    /// which must refer to an array.
    ///
    /// - Throws: ``DICOMError``: `fileIO`, `fileTooLarge` or `cancelled`, or any error of
    ///   ``init(bytes:options:)``.
    public init(contentsOf path: String, options: ReadOptions = .default) async throws(DICOMError) {
        let bytes = try await FileReader.readAll(path: path, maximumSize: options.maximumFileSize)
        try self.init(bytes: bytes, options: options)
    }

    /// Creates a file holding `dataSet` in `transferSyntax`, with file meta information built from
    /// the data set's SOP Class and SOP Instance UIDs.
    public init(dataSet: DataSet, transferSyntax: TransferSyntax) {
        self.init(
            dataSet: dataSet, transferSyntax: transferSyntax, fileMetaInformation: DataSet()
        )
    }

    /// Creates a file whose meta information is rebuilt for `dataSet`, taking from `previous` the
    /// media storage UIDs the data set lacks.
    init(dataSet: DataSet, transferSyntax: TransferSyntax, fileMetaInformation previous: DataSet) {
        self.dataSet = dataSet
        self.transferSyntax = transferSyntax
        self.warnings = []
        self.fileMetaInformation = FileMetaInformation.build(
            dataSet: dataSet, transferSyntax: transferSyntax, previous: previous
        )
    }

    /// The file as Part 10 bytes, written by ``DICOMWriter``: native data (big endian and deflated
    /// files included) as Explicit VR Little Endian, encapsulated data in its own transfer syntax.
    public func serialized() throws(DICOMError) -> [UInt8] {
        try DICOMWriter().serialize(self)
    }

    /// Files are equal when their file meta information, data set and transfer syntax are; the
    /// warnings of the read are not compared.
    public static func == (lhs: DICOMFile, rhs: DICOMFile) -> Bool {
        lhs.transferSyntax == rhs.transferSyntax && lhs.fileMetaInformation == rhs.fileMetaInformation
            && lhs.dataSet == rhs.dataSet
    }
}

extension DICOMFile {
    /// The frames of the file's encapsulated pixel data, each as the fragments that hold it (see
    /// ``EncapsulatedPixelData/frames(numberOfFrames:extendedOffsetTable:extendedOffsetTableLengths:)``),
    /// using the data set's Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002) when present.
    ///
    /// - Parameter numberOfFrames: the number of frames; `nil` takes Number of Frames (0028,0008), or 1
    ///   when the data set has none.
    /// - Throws: ``DICOMError``: `invalidPixelData` when the data set has no encapsulated pixel data;
    ///   `invalidValue` when Number of Frames is not an integer of at least 1; `invalidOffsetTable`.
    public func frames(numberOfFrames: Int? = nil) throws(DICOMError) -> [EncapsulatedFrame] {
        guard let pixelData = dataSet[.pixelData]?.encapsulatedPixelData else {
            throw DICOMError(
                .invalidPixelData, tag: .pixelData, message: "the data set has no encapsulated pixel data"
            )
        }
        var count = numberOfFrames ?? 1
        if numberOfFrames == nil, let element = dataSet[.numberOfFrames] {
            guard let value = element.bytes.flatMap(DICOMFile.integerString) else {
                throw DICOMError(.invalidValue, tag: .numberOfFrames, message: "Number of Frames is not an integer")
            }
            count = value
        }
        return try pixelData.frames(
            numberOfFrames: count, extendedOffsetTable: dataSet[Tag(0x7FE0, 0x0001)]?.bytes,
            extendedOffsetTableLengths: dataSet[Tag(0x7FE0, 0x0002)]?.bytes
        )
    }

    /// The integer of an IS value (padding spaces and NULs around it ignored), or `nil`.
    private static func integerString(_ value: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: value, as: UTF8.self).trimmingPadding()
        return Int(text)
    }
}

extension String {
    /// The string without leading and trailing spaces and NULs.
    fileprivate func trimmingPadding() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\0" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\0" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
