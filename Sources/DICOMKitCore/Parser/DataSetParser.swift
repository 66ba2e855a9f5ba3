/// Reads Part 10 bytes into data sets by index, without copying values: every value is a slice of
/// the input buffer.
///
/// Every declared length is checked against what is left (of the file, or of the enclosing item or
/// sequence) before it is used, so a hostile length never allocates nor reads out of bounds.
/// Sequences nest at most `maximumDepth` deep, which also bounds the recursion; data elements, items
/// and pixel data fragments are counted as they are read, at every level, and stop at
/// `maximumElementCount`, which bounds the memory the parsed structure takes whatever the input.
struct DataSetParser {
    /// The values the reader remembers per data set to resolve the VRs that the data dictionary
    /// leaves ambiguous in implicit VR (PS3.5 A.1, PS3.3 C.7.6.3, C.11.1).
    struct PixelContext {
        var pixelRepresentation: UInt16?
        var bitsAllocated: UInt16?
        var lutDescriptorFirstValue: UInt16?

        /// The context of an item nested in a data set with this context: pixel attributes are
        /// inherited, the LUT descriptor (which belongs to its own item) is not.
        var nested: PixelContext {
            PixelContext(pixelRepresentation: pixelRepresentation, bitsAllocated: bitsAllocated)
        }
    }

    /// Where a data set ends.
    enum End {
        /// At the limit (a defined-length item or the end of the file).
        case limit
        /// At an item delimitation item (an undefined-length item); the limit is a hard bound.
        case itemDelimiter
        /// Where group 0002 ends (the file meta information).
        case endOfFileMetaGroup
    }

    let bytes: [UInt8]
    let maximumDepth: Int
    let maximumElementCount: Int
    /// Whether the transfer syntax encapsulates pixel data: top-level Pixel Data must then be
    /// encapsulated, and in a native syntax it must not be (PS3.5 A.4).
    var encapsulatedSyntax = false
    private(set) var offset: Int
    /// Data elements, items and fragments read so far, at every level.
    private(set) var elementCount = 0

    init(bytes: [UInt8], offset: Int, maximumDepth: Int, maximumElementCount: Int) {
        self.bytes = bytes
        self.offset = offset
        self.maximumDepth = maximumDepth
        self.maximumElementCount = maximumElementCount
    }

    // MARK: - Part 10 file

    /// Parses a whole Part 10 file: preamble, file meta information, data set.
    ///
    /// The file meta information is read (Explicit VR Little Endian) for as long as elements of group
    /// 0002 follow, as pydicom and dcmtk do: (0002,0000), when present, is kept but not trusted to
    /// mark the end, since real files get it wrong; when absent nothing is missed.
    static func parseFile(
        _ bytes: [UInt8], maximumDepth: Int, maximumElementCount: Int
    ) throws(DICOMError) -> (fileMetaInformation: DataSet, dataSet: DataSet, transferSyntax: TransferSyntax) {
        guard bytes.count >= 132, bytes[128] == 0x44, bytes[129] == 0x49, bytes[130] == 0x43, bytes[131] == 0x4D
        else {
            throw DICOMError(
                .notDICOM, offset: min(bytes.count, 128),
                message: "no DICM prefix after a 128-byte preamble: not a DICOM Part 10 file"
            )
        }
        var parser = DataSetParser(
            bytes: bytes, offset: 132, maximumDepth: maximumDepth, maximumElementCount: maximumElementCount
        )
        let meta = try parser.parseDataSet(
            limit: bytes.count, end: .endOfFileMetaGroup, explicit: true, depth: 0, context: PixelContext()
        )
        guard let uid = meta.string(.transferSyntaxUID), !uid.isEmpty else {
            throw DICOMError(
                .missingTransferSyntax, offset: 132, tag: .transferSyntaxUID,
                message: "the file meta information has no transfer syntax UID"
            )
        }
        guard let syntax = TransferSyntax(uid: uid), syntax.isSupported else {
            throw DICOMError(
                .unsupportedTransferSyntax, offset: parser.offset, tag: .transferSyntaxUID,
                message: TransferSyntax(uid: uid).map { "transfer syntax not supported yet: \($0)" }
                    ?? "unknown transfer syntax UID"
            )
        }
        parser.encapsulatedSyntax = syntax.isEncapsulated
        let dataSet = try parser.parseDataSet(
            limit: bytes.count, end: .limit, explicit: syntax.isExplicitVR, depth: 0, context: PixelContext()
        )
        return (meta, dataSet, syntax)
    }

