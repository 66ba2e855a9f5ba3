/// Reads data sets by index, without copying values: every value is a slice of the input buffer,
/// except the binary values of big-endian data, which are swapped into arrays of their own.
///
/// Every declared length is checked against what is left (of the input, or of the enclosing item or
/// sequence) before it is used, so a hostile length never allocates nor reads out of bounds.
/// Sequences nest at most `maximumDepth` deep, which also bounds the recursion; data elements, items
/// and pixel data fragments are counted as they are read, at every level, and stop at
/// `maximumElementCount`, which bounds the memory the parsed structure takes whatever the input.
/// Deviations that real files show are read past and collected as warnings (thrown as errors in
/// strict mode).
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

    /// How a data set's elements are encoded.
    struct Encoding: Equatable {
        var isExplicit: Bool
        var isBigEndian: Bool

        static let implicitLittle = Encoding(isExplicit: false, isBigEndian: false)
        static let explicitLittle = Encoding(isExplicit: true, isBigEndian: false)
        static let explicitBig = Encoding(isExplicit: true, isBigEndian: true)
    }

    /// Where a data set ends.
    enum End {
        /// At the limit (a defined-length item).
        case limit
        /// At an item delimitation item (an undefined-length item); the limit is a hard bound.
        case itemDelimiter
        /// Where group 0002 ends (the file meta information).
        case endOfFileMetaGroup
        /// At the end of the input: the top-level data set, where trailing bytes, group 0002
        /// elements, selected tags and stopping before pixel data are handled.
        case endOfInput
    }

    private(set) var bytes: [UInt8]
    let maximumDepth: Int
    let maximumElementCount: Int
    let maximumElementSize: Int
    let maximumWarningCount: Int
    let isStrict: Bool
    let stopBeforePixelData: Bool
    let selectedTags: Set<Tag>?
    /// Whether the transfer syntax encapsulates pixel data: top-level Pixel Data must then be
    /// encapsulated, and in a native syntax it must not be (PS3.5 A.4).
    var encapsulatedSyntax = false
    var offset: Int
    /// Data elements, items and fragments read so far, at every level.
    private(set) var elementCount = 0
    /// What was read past, in order.
    private(set) var warnings: [DICOMWarning] = []
    /// The Specific Character Set terms of the data set being read, which its items inherit (kept
    /// here rather than passed per element, to spare reference counting in the element loop).
    private var currentTerms: [String] = []
    /// The start of the input's final run of zero bytes, and the input length it was found for.
    private var zeroStart: (count: Int, start: Int)?

    init(bytes: [UInt8], offset: Int, options: DICOMFile.ReadOptions) {
        self.bytes = bytes
        self.offset = offset
        maximumDepth = options.effectiveNestingDepth
        maximumElementCount = options.effectiveElementCount
        maximumElementSize = max(options.maximumElementSize, 0)
        maximumWarningCount = max(options.maximumWarningCount, 0)
        isStrict = options.isStrict
        stopBeforePixelData = options.stopBeforePixelData
        selectedTags = options.selectedTags
    }

    /// Replaces the input (with the inflated form of a deflated file) keeping the position, the
    /// count and the warnings.
    mutating func replaceInput(with newBytes: [UInt8]) {
        bytes = newBytes
    }

    /// Records a warning, or throws it as an error in strict mode.
    mutating func warn(_ code: DICOMWarning.Code, at position: Int, tag: Tag?, _ message: String) throws(DICOMError) {
        if isStrict {
            throw DICOMError(code.strictErrorCode, offset: position, tag: tag, message: message)
        }
        if warnings.count < maximumWarningCount {
            warnings.append(DICOMWarning(code, offset: position, tag: tag, message: message))
        } else if warnings.count == maximumWarningCount {
            warnings.append(
                DICOMWarning(
                    .warningLimitReached, offset: position, tag: nil,
                    message: "more warnings than the limit of \(maximumWarningCount); later ones are not kept"
                )
            )
        }
    }

    // MARK: - Data sets

    /// Parses elements from `offset` to the end given by `end`, not reading at or past `limit`. The
    /// data set inherits the Specific Character Set terms of the enclosing one (`currentTerms`).
    mutating func parseDataSet(
        limit: Int, end: End, encoding declared: Encoding, depth: Int, context inherited: PixelContext
    ) throws(DICOMError) -> DataSet {
        let inheritedTerms = currentTerms
        defer { currentTerms = inheritedTerms }
        var encoding = declared
        if !encoding.isBigEndian {
            encoding.isExplicit = try detectVREncoding(
                limit: limit, declaredExplicit: encoding.isExplicit, fileMetaGroup: end == .endOfFileMetaGroup
            )
        }
        var elements: [DataElement] = []
        var context = inherited
        var ambiguous: [(index: Int, specification: VRSpecification)] = []
        var ownTerms: [String]?
        var sequenceBeforeTerms = false
        // The tag read last; once a tag is not above it, `seen` holds the kept tags, to drop duplicates.
        var lastTag: UInt32?
        var highestTag: UInt32 = 0
        var seen: Set<UInt32>?
        var reportedOutOfOrder = false
        while true {
            let remaining = limit - offset
            if remaining == 0 {
                if end == .itemDelimiter {
                    throw unclosed(limit: limit, at: offset, tag: .item, what: "an item of undefined length")
                }
                break
            }
            if end == .endOfFileMetaGroup, remaining < 2 || readUInt16(at: offset, bigEndian: false) != 0x0002 {
                break
            }
            guard remaining >= 8 else {
                if end == .endOfInput {
                    try warn(
                        .trailingBytes, at: offset, tag: nil,
                        "fewer bytes than an element header after the last element"
                    )
                    offset = limit
                    break
                }
                throw overrun(limit: limit, at: offset, tag: nil, what: "an element header")
            }
            let group = readUInt16(at: offset, bigEndian: encoding.isBigEndian)
            let elementNumber = readUInt16(at: offset + 2, bigEndian: encoding.isBigEndian)
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
            if end == .endOfInput {
                if group == 0, elementNumber == 0, offset >= zeroPaddingStart() {
                    try warn(.trailingBytes, at: offset, tag: nil, "zero padding after the last element")
                    offset = limit
                    break
                }
                if stopBeforePixelData, group == 0x7FE0,
                    elementNumber == 0x0010 || elementNumber == 0x0008 || elementNumber == 0x0009
                {
                    break
                }
            }
            let tag = Tag(group, elementNumber)
            let start = offset
            try count(at: start, tag: tag)
            let (element, pending) = try parseElement(
                tag: tag, limit: limit, encoding: encoding, depth: depth, context: context
            )

            if end == .endOfInput, group == 0x0002 {
                try warn(
                    .fileMetaElementInDataSet, at: start, tag: tag,
                    "a file meta information element inside the data set; dropped, the file meta information decides"
                )
                continue
            }
            // Order and duplicates: the first of a tag is kept.
            let raw = tag.rawValue
            if seen == nil, let lastTag, raw <= lastTag {
                var kept = Set<UInt32>(minimumCapacity: elements.count + 8)
                for previous in elements {
                    kept.insert(previous.tag.rawValue)
                }
                seen = kept
            }
            lastTag = raw
            if seen?.contains(raw) == true {
                try warn(
                    .duplicateElement, at: start, tag: tag, "a tag occurs twice in one data set; the first is kept")
                continue
            }
            if seen != nil, raw < highestTag, !reportedOutOfOrder {
                reportedOutOfOrder = true
                try warn(.elementsOutOfOrder, at: start, tag: tag, "elements are not in ascending tag order")
            }
            highestTag = max(highestTag, raw)

            switch raw {
            case 0x0008_0005:
                if case .bytes(let value) = element.value {
                    let terms = DataSetParser.characterSetTerms(value)
                    ownTerms = terms
                    currentTerms = terms
                }
            case 0x0028_0100, 0x0028_0103, 0x0028_3002:
                if case .bytes(let value) = element.value, value.count >= 2 {
                    let number = readUInt16(value)
                    switch raw {
                    case 0x0028_0100: context.bitsAllocated = number
                    case 0x0028_0103: context.pixelRepresentation = number
                    default: context.lutDescriptorFirstValue = number
                    }
                }
            default:
                if ownTerms == nil, element.vr == .SQ {
                    sequenceBeforeTerms = true
                }
            }
            seen?.insert(raw)
            if end == .endOfInput, let selectedTags, !selectedTags.contains(tag) {
                continue
            }
            if let pending {
                ambiguous.append((elements.count, pending))
            }
            elements.append(element)
        }
        for (index, specification) in ambiguous {
            let provisional = elements[index].vr
            let resolved = DataSetParser.resolve(specification, tag: elements[index].tag, context: context)
            elements[index].vr = resolved
            // A big-endian value was swapped for its provisional VR; OB (not swapped) may resolve to OW.
            if encoding.isBigEndian, provisional.byteSwapUnit == nil, let unit = resolved.byteSwapUnit,
                case .bytes(let value) = elements[index].value
            {
                elements[index].value = .bytes(byteSwapped(value, unit: unit))
            }
        }
        if seen != nil {
            elements.sort { $0.tag.rawValue < $1.tag.rawValue }
        }
        let terms = ownTerms ?? inheritedTerms
        if let ownTerms, sequenceBeforeTerms, ownTerms != inheritedTerms {
            // (0008,0005) came after a sequence: its items were read with the enclosing terms.
            for index in elements.indices {
                if case .sequence(let items) = elements[index].value {
                    elements[index].value = .sequence(DataSetParser.applying(ownTerms, to: items))
                }
            }
        }
        var dataSet = DataSet(sortedUniqueElements: elements)
        dataSet.characterSetTerms = terms
        return dataSet
    }

    /// Tells from the first element whether a data set is encoded as `declaredExplicit` says or the
    /// other way (as pydicom and dcmtk do for real files whose items, or whole data set, use the
    /// other VR encoding). It switches only when the declared reading cannot be right and the other
    /// fits: explicit declared, no valid VR code where it belongs, and an implicit length that fits;
    /// implicit declared, a valid VR code, an implicit length that does not fit and an explicit one
    /// that does.
    private mutating func detectVREncoding(
        limit: Int, declaredExplicit: Bool, fileMetaGroup: Bool
    ) throws(DICOMError) -> Bool {
        let remaining = limit - offset
        guard remaining >= 8 else { return declaredExplicit }
        let group = readUInt16(at: offset, bigEndian: false)
        guard group != 0xFFFE, !fileMetaGroup || group == 0x0002 else { return declaredExplicit }
        let vr = VR(first: bytes[offset + 4], second: bytes[offset + 5])
        let implicitLength = readUInt32(at: offset + 4, bigEndian: false)
        let implicitFits = implicitLength == 0xFFFF_FFFF || Int(implicitLength) <= remaining - 8
        var detected = declaredExplicit
        if declaredExplicit, vr == nil, implicitFits {
            detected = false
        } else if !declaredExplicit, let vr, !implicitFits {
            if vr.hasLongLength {
                if remaining >= 12 {
                    let length = readUInt32(at: offset + 8, bigEndian: false)
                    detected = length == 0xFFFF_FFFF || Int(length) <= remaining - 12
                }
            } else {
                detected = Int(readUInt16(at: offset + 6, bigEndian: false)) <= remaining - 8
            }
        }
        if detected != declaredExplicit {
            try warn(
                .vrEncodingMismatch, at: offset, tag: Tag(group, readUInt16(at: offset + 2, bigEndian: false)),
                detected
                    ? "explicit VR elements where the transfer syntax says implicit VR; read as explicit"
                    : "implicit VR elements where the transfer syntax says explicit VR; read as implicit"
            )
        }
        return detected
    }

    /// Parses one element whose tag has been read at `offset`. Returns the VR specification when the
    /// element's VR is provisional and must be resolved once its data set is read.
    private mutating func parseElement(
        tag: Tag, limit: Int, encoding: Encoding, depth: Int, context: PixelContext
    ) throws(DICOMError) -> (DataElement, VRSpecification?) {
        let start = offset
        var vr: VR
        var pending: VRSpecification?
        let length: UInt32
        if encoding.isExplicit {
            guard let parsed = VR(first: bytes[start + 4], second: bytes[start + 5]) else {
                throw DICOMError(.invalidVR, offset: start + 4, tag: tag, message: "not a PS3.5 value representation")
            }
            vr = parsed
            if vr.hasLongLength {
                guard limit - start >= 12 else {
                    throw overrun(limit: limit, at: start, tag: tag, what: "an element header")
                }
                if vr == .SV || vr == .UV, bytes[start + 6] != 0 || bytes[start + 7] != 0 {
                    throw DICOMError(
                        .invalidLength, offset: start, tag: tag,
                        message: "an SV or UV element written with a 2-byte length (PS3.5 7.1.2 gives them 4 bytes)"
                    )
                }
                length = readUInt32(at: start + 8, bigEndian: encoding.isBigEndian)
                offset = start + 12
            } else {
                length = UInt32(readUInt16(at: start + 6, bigEndian: encoding.isBigEndian))
                offset = start + 8
            }
        } else {
            length = readUInt32(at: start + 4, bigEndian: false)
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
                var element = DataElement(tag: tag, vr: vr == .OW ? .OW : .OB, value: .encapsulated(pixelData))
                element.lengthInFile = length
                return (element, nil)
            }
            guard vr == .SQ || vr == .UN else {
                throw DICOMError(
                    .invalidLength, offset: start, tag: tag, message: "undefined length for a VR that does not allow it"
                )
            }
            // An undefined-length UN is a sequence encoded in Implicit VR Little Endian (PS3.5 6.2.2).
            let items = try parseSequence(
                tag: tag, limit: limit, delimited: true, encoding: vr == .SQ ? encoding : .implicitLittle,
                depth: depth + 1, context: context
            )
            var element = DataElement(tag: tag, vr: .SQ, value: .sequence(items))
            element.lengthInFile = length
            return (element, nil)
        }

        let count = Int(length)
        guard count <= limit - offset else {
            throw overrun(limit: limit, at: start, tag: tag, what: "an element value")
        }
        var itemsEncoding = encoding
        if encoding.isExplicit, vr == .UN, tag.isPrivateCreator {
            vr = .LO  // a private creator is always LO (PS3.5 7.8.1)
        } else if encoding.isExplicit, vr == .UN, !tag.isPrivate, !tag.isGroupLength,
            let specification = DataDictionary.specification(for: tag)
        {
            // A public attribute sent as UN takes the dictionary's VR (ambiguous ones resolved as in
            // implicit VR), and a sequence is read with Implicit VR Little Endian items (PS3.5 6.2.2).
            switch specification {
            case .single(let known): vr = known
            case .notApplicable: break
            default:
                pending = specification
                vr = specification.vrs[0]
            }
            itemsEncoding = .implicitLittle
        }
        if vr == .SQ {
            let items = try parseSequence(
                tag: tag, limit: offset + count, delimited: false, encoding: itemsEncoding, depth: depth + 1,
                context: context
            )
            var element = DataElement(tag: tag, vr: .SQ, value: .sequence(items))
            element.lengthInFile = length
            return (element, nil)
        }
        guard count <= maximumElementSize else {
            throw DICOMError(
                .elementTooLarge, offset: start, tag: tag,
                message: "a value of \(count) bytes, over the limit of \(maximumElementSize)"
            )
        }
        if count & 1 == 1 {
            try warn(.oddLength, at: start, tag: tag, "a value of odd length")
        }
        var value = bytes[offset..<(offset + count)]
        offset += count
        if encoding.isBigEndian, let unit = vr.byteSwapUnit {
            value = byteSwapped(value, unit: unit)
        }
        var element = DataElement(tag: tag, vr: vr, value: .bytes(value))
        element.lengthInFile = length
        return (element, pending)
    }

    /// Parses the items of a sequence whose header has been read. `depth` counts this sequence.
    private mutating func parseSequence(
        tag: Tag, limit: Int, delimited: Bool, encoding: Encoding, depth: Int, context: PixelContext
    ) throws(DICOMError) -> [DataSet] {
        guard depth <= maximumDepth else {
            throw DICOMError(
                .nestingTooDeep, offset: offset, tag: tag,
                message: "sequences nest deeper than the limit of \(maximumDepth)"
            )
        }
        let start = offset
        let itemContext = context.nested
        let bigEndian = encoding.isBigEndian
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
            let group = readUInt16(at: offset, bigEndian: bigEndian)
            let elementNumber = readUInt16(at: offset + 2, bigEndian: bigEndian)
            let length = readUInt32(at: offset + 4, bigEndian: bigEndian)
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
            var item: DataSet
            if length == 0xFFFF_FFFF {
                item = try parseDataSet(
                    limit: limit, end: .itemDelimiter, encoding: encoding, depth: depth, context: itemContext
                )
            } else {
                guard Int(length) <= limit - offset else {
                    throw overrun(limit: limit, at: offset - 8, tag: tag, what: "a sequence item")
                }
                item = try parseDataSet(
                    limit: offset + Int(length), end: .limit, encoding: encoding, depth: depth, context: itemContext
                )
            }
            item.lengthInFile = length
            items.append(item)
        }
        return items
    }

    /// Parses the items of encapsulated pixel data: the basic offset table, then the fragments, up to
    /// the sequence delimiter (PS3.5 A.4). When the input ends right after an item, the missing
    /// delimiter is read past with a warning, keeping the fragments.
    private mutating func parseEncapsulatedPixelData(tag: Tag, limit: Int) throws(DICOMError) -> EncapsulatedPixelData {
        var offsetTable: ArraySlice<UInt8>?
        var fragments: [ArraySlice<UInt8>] = []
        while true {
            let remaining = limit - offset
            if remaining == 0, limit == bytes.count, offsetTable != nil {
                try warn(
                    .missingPixelDataDelimiter, at: offset, tag: tag,
                    "encapsulated pixel data ends at the end of the file without its sequence delimiter"
                )
                offset = limit
                break
            }
            guard remaining >= 8 else {
                throw overrun(limit: limit, at: offset, tag: tag, what: "encapsulated pixel data")
            }
            let group = readUInt16(at: offset, bigEndian: false)
            let elementNumber = readUInt16(at: offset + 2, bigEndian: false)
            let length = readUInt32(at: offset + 4, bigEndian: false)
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
            guard count <= maximumElementSize else {
                throw DICOMError(
                    .elementTooLarge, offset: offset - 8, tag: tag,
                    message: "a pixel data fragment of \(count) bytes, over the limit of \(maximumElementSize)"
                )
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
    @inline(__always)
    mutating func count(at position: Int, tag: Tag) throws(DICOMError) {
        elementCount += 1
        if elementCount > maximumElementCount {
            throw tooManyElements(at: position, tag: tag)
        }
    }

    private func tooManyElements(at position: Int, tag: Tag) -> DICOMError {
        DICOMError(
            .tooManyElements, offset: position, tag: tag,
            message: "more than \(maximumElementCount) data elements, items and fragments"
        )
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

    // MARK: - VRs and character sets

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
    /// OW") by Pixel Representation (1 -> SS, else US); "OB or OW" as OW, whatever Bits Allocated says,
    /// since in Implicit VR Little Endian pixel, overlay and waveform data are OW (PS3.5 A.1 c; pydicom
    /// and dcmtk agree); "US or OW" (LUT Data) as US when the LUT Descriptor announces a single entry,
    /// OW otherwise.
    static func resolve(_ specification: VRSpecification, tag: Tag, context: PixelContext) -> VR {
        switch specification {
        case .single(let vr):
            return vr
        case .usOrSS, .usOrSSOrOW:
            return context.pixelRepresentation == 1 ? .SS : .US
        case .obOrOW:
            return .OW
        case .usOrOW:
            return context.lutDescriptorFirstValue == 1 ? .US : .OW
        case .notApplicable:
            return .UN
        }
    }

    /// The defined terms of a Specific Character Set (0008,0005) value: split at backslashes, each
    /// without its padding (spaces and NULs around it). A value whose terms are all empty means the
    /// default repertoire: no terms. An empty first term among others (`\ISO 2022 IR 87`) is kept: it
    /// stands for the default repertoire as the initial character set.
    static func characterSetTerms(_ value: ArraySlice<UInt8>) -> [String] {
        var terms: [String] = []
        var anyNonEmpty = false
        for part in value.split(separator: backslash, omittingEmptySubsequences: false) {
            var start = part.startIndex
            var end = part.endIndex
            while start < end, part[start] == 0x20 || part[start] == 0x00 {
                start += 1
            }
            while end > start, part[end - 1] == 0x20 || part[end - 1] == 0x00 {
                end -= 1
            }
            anyNonEmpty = anyNonEmpty || start < end
            terms.append(String(decoding: part[start..<end], as: UTF8.self))
        }
        return anyNonEmpty ? terms : []
    }

    /// `items` with `terms` as the character set terms of every item (and, recursively, of the items
    /// nested in it) that has no Specific Character Set of its own.
    static func applying(_ terms: [String], to items: [DataSet]) -> [DataSet] {
        items.map { item in
            guard !item.contains(.specificCharacterSet) else { return item }
            var updated = item
            updated.characterSetTerms = terms
            for element in item {
                if case .sequence(let nested) = element.value {
                    var changed = element
                    changed.value = .sequence(applying(terms, to: nested))
                    updated[element.tag] = changed
                }
            }
            return updated
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

    /// The 16-bit number at `index`. One bounds check (a trap, never an out-of-bounds read) instead of
    /// one per byte: callers have checked the length already, this is the safety net.
    @inline(__always)
    func readUInt16(at index: Int, bigEndian: Bool) -> UInt16 {
        precondition(index >= 0 && index <= bytes.count &- 2)
        let raw = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt16.self) }
        return bigEndian ? UInt16(bigEndian: raw) : UInt16(littleEndian: raw)
    }

    /// The 32-bit number at `index`, with one bounds check as ``readUInt16(at:bigEndian:)``.
    @inline(__always)
    func readUInt32(at index: Int, bigEndian: Bool) -> UInt32 {
        precondition(index >= 0 && index <= bytes.count &- 4)
        let raw = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt32.self) }
        return bigEndian ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)
    }

    @inline(__always)
    private func readUInt16(_ value: ArraySlice<UInt8>) -> UInt16 {
        UInt16(value[value.startIndex]) | UInt16(value[value.startIndex + 1]) << 8
    }

    /// Where the zero bytes that end the input start (its length when the last byte is not zero),
    /// found once, from the end, so that many (0000,0000) headers never rescan the input.
    private mutating func zeroPaddingStart() -> Int {
        if let zeroStart, zeroStart.count == bytes.count {
            return zeroStart.start
        }
        var start = bytes.count
        while start > 0, bytes[start - 1] == 0 {
            start -= 1
        }
        zeroStart = (bytes.count, start)
        return start
    }
}
