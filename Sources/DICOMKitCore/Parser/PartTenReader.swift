/// Reads a whole Part 10 file: preamble, file meta information, data set; and the real-world files
/// that lack some of it.
enum PartTenReader {
    /// What a read gives.
    struct Parsed {
        var fileMetaInformation: DataSet
        var dataSet: DataSet
        var transferSyntax: TransferSyntax
        var warnings: [DICOMWarning]
    }

    /// Reads `input`.
    ///
    /// The file meta information starts after the 128-byte preamble and `DICM`; without them, at
    /// `DICM` at the start of the input, or at a group 0002 element at the start. It is read
    /// (Explicit VR Little Endian) for as long as elements of group 0002 follow, as pydicom and dcmtk
    /// do: (0002,0000), when present, is checked (a wrong value is a warning) but not trusted to mark
    /// the end. Without file meta information, or without a Transfer Syntax UID in it, the transfer
    /// syntax is detected from the first data element, as dcmtk does.
    static func read(_ input: [UInt8], options: DICOMFile.ReadOptions) throws(DICOMError) -> Parsed {
        guard input.count <= options.maximumFileSize else {
            throw DICOMError(
                .fileTooLarge, message: "the input is larger than the limit of \(options.maximumFileSize) bytes"
            )
        }
        var parser = DataSetParser(bytes: input, offset: 0, options: options)
        var metaStart: Int?
        if input.count >= 132, hasDICM(input, at: 128) {
            metaStart = 132
        } else if input.count >= 4, hasDICM(input, at: 0) {
            metaStart = 4
            try parser.warn(.noPreamble, at: 0, tag: nil, "no 128-byte preamble: the file starts with DICM")
        } else if startsWithMetaElement(input) {
            metaStart = 0
            try parser.warn(
                .noPreamble, at: 0, tag: nil,
                "no 128-byte preamble and DICM: the file starts with its file meta information"
            )
        }

        var meta = DataSet()
        let syntax: TransferSyntax
        if let metaStart {
            parser.offset = metaStart
            meta = try parser.parseDataSet(
                limit: input.count, end: .endOfFileMetaGroup, encoding: .explicitLittle, depth: 0,
                context: DataSetParser.PixelContext()
            )
            try checkGroupLength(meta, from: metaStart, to: parser.offset, parser: &parser)
            syntax = try transferSyntax(of: meta, dataStart: parser.offset, input: input, parser: &parser)
        } else {
            guard let detected = detectTransferSyntax(input, at: 0, requirePlausibleGroup: true) else {
                throw DICOMError(
                    .notDICOM, offset: min(input.count, 128),
                    message: "no DICM prefix after a 128-byte preamble, no file meta information and no data element"
                        + " at the start: not DICOM"
                )
            }
            try parser.warn(
                .noFileMetaInformation, at: 0, tag: nil,
                "no file meta information: the transfer syntax was detected from the first element"
            )
            syntax = detected
        }

        if syntax.isDeflated {
            let inflated = try Inflater.inflate(
                input, from: parser.offset, maximumSize: options.maximumInflatedSize,
                maximumRatio: options.maximumInflationRatio
            )
            // PS3.5 A.5: a deflate stream of odd length is padded with one NUL.
            let trailing = inflated.trailing
            if trailing.count > 1 || trailing.first.map({ $0 != 0 }) == true {
                try parser.warn(
                    .trailingBytes, at: input.count - trailing.count, tag: nil,
                    "bytes after the end of the deflate stream"
                )
            }
            parser.replaceInput(with: inflated.bytes)
        }
        parser.encapsulatedSyntax = syntax.isEncapsulated
        let encoding: DataSetParser.Encoding =
            switch syntax.encoding {
            case .implicitLittle: .implicitLittle
            case .explicitBig: .explicitBig
            default: .explicitLittle
            }
        let dataSet = try parser.parseDataSet(
            limit: parser.bytes.count, end: .endOfInput, encoding: encoding, depth: 0,
            context: DataSetParser.PixelContext()
        )
        return Parsed(fileMetaInformation: meta, dataSet: dataSet, transferSyntax: syntax, warnings: parser.warnings)
    }

    /// Whether `DICM` is at `index`.
    private static func hasDICM(_ input: [UInt8], at index: Int) -> Bool {
        input[index] == 0x44 && input[index + 1] == 0x49 && input[index + 2] == 0x43 && input[index + 3] == 0x4D
    }

    /// Whether the input starts with an Explicit VR Little Endian element of group 0002.
    private static func startsWithMetaElement(_ input: [UInt8]) -> Bool {
        input.count >= 8 && input[0] == 0x02 && input[1] == 0x00 && VR(first: input[4], second: input[5]) != nil
    }