    // MARK: - Data sets

    /// Parses elements from `offset` to the end given by `end`, not reading at or past `limit`.
    mutating func parseDataSet(
        limit: Int, end: End, explicit: Bool, depth: Int, context inherited: PixelContext
    ) throws(DICOMError) -> DataSet {
        let start = offset
        var elements: [DataElement] = []
        var context = inherited
        var ambiguous: [(index: Int, specification: VRSpecification)] = []
        var inOrder = true
        var previousTag: UInt32 = 0
        while true {
            let remaining = limit - offset
            if remaining == 0 {
                if end == .itemDelimiter {
                    throw unclosed(limit: limit, at: start, tag: .item, what: "an item of undefined length")
                }
                break
            }
            if end == .endOfFileMetaGroup, remaining >= 2, readUInt16(at: offset) != 0x0002 {
                break
            }
            guard remaining >= 8 else {
                throw overrun(limit: limit, at: offset, tag: nil, what: "an element header")
            }
            let group = readUInt16(at: offset)
            let elementNumber = readUInt16(at: offset + 2)
            if group == 0xFFFE {
                if elementNumber == 0xE00D, end == .itemDelimiter {
                    offset += 8
                    break
                }
                throw DICOMError(
                    .malformedItem, offset: offset, tag: Tag(group, elementNumber),
                    message: "an item or delimiter tag where a data element was expected"
                )
            }
            let tag = Tag(group, elementNumber)
            try count(at: offset, tag: tag)
            let (element, pending) = try parseElement(
                tag: tag, limit: limit, explicit: explicit, depth: depth, context: context
            )
            if let pending {
                ambiguous.append((elements.count, pending))
            }
            if case .bytes(let value) = element.value, value.count >= 2 {
                switch tag.rawValue {
                case 0x0028_0103: context.pixelRepresentation = readUInt16(value)
                case 0x0028_0100: context.bitsAllocated = readUInt16(value)
                case 0x0028_3002: context.lutDescriptorFirstValue = readUInt16(value)
                default: break
                }
            }
            if !elements.isEmpty, tag.rawValue <= previousTag {
                inOrder = false
            }
            previousTag = tag.rawValue
            elements.append(element)
        }
        for (index, specification) in ambiguous {
            elements[index].vr = DataSetParser.resolve(specification, tag: elements[index].tag, context: context)
        }
        if !inOrder {
            // Stable: a duplicate keeps its place after its twin, and is then reported.
            elements = elements.enumerated().sorted {
                ($0.element.tag.rawValue, $0.offset) < ($1.element.tag.rawValue, $1.offset)
            }.map(\.element)
            for index in elements.indices.dropFirst() where elements[index].tag == elements[index - 1].tag {
                throw DICOMError(
                    .duplicateElement, offset: start, tag: elements[index].tag,
                    message: "the same tag occurs twice in one data set"
                )
            }
        }
        return DataSet(sortedUniqueElements: elements)
    }

