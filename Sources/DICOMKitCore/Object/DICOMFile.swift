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
/// Reading supports Implicit VR Little Endian, Explicit VR Little Endian and every encapsulated
/// (compressed) transfer syntax, whose data sets are Explicit VR Little Endian; big endian and
/// deflated files throw ``DICOMError/Code/unsupportedTransferSyntax``.
public struct DICOMFile: Sendable, Equatable {
    /// Limits applied while reading.
    public struct ReadOptions: Sendable, Hashable {
        /// The hard upper bound of ``maximumNestingDepth``, which keeps the parser's recursion far
        /// from the end of any thread's stack.
        public static let nestingDepthCeiling = 128

        /// The deepest nesting of sequences accepted; deeper input throws
        /// ``DICOMError/Code/nestingTooDeep``. Clamped to 1...``nestingDepthCeiling``.
        public var maximumNestingDepth: Int
        /// The largest file ``DICOMFile/init(contentsOf:options:)`` reads, in bytes; larger files throw
        /// ``DICOMError/Code/fileTooLarge`` before anything is allocated.
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

        /// Creates options; the defaults allow 64 nested sequences, files up to 4 GiB and 1,000,000
        /// elements, items and fragments.
        public init(maximumNestingDepth: Int = 64, maximumFileSize: Int = 1 << 32, maximumElementCount: Int = 1_000_000)
        {
            self.maximumNestingDepth = maximumNestingDepth
            self.maximumFileSize = maximumFileSize
            self.maximumElementCount = maximumElementCount
        }

        /// The default options.
        public static let `default` = ReadOptions()

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
    /// The transfer syntax the data set was read in (or is meant for).
    public let transferSyntax: TransferSyntax

    /// The transfer syntax UID, e.g. `1.2.840.10008.1.2.1`.
    public var transferSyntaxUID: String {
        transferSyntax.uid
    }

    /// Reads a Part 10 file from `bytes`: the 128-byte preamble and `DICM`, the file meta
    /// information, then the data set in the transfer syntax the meta information names.
    ///
    /// Values are slices of `bytes`, which the file keeps alive; nothing is copied.
    ///
    /// - Throws: ``DICOMError`` (`notDICOM`, `truncated`, `invalidLength`, `invalidVR`,
    ///   `malformedItem`, `invalidPixelData`, `nestingTooDeep`, `tooManyElements`,
    ///   `duplicateElement`, `missingTransferSyntax`, `unsupportedTransferSyntax`), naming the byte
    ///   offset and tag.
    public init(bytes: [UInt8], options: ReadOptions = .default) throws(DICOMError) {
        let parsed = try DataSetParser.parseFile(
            bytes, maximumDepth: options.effectiveNestingDepth, maximumElementCount: options.effectiveElementCount
        )
        fileMetaInformation = parsed.fileMetaInformation
        dataSet = parsed.dataSet
        transferSyntax = parsed.transferSyntax
    }

    /// Reads the Part 10 file at `path`. The file is read on a thread of DICOMKitCore's own, never
    /// on Swift's cooperative threads; cancelling the task stops the read.
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
        self.fileMetaInformation = FileMetaInformation.build(
            dataSet: dataSet, transferSyntax: transferSyntax, previous: previous
        )
    }

    /// The file as Part 10 bytes, written by ``DICOMWriter``: native data as Explicit VR Little
    /// Endian, encapsulated data in its own transfer syntax.
    public func serialized() throws(DICOMError) -> [UInt8] {
        try DICOMWriter().serialize(self)
    }
}