    /// Warns when (0002,0000) is missing or differs from the length of the group 0002 elements after
    /// it (the group length element itself, 12 bytes, first).
    private static func checkGroupLength(
        _ meta: DataSet, from start: Int, to end: Int, parser: inout DataSetParser
    ) throws(DICOMError) {
        guard let element = meta[.fileMetaInformationGroupLength] else {
            if !meta.isEmpty {
                try parser.warn(
                    .missingGroupLength, at: start, tag: .fileMetaInformationGroupLength,
                    "the file meta information has no group length"
                )
            }
            return
        }
        var declared: Int?
        if let value = element.bytes, value.count == 4 {
            let base = value.startIndex
            declared =
                Int(value[base]) | Int(value[base + 1]) << 8 | Int(value[base + 2]) << 16 | Int(value[base + 3]) << 24
        }
        if declared != end - start - 12 {
            try parser.warn(
                .wrongGroupLength, at: start, tag: .fileMetaInformationGroupLength,
                "the file meta information group length differs from the length of the group"
            )
        }
    }

    /// The transfer syntax the meta information names (padding ignored, with a warning when it is not
    /// the single NUL of PS3.5), or the one detected from the first data element when it names none.
    private static func transferSyntax(
        of meta: DataSet, dataStart: Int, input: [UInt8], parser: inout DataSetParser
    ) throws(DICOMError) -> TransferSyntax {
        let value = meta[.transferSyntaxUID]?.bytes ?? []
        var start = value.startIndex
        var end = value.endIndex
        while start < end, value[start] == 0x20 || value[start] == 0x00 {
            start += 1
        }
        while end > start, value[end - 1] == 0x20 || value[end - 1] == 0x00 {
            end -= 1
        }
        guard start < end else {
            guard let detected = detectTransferSyntax(input, at: dataStart, requirePlausibleGroup: false) else {
                throw DICOMError(
                    .missingTransferSyntax, offset: dataStart, tag: .transferSyntaxUID,
                    message: "the file meta information has no transfer syntax UID"
                )
            }
            if meta.isEmpty {
                try parser.warn(
                    .noFileMetaInformation, at: dataStart, tag: nil,
                    "no file meta information after DICM: the transfer syntax was detected from the first element"
                )
            } else {
                try parser.warn(
                    .missingTransferSyntax, at: dataStart, tag: .transferSyntaxUID,
                    "the file meta information has no transfer syntax UID: detected from the first element"
                )
            }
            return detected
        }
        let uid = String(decoding: value[start..<end], as: UTF8.self)
        guard let syntax = TransferSyntax(uid: uid), syntax.isSupported else {
            throw DICOMError(
                .unsupportedTransferSyntax, offset: dataStart, tag: .transferSyntaxUID,
                message: TransferSyntax(uid: uid).map { "not a Part 10 transfer syntax: \($0)" }
                    ?? "unknown transfer syntax UID"
            )
        }
        let padding = value.count - (end - start)
        let conformantPadding = start == value.startIndex && (padding == 0 || (padding == 1 && value.last == 0))
        if !conformantPadding {
            try parser.warn(
                .paddedTransferSyntaxUID, at: dataStart, tag: .transferSyntaxUID,
                "the transfer syntax UID is padded with spaces or several NULs"
            )
        }
        return syntax
    }

    /// The transfer syntax of a data set starting at `offset`, told from its first element as dcmtk
    /// does: explicit when a VR code follows the tag (big endian when the tag reads smaller that way),
    /// else implicit little endian. With `requirePlausibleGroup` (no file meta information at all),
    /// the first group must be an even group from 0002 to 0010, which every DICOM data set starts
    /// with and other file formats do not, and an implicit length must fit; otherwise `nil`.
    static func detectTransferSyntax(
        _ input: [UInt8], at offset: Int, requirePlausibleGroup: Bool
    ) -> TransferSyntax? {
        guard input.count - offset >= 8 else { return nil }
        let little = UInt16(input[offset]) | UInt16(input[offset + 1]) << 8
        let big = UInt16(input[offset]) << 8 | UInt16(input[offset + 1])
        let explicit = VR(first: input[offset + 4], second: input[offset + 5]) != nil
        let bigEndian = explicit && big < little
        if requirePlausibleGroup {
            let group = bigEndian ? big : little
            guard group & 1 == 0, group >= 0x0002, group <= 0x0010 else { return nil }
            if !explicit {
                let length =
                    UInt32(input[offset + 4]) | UInt32(input[offset + 5]) << 8 | UInt32(input[offset + 6]) << 16
                    | UInt32(input[offset + 7]) << 24
                guard length == 0xFFFF_FFFF || Int(length) <= input.count - offset - 8 else { return nil }
            }
        }
        if !explicit {
            return .implicitVRLittleEndian
        }
        return bigEndian ? .explicitVRBigEndian : .explicitVRLittleEndian
    }
}