    /// Parses one element whose tag has been read at `offset`. Returns the VR specification when the
    /// element's VR is provisional and must be resolved once its data set is read.
    private mutating func parseElement(
        tag: Tag, limit: Int, explicit: Bool, depth: Int, context: PixelContext
    ) throws(DICOMError) -> (DataElement, VRSpecification?) {
        let start = offset
        var vr: VR
        var pending: VRSpecification?
        let length: UInt32
        if explicit {
            guard let parsed = VR(first: bytes[start + 4], second: bytes[start + 5]) else {
                throw DICOMError(.invalidVR, offset: start + 4, tag: tag, message: "not a PS3.5 value representation")
            }
            vr = parsed
            if vr.hasLongLength {
                guard limit - start >= 12 else {
                    throw overrun(limit: limit, at: start, tag: tag, what: "an element header")
                }
                length = readUInt32(at: start + 8)
                offset = start + 12
            } else {
                length = UInt32(readUInt16(at: start + 6))
                offset = start + 8
            }
        } else {
            length = readUInt32(at: start + 4)
            offset = start + 8
            (vr, pending) = DataSetParser.implicitVR(for: tag)
        }

        if tag == .pixelData {
            try checkPixelDataEncoding(at: start, vr: vr, undefinedLength: length == 0xFFFF_FFFF, depth: depth)
        }
        if length == 0xFFFF_FFFF {
            if tag == .pixelData, vr != .SQ {
                // Encapsulated pixel data is OB (PS3.5 A.4); a file that says OW keeps its OW.
                let pixelData = try parseEncapsulatedPixelData(tag: tag, limit: limit)
                return (DataElement(tag: tag, vr: vr == .OW ? .OW : .OB, value: .encapsulated(pixelData)), nil)
            }
            guard vr == .SQ || vr == .UN else {
                throw DICOMError(
                    .invalidLength, offset: start, tag: tag, message: "undefined length for a VR that does not allow it"
                )
            }
            // An undefined-length UN is a sequence encoded in Implicit VR Little Endian (PS3.5 6.2.2).
            let items = try parseSequence(
                tag: tag, limit: limit, delimited: true, explicit: explicit && vr == .SQ, depth: depth + 1,
                context: context
            )
            return (DataElement(tag: tag, vr: .SQ, value: .sequence(items)), nil)
        }

        let count = Int(length)
        guard count <= limit - offset else {
            throw overrun(limit: limit, at: start, tag: tag, what: "an element value")
        }
        var itemsExplicit = explicit
        if explicit, vr == .UN, tag.isPrivateCreator {
            vr = .LO  // a private creator is always LO (PS3.5 7.8.1)
        } else if explicit, vr == .UN, !tag.isPrivate, !tag.isGroupLength,
            let specification = DataDictionary.specification(for: tag)
        {
            // A public attribute sent as UN: its value is in Implicit VR Little Endian encoding, so it
            // takes the dictionary's VR (ambiguous ones resolved as in implicit VR), and a sequence
            // is read with implicit VR items.
            switch specification {
            case .single(let known): vr = known
            case .notApplicable: break
            default: pending = specification
            }
            itemsExplicit = false
        }
        if vr == .SQ {
            let items = try parseSequence(
                tag: tag, limit: offset + count, delimited: false, explicit: itemsExplicit, depth: depth + 1,
                context: context
            )
            return (DataElement(tag: tag, vr: .SQ, value: .sequence(items)), nil)
        }
        let value = bytes[offset..<(offset + count)]
        offset += count
        return (DataElement(tag: tag, vr: vr, value: .bytes(value)), pending)
    }

