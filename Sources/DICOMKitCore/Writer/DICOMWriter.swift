/// Writes ``DICOMFile``s as DICOM Part 10 bytes.
///
/// The output is 128 zero bytes, `DICM`, a freshly built file meta information group (group length
/// recomputed; media storage SOP Class and Instance UIDs from the data set's SOP Class and Instance
/// UIDs; DICOMKitCore's implementation class UID and version name), then the data set:
///
/// - native (uncompressed) data sets as Explicit VR Little Endian, whatever they were read in:
///   Implicit VR Little Endian (ambiguous VRs were resolved when it was read: see ``DICOMFile``),
///   Explicit VR Big Endian (values were swapped to little endian when read), and Deflated Explicit
///   VR Little Endian (written uncompressed), so that such a file round-trips to an equivalent
///   Explicit VR Little Endian file;
/// - encapsulated data sets in their own transfer syntax, which is Explicit VR Little Endian with
///   encapsulated pixel data.
///
/// Values are padded to even length with their VR's padding byte. Sequences and items are written
/// with undefined length and delimiters; encapsulated pixel data as OB (or OW when it was read as
/// OW), its odd fragments padded with NUL. A value too long for its VR's 2-byte length field is
/// written as UN (4-byte length), never truncated.
public struct DICOMWriter: Sendable {
    /// DICOMKitCore's implementation class UID, written in (0002,0012).
    public static let implementationClassUID = "2.25.276988050503246341373120326818848162960"
    /// DICOMKitCore's implementation version name, written in (0002,0013).
    public static let implementationVersionName = "MUK_DICOMKIT_1"

    /// The deepest nesting of sequences written; deeper data sets throw
    /// ``DICOMError/Code/nestingTooDeep``.
    public var maximumNestingDepth: Int

    /// Creates a writer.
    public init(maximumNestingDepth: Int = DICOMFile.ReadOptions.nestingDepthCeiling) {
        self.maximumNestingDepth = min(max(maximumNestingDepth, 1), DICOMFile.ReadOptions.nestingDepthCeiling)
    }

    /// The transfer syntax `file` is written in: its own when encapsulated, else Explicit VR Little
    /// Endian (for big endian and deflated files too).
    public static func outputTransferSyntax(for file: DICOMFile) -> TransferSyntax {
        file.transferSyntax.isEncapsulated ? file.transferSyntax : .explicitVRLittleEndian
    }

    /// `file` as Part 10 bytes.
    ///
    /// - Throws: ``DICOMError``: `unsupportedTransferSyntax` for a file meant for a syntax that is not
    ///   a Part 10 encoding (MIME, XML); `missingAttribute` (naming (0002,0002) or (0002,0003)) when neither
    ///   the data set nor the meta information has a SOP Class and SOP Instance UID; `invalidValue`
    ///   for an element whose value does not fit its VR or place (offsets are in the output);
    ///   `valueTooLong`; `nestingTooDeep`.
    public func serialize(_ file: DICOMFile) throws(DICOMError) -> [UInt8] {
        guard file.transferSyntax.isSupported else {
            throw DICOMError(
                .unsupportedTransferSyntax, tag: .transferSyntaxUID,
                message: "cannot write transfer syntax \(file.transferSyntax)"
            )
        }
        let syntax = DICOMWriter.outputTransferSyntax(for: file)
        let meta = FileMetaInformation.build(
            dataSet: file.dataSet, transferSyntax: syntax, previous: file.fileMetaInformation
        )
        let required: [(tag: Tag, source: String)] = [
            (.mediaStorageSOPClassUID, "SOP Class UID (0008,0016)"),
            (.mediaStorageSOPInstanceUID, "SOP Instance UID (0008,0018)"),
        ]
        for (tag, source) in required where !meta.contains(tag) {
            throw DICOMError(
                .missingAttribute, tag: tag,
                message: "no \(source) in the data set, nor this element in the file meta information"
            )
        }
        var encoder = ExplicitVRLittleEndianEncoder(
            allowsEncapsulatedPixelData: syntax.isEncapsulated, maximumDepth: maximumNestingDepth
        )
        encoder.output.reserveCapacity(132 + 256 + ExplicitVRLittleEndianEncoder.estimatedLength(of: file.dataSet))
        encoder.output.append(contentsOf: repeatElement(0, count: 128))
        encoder.output.append(contentsOf: [0x44, 0x49, 0x43, 0x4D])
        for element in meta {
            try encoder.append(element, depth: 0)
        }
        for element in file.dataSet where element.tag.isFileMetaInformation {
            throw DICOMError(
                .invalidValue, tag: element.tag, message: "a file meta information element inside the data set"
            )
        }
        try encoder.append(file.dataSet, depth: 0)
        return encoder.output
    }
}

/// Encodes elements in Explicit VR Little Endian.
struct ExplicitVRLittleEndianEncoder {
    var output: [UInt8] = []
    let allowsEncapsulatedPixelData: Bool
    let maximumDepth: Int

    init(allowsEncapsulatedPixelData: Bool, maximumDepth: Int) {
        self.allowsEncapsulatedPixelData = allowsEncapsulatedPixelData
        self.maximumDepth = maximumDepth
    }