    /// Parses the items of a sequence whose header has been read. `depth` counts this sequence.
    private mutating func parseSequence(
        tag: Tag, limit: Int, delimited: Bool, explicit: Bool, depth: Int, context: PixelContext
    ) throws(DICOMError) -> [DataSet] {
        guard depth <= maximumDepth else {
            throw DICOMError(
                .nestingTooDeep, offset: offset, tag: tag,
                message: "sequences nest deeper than the limit of \(maximumDepth)"
            )
        }
        let start = offset
        let itemContext = context.nested
        var items: [DataSet] = []
        while true {
            let remaining = limit - offset
            if remaining == 0 {
                if delimited {
                    throw unclosed(limit: limit, at: start, tag: tag, what: "a sequence of undefined length")
                }
                break
            }
            guard remaining >= 8 else {
                throw overrun(limit: limit, at: offset, tag: tag, what: "an item header")
            }
            let group = readUInt16(at: offset)
            let elementNumber = readUInt16(at: offset + 2)
            let length = readUInt32(at: offset + 4)
            guard group == 0xFFFE else {
                throw DICOMError(
                    .malformedItem, offset: offset, tag: tag,
                    message: "a data element where a sequence item was expected"
                )
            }
            if elementNumber == 0xE0DD {
                guard delimited else {
                    throw DICOMError(
                        .malformedItem, offset: offset, tag: tag,
                        message: "a sequence delimiter in a sequence of defined length"
                    )
                }
                offset += 8
                break
            }
            guard elementNumber == 0xE000 else {
                throw DICOMError(
                    .malformedItem, offset: offset, tag: tag, message: "an item delimiter outside an item"
                )
            }
            try count(at: offset, tag: tag)
            offset += 8
            if length == 0xFFFF_FFFF {
                items.append(
                    try parseDataSet(
                        limit: limit, end: .itemDelimiter, explicit: explicit, depth: depth, context: itemContext)
                )
            } else {
                guard Int(length) <= limit - offset else {
                    throw overrun(limit: limit, at: offset - 8, tag: tag, what: "a sequence item")
                }
                items.append(
                    try parseDataSet(
                        limit: offset + Int(length), end: .limit, explicit: explicit, depth: depth, context: itemContext
                    )
                )
            }
        }
        return items
    }

    /// Parses the items of encapsulated pixel data: the basic offset table, then the fragments, up to
    /// the sequence delimiter (PS3.5 A.4).
    private mutating func parseEncapsulatedPixelData(tag: Tag, limit: Int) throws(DICOMError) -> EncapsulatedPixelData {
        var offsetTable: ArraySlice<UInt8>?
        var fragments: [ArraySlice<UInt8>] = []
        while true {
            let remaining = limit - offset
            guard remaining >= 8 else {
                throw overrun(limit: limit, at: offset, tag: tag, what: "encapsulated pixel data")
            }
            let group = readUInt16(at: offset)
            let elementNumber = readUInt16(at: offset + 2)
            let length = readUInt32(at: offset + 4)
            if group == 0xFFFE, elementNumber == 0xE0DD {
                offset += 8
                break
            }
            guard group == 0xFFFE, elementNumber == 0xE000 else {
                throw DICOMError(
                    .malformedItem, offset: offset, tag: tag, message: "encapsulated pixel data holds a non-item tag"
                )
            }
            guard length != 0xFFFF_FFFF else {
                throw DICOMError(
                    .malformedItem, offset: offset, tag: tag, message: "a pixel data fragment of undefined length"
                )
            }
            try count(at: offset, tag: tag)
            offset += 8
            let count = Int(length)
            guard count <= limit - offset else {
                throw overrun(limit: limit, at: offset - 8, tag: tag, what: "a pixel data fragment")
            }
            let value = bytes[offset..<(offset + count)]
            offset += count
            if offsetTable == nil {
                offsetTable = value
            } else {
                fragments.append(value)
            }
        }
        guard let offsetTable else {
            throw DICOMError(
                .malformedItem, offset: offset - 8, tag: tag,
                message: "encapsulated pixel data without a basic offset table item"
            )
        }
        return EncapsulatedPixelData(basicOffsetTable: offsetTable, fragments: fragments)
    }

    // MARK: - Limits and pixel data

    /// Counts one data element, item or fragment whose header starts at `position`, throwing
    /// `tooManyElements` past the limit.
    private mutating func count(at position: Int, tag: Tag) throws(DICOMError) {
        elementCount += 1
        guard elementCount <= maximumElementCount else {
            throw DICOMError(
                .tooManyElements, offset: position, tag: tag,
                message: "more than \(maximumElementCount) data elements, items and fragments"
            )
        }
    }

    /// Checks that Pixel Data (7FE0,0010) starting at `position` is encoded as its transfer syntax
    /// requires (PS3.5 A.4, 8.2): encapsulated (undefined length) at the top level of an
    /// encapsulated syntax, never encapsulated in a native one, never a sequence. Pixel data nested in
    /// an item of an encapsulated syntax (an icon image) may be either.
    private func checkPixelDataEncoding(at position: Int, vr: VR, undefinedLength: Bool, depth: Int) throws(DICOMError)
    {
        if vr == .SQ {
            throw DICOMError(
                .invalidPixelData, offset: position, tag: .pixelData, message: "pixel data encoded as a sequence"
            )
        }
        if encapsulatedSyntax, depth == 0, !undefinedLength {
            throw DICOMError(
                .invalidPixelData, offset: position, tag: .pixelData,
                message: "native pixel data (defined length) where the transfer syntax requires encapsulated pixel data"
            )
        }
        if !encapsulatedSyntax, undefinedLength {
            throw DICOMError(
                .invalidPixelData, offset: position, tag: .pixelData,
                message: "encapsulated pixel data (undefined length) in a native transfer syntax"
            )
        }
    }

    // MARK: - VRs

    /// The VR of `tag` in implicit VR: private creators LO, other private tags UN, group lengths UL,
    /// else the dictionary's (provisional and returned with its specification when ambiguous), UN
    /// when unknown.
    static func implicitVR(for tag: Tag) -> (VR, VRSpecification?) {
        if tag.isPrivate {
            return (tag.isPrivateCreator ? .LO : .UN, nil)
        }
        if tag.isGroupLength {
            return (.UL, nil)
        }
        switch DataDictionary.specification(for: tag) {
        case .single(let vr): return (vr, nil)
        case .notApplicable, nil: return (.UN, nil)
        case .some(let specification): return (specification.vrs[0], specification)
        }
    }

    /// Resolves an ambiguous dictionary VR from the data set's context: "US or SS" (and "US or SS or
    /// OW") by Pixel Representation (1 -> SS, else US); "OB or OW" as OB for pixel data with Bits
    /// Allocated of 8 or less, OW otherwise; "US or OW" (LUT Data) as US when the LUT Descriptor
    /// announces a single entry, OW otherwise.
    static func resolve(_ specification: VRSpecification, tag: Tag, context: PixelContext) -> VR {
        switch specification {
        case .single(let vr):
            return vr
        case .usOrSS, .usOrSSOrOW:
            return context.pixelRepresentation == 1 ? .SS : .US
        case .obOrOW:
            if tag == .pixelData, let bits = context.bitsAllocated, bits <= 8 {
                return .OB
            }
            return .OW
        case .usOrOW:
            return context.lutDescriptorFirstValue == 1 ? .US : .OW
        case .notApplicable:
            return .UN
        }
    }

    // MARK: - Errors

    /// The error for a structure at `at` that would end past `limit`: `truncated` when the limit is
    /// the end of the input, else `invalidLength` (it crosses the end of its item or sequence).
    private func overrun(limit: Int, at position: Int, tag: Tag?, what: String) -> DICOMError {
        if limit == bytes.count {
            return DICOMError(.truncated, offset: position, tag: tag, message: "the data ends inside \(what)")
        }
        return DICOMError(
            .invalidLength, offset: position, tag: tag, message: "\(what) runs past the end of its item or sequence"
        )
    }

    /// The error for an undefined-length structure starting at `at` whose delimiter never came.
    private func unclosed(limit: Int, at position: Int, tag: Tag, what: String) -> DICOMError {
        if limit == bytes.count {
            return DICOMError(.truncated, offset: position, tag: tag, message: "the data ends inside \(what)")
        }
        return DICOMError(
            .malformedItem, offset: position, tag: tag, message: "\(what) is not closed before the end of its parent"
        )
    }

    // MARK: - Bytes

    @inline(__always)
    private func readUInt16(at index: Int) -> UInt16 {
        UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
    }

    @inline(__always)
    private func readUInt32(at index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
            | UInt32(bytes[index + 3]) << 24
    }

    @inline(__always)
    private func readUInt16(_ value: ArraySlice<UInt8>) -> UInt16 {
        UInt16(value[value.startIndex]) | UInt16(value[value.startIndex + 1]) << 8
    }
}