    /// The encoded length of a byte-valued element (header plus padded value); sequences and
    /// encapsulated data (never in the meta group) count their headers only.
    static func encodedLength(of element: DataElement) -> Int {
        let valueLength = element.bytes.map { $0.count + ($0.count & 1) } ?? 0
        let vr = VR.effective(element.vr, paddedLength: valueLength)
        return (vr.hasLongLength ? 12 : 8) + valueLength
    }

    /// An estimate of the encoded length of `dataSet`, to reserve the output once. It stops
    /// descending at the nesting ceiling (the encoder then throws).
    static func estimatedLength(of dataSet: DataSet, depth: Int = 0) -> Int {
        guard depth <= DICOMFile.ReadOptions.nestingDepthCeiling else { return 0 }
        var total = 0
        for element in dataSet {
            total += 16
            switch element.value {
            case .bytes(let bytes):
                total += bytes.count
            case .sequence(let items):
                total += 8 + items.reduce(0) { $0 + 16 + estimatedLength(of: $1, depth: depth + 1) }
            case .encapsulated(let pixelData):
                total += 16 + pixelData.basicOffsetTable.count
                total += pixelData.fragments.reduce(0) { $0 + 9 + $1.count }
            }
        }
        return total
    }

    mutating func append(_ dataSet: DataSet, depth: Int) throws(DICOMError) {
        for element in dataSet {
            try append(element, depth: depth)
        }
    }

    mutating func append(_ element: DataElement, depth: Int) throws(DICOMError) {
        switch element.value {
        case .bytes(let bytes):
            guard element.vr != .SQ else {
                throw DICOMError(
                    .invalidValue, offset: output.count, tag: element.tag, message: "an SQ element without items"
                )
            }
            let padded = bytes.count + (bytes.count & 1)
            guard padded <= 0xFFFF_FFFE else {
                throw DICOMError(
                    .valueTooLong, offset: output.count, tag: element.tag, message: "a value longer than 4 GiB - 2"
                )
            }
            let vr = VR.effective(element.vr, paddedLength: padded)
            appendHeader(element.tag, vr: vr, length: UInt32(padded))
            output.append(contentsOf: bytes)
            if bytes.count & 1 == 1 {
                output.append(element.vr.paddingByte)
            }
        case .sequence(let items):
            guard depth < maximumDepth else {
                throw DICOMError(
                    .nestingTooDeep, offset: output.count, tag: element.tag,
                    message: "sequences nest deeper than the limit of \(maximumDepth)"
                )
            }
            appendHeader(element.tag, vr: .SQ, length: 0xFFFF_FFFF)
            for item in items {
                appendTag(.item)
                appendUInt32(0xFFFF_FFFF)
                try append(item, depth: depth + 1)
                appendTag(.itemDelimitationItem)
                appendUInt32(0)
            }
            appendTag(.sequenceDelimitationItem)
            appendUInt32(0)
        case .encapsulated(let pixelData):
            guard allowsEncapsulatedPixelData else {
                throw DICOMError(
                    .invalidValue, offset: output.count, tag: element.tag,
                    message: "encapsulated pixel data in a file whose transfer syntax is not encapsulated"
                )
            }
            appendHeader(element.tag, vr: element.vr == .OW ? .OW : .OB, length: 0xFFFF_FFFF)
            for fragment in CollectionOfOne(pixelData.basicOffsetTable) + pixelData.fragments {
                let padded = fragment.count + (fragment.count & 1)
                guard padded <= 0xFFFF_FFFE else {
                    throw DICOMError(
                        .valueTooLong, offset: output.count, tag: element.tag,
                        message: "a fragment longer than 4 GiB - 2"
                    )
                }
                appendTag(.item)
                appendUInt32(UInt32(padded))
                output.append(contentsOf: fragment)
                if fragment.count & 1 == 1 {
                    output.append(0)
                }
            }
            appendTag(.sequenceDelimitationItem)
            appendUInt32(0)
        }
    }

    private mutating func appendHeader(_ tag: Tag, vr: VR, length: UInt32) {
        appendTag(tag)
        let code = vr.codeBytes
        output.append(code.0)
        output.append(code.1)
        if vr.hasLongLength {
            output.append(0)
            output.append(0)
            appendUInt32(length)
        } else {
            output.append(UInt8(truncatingIfNeeded: length))
            output.append(UInt8(truncatingIfNeeded: length >> 8))
        }
    }

    private mutating func appendTag(_ tag: Tag) {
        output.append(UInt8(truncatingIfNeeded: tag.group))
        output.append(UInt8(truncatingIfNeeded: tag.group >> 8))
        output.append(UInt8(truncatingIfNeeded: tag.element))
        output.append(UInt8(truncatingIfNeeded: tag.element >> 8))
    }

    private mutating func appendUInt32(_ value: UInt32) {
        output.append(UInt8(truncatingIfNeeded: value))
        output.append(UInt8(truncatingIfNeeded: value >> 8))
        output.append(UInt8(truncatingIfNeeded: value >> 16))
        output.append(UInt8(truncatingIfNeeded: value >> 24))
    }
}

extension VR {
    /// The VR written for a value of `paddedLength` bytes: `vr` itself, or UN when the value does not
    /// fit `vr`'s 2-byte length field.
    static func effective(_ vr: VR, paddedLength: Int) -> VR {
        !vr.hasLongLength && paddedLength > 0xFFFF ? .UN : vr
    }
}
