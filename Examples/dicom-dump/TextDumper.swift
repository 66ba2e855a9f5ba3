// TextDumper: dicom-dump's default output, laid out like dcmtk's dcmdump.
//
//   # File: CT_small.dcm
//   # Dicom-Meta-Information-Header
//   # Used TransferSyntax: Explicit VR Little Endian
//   (0002,0000) UL 192                                      #   4, 1 FileMetaInformationGroupLength
//   ...
//   # Dicom-Data-Set
//   # Used TransferSyntax: Explicit VR Little Endian [1.2.840.10008.1.2.1]
//   (0008,0016) UI =CTImageStorage                          #  26, 1 SOPClassUID
//   (0010,0010) PN (redacted, 22 bytes)                     #  22, 1 PatientName
//   (0010,1002) SQ (Sequence with explicit length #=2)      #  72, 1 OtherPatientIDsSequence
//     (fffe,e000) na (Item with explicit length #=2)          #  28, 1 Item
//   ...
//
// Per element: two spaces of indentation per nesting level, the tag, the VR, the value padded to 40
// columns, then `# length, VM Keyword` (length as the file gave it, `u/l` for undefined). Values: text
// in [] (several values joined by \, control characters shown as .), a UID the registry knows as
// =Keyword, numbers and tags (gggg,eeee) joined by \, binary values as hex bytes (OB, UN) or words (OW
// 4, OL 8, OV 16 hex digits), OF and OD as numbers. A value longer than 64 characters is cut and
// followed by `...` (not with --print-all). Sequences and items show their length kind and number of
// elements; item and sequence delimiters are shown where the file has them (undefined lengths).
// Encapsulated pixel data shows as (PixelSequence #=N) with one `pi` item per offset table and fragment.

import DICOMKitCore

struct TextDumper {
    var out: ByteWriter
    let redaction: Redaction
    /// The longest value rendering before it is cut (Int.max with --print-all).
    let valueLimit: Int
    private var names = Names()
    private var characterSets = CharacterSets()
    private var reporter = WarningReporter(path: "")

    /// The width the value column is padded to.
    private static let valueColumn = 40

    init(out: ByteWriter, redaction: Redaction, printAll: Bool) {
        self.out = out
        self.redaction = redaction
        valueLimit = printAll ? Int.max : 64
    }

    /// Dumps one file.
    mutating func dump(_ file: DICOMFile, path: String) {
        reporter = WarningReporter(path: path)
        reporter.report(file.warnings, after: &out)
        out.ascii("\n# File: ")
        path.utf8CString.withUnsafeBytes { out.printable(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        out.ascii("\n\n# Dicom-Meta-Information-Header\n")
        if file.fileMetaInformation.isEmpty {
            out.ascii("# (no file meta information)\n")
        } else {
            out.ascii("# Used TransferSyntax: Explicit VR Little Endian\n")
            dataSet(file.fileMetaInformation, depth: 0, fileMeta: true, insideRemoved: false)
        }
        out.ascii("\n# Dicom-Data-Set\n# Used TransferSyntax: ")
        out.string(file.transferSyntax.name)
        out.ascii(" [")
        out.string(file.transferSyntax.uid)
        out.ascii("]\n")
        dataSet(file.dataSet, depth: 0, fileMeta: false, insideRemoved: false)
        out.flushIfFull()
    }

    private mutating func dataSet(_ dataSet: DataSet, depth: Int, fileMeta: Bool, insideRemoved: Bool) {
        let context = fileMeta ? TextContext.defaultRepertoire : characterSets.context(for: dataSet)
        if !fileMeta, !context.characterSet.warnings.isEmpty, dataSet.contains(.specificCharacterSet) {
            reporter.report(context.characterSet.warnings, tag: .specificCharacterSet, after: &out)
        }
        for element in dataSet.elements {
            self.element(element, depth: depth, context: context, fileMeta: fileMeta, insideRemoved: insideRemoved)
        }
    }

    private mutating func element(
        _ element: DataElement, depth: Int, context: TextContext, fileMeta: Bool, insideRemoved: Bool
    ) {
        let shown = redaction.shows(element, fileMeta: fileMeta, insideRemoved: insideRemoved)
        let start = header(element.tag, depth: depth, vr: vrCode(element.vr))
        switch element.value {
        case .sequence(let items):
            let undefined = element.lengthInFile == DataElement.undefinedLength
            out.ascii(undefined ? "(Sequence with undefined length #=" : "(Sequence with explicit length #=")
            out.decimal(UInt64(items.count))
            out.byte(UInt8(ascii: ")"))
            finish(start, length: element.lengthInFile, vm: 1, keyword: names.keyword(element.tag))
            for item in items {
                let itemUndefined = item.lengthInFile == DataElement.undefinedLength
                let itemStart = header(.item, depth: depth + 1, vr: "na")
                out.ascii(itemUndefined ? "(Item with undefined length #=" : "(Item with explicit length #=")
                out.decimal(UInt64(item.count))
                out.byte(UInt8(ascii: ")"))
                finish(itemStart, length: item.lengthInFile, vm: 1, keyword: Names.item)
                dataSet(item, depth: depth + 2, fileMeta: fileMeta, insideRemoved: insideRemoved || !shown)
                if itemUndefined {
                    let delimiterStart = header(.itemDelimitationItem, depth: depth + 1, vr: "na")
                    out.ascii("(ItemDelimitationItem)")
                    finish(delimiterStart, length: 0, vm: 0, keyword: Names.itemDelimitationItem)
                }
            }
            if undefined {
                sequenceDelimiter(depth: depth)
            }
        case .encapsulated(let pixelData):
            out.ascii("(PixelSequence #=")
            out.decimal(UInt64(pixelData.fragments.count + 1))
            out.byte(UInt8(ascii: ")"))
            finish(start, length: element.lengthInFile, vm: 1, keyword: names.keyword(element.tag))
            pixelItem(pixelData.basicOffsetTable, depth: depth + 1, shown: shown)
            for fragment in pixelData.fragments {
                pixelItem(fragment, depth: depth + 1, shown: shown)
            }
            sequenceDelimiter(depth: depth)
        case .bytes(let bytes):
            var vm = 0
            if bytes.isEmpty {
                out.ascii("(no value available)")
            } else if !shown {
                out.ascii("(redacted, ")
                out.decimal(UInt64(bytes.count))
                out.ascii(" bytes)")
                vm = structuralValueCount(bytes, vr: element.vr)
            } else {
                vm = value(element, bytes: bytes, context: context)
            }
            finish(
                start, length: element.lengthInFile ?? UInt32(truncatingIfNeeded: bytes.count), vm: vm,
                keyword: names.keyword(element.tag)
            )
        }
    }

    // MARK: - Lines

    /// Writes the indentation, `(gggg,eeee) VR `, and returns the position where the value starts.
    private mutating func header(_ tag: Tag, depth: Int, vr: StaticString) -> Int {
        out.repeating(0x20, count: depth * 2)
        out.byte(UInt8(ascii: "("))
        out.hex(UInt64(tag.group), digits: 4)
        out.byte(UInt8(ascii: ","))
        out.hex(UInt64(tag.element), digits: 4)
        out.ascii(") ")
        out.ascii(vr)
        out.byte(0x20)
        return out.position
    }

    /// Pads the value to its column and writes ` # length, VM Keyword` and the newline.
    private mutating func finish(_ start: Int, length: UInt32?, vm: Int, keyword: [UInt8]) {
        out.repeating(0x20, count: TextDumper.valueColumn - (out.position - start))
        out.ascii(" # ")
        if let length {
            if length == DataElement.undefinedLength {
                out.ascii("u/l")
            } else {
                out.decimal(Int(length), width: 3)
            }
        } else {
            out.ascii("  ?")
        }
        out.ascii(", ")
        out.decimal(UInt64(vm))
        out.byte(0x20)
        out.raw(keyword)
        out.byte(0x0A)
        out.flushIfFull()
    }

    private mutating func sequenceDelimiter(depth: Int) {
        let start = header(.sequenceDelimitationItem, depth: depth, vr: "na")
        out.ascii("(SequenceDelimitationItem)")
        finish(start, length: 0, vm: 0, keyword: Names.sequenceDelimitationItem)
    }

    private mutating func pixelItem(_ bytes: ArraySlice<UInt8>, depth: Int, shown: Bool) {
        let start = header(.item, depth: depth, vr: "pi")
        if bytes.isEmpty {
            out.ascii("(no value available)")
        } else if !shown {
            out.ascii("(redacted, ")
            out.decimal(UInt64(bytes.count))
            out.ascii(" bytes)")
        } else {
            words(bytes, vr: .OB)
        }
        finish(start, length: UInt32(truncatingIfNeeded: bytes.count), vm: 1, keyword: Names.item)
    }

    // MARK: - Values

    /// Writes a shown, non-empty value and returns its value multiplicity.
    private mutating func value(_ element: DataElement, bytes: ArraySlice<UInt8>, context: TextContext) -> Int {
        let vr = element.vr
        switch vr {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT:
            if (context.asciiIsItself || !vr.isAffectedByCharacterSet) && isPlainASCII(bytes) {
                return asciiText(bytes, vr: vr)
            }
            let decoded = element.decodedStrings(characterSet: context.characterSet)
            reporter.report(decoded.warnings, tag: element.tag, after: &out)
            decodedText(decoded.values)
            return decoded.values.count
        case .US, .SS, .UL, .SL, .SV, .UV, .FL, .FD, .AT:
            guard let size = vr.binaryValueSize, bytes.count >= size else {
                words(bytes, vr: .OB)
                return 0
            }
            words(bytes, vr: vr)
            return bytes.count / size
        case .OB, .OW, .OL, .OV, .OF, .OD, .UN, .SQ:
            words(bytes, vr: vr)
            return 1
        }
    }

    /// A plain-ASCII text value: `=Keyword` for a single registered UID, else `[v1\v2...]`.
    private mutating func asciiText(_ bytes: ArraySlice<UInt8>, vr: VR) -> Int {
        let count = textValueCount(bytes, vr: vr)
        if vr == .UI, count == 1, let keyword = names.uidKeyword(trimmed(bytes, vr: .UI)) {
            out.byte(UInt8(ascii: "="))
            out.raw(keyword)
            return count
        }
        out.byte(UInt8(ascii: "["))
        var budget = valueLimit
        var first = true
        var cut = false
        forEachASCIIValue(bytes, vr: vr) { value in
            guard !cut else { return }
            if !first {
                guard budget > 0 else {
                    cut = true
                    return
                }
                out.byte(0x5C)
                budget -= 1
            }
            first = false
            let take = min(value.count, budget)
            value.withUnsafeBytes { out.printable(UnsafeRawBufferPointer(rebasing: $0[0..<take])) }
            budget -= take
            cut = take < value.count
        }
        out.ascii(cut ? "..." : "]")
        return count
    }

    /// Decoded text values, joined by backslashes, cut at a character boundary.
    private mutating func decodedText(_ values: [String]) {
        out.byte(UInt8(ascii: "["))
        var budget = valueLimit
        var cut = false
        for (index, value) in values.enumerated() {
            if index > 0 {
                guard budget > 0 else {
                    cut = true
                    break
                }
                out.byte(0x5C)
                budget -= 1
            }
            var text = value
            text.withUTF8 { utf8 in
                var take = min(utf8.count, budget)
                if take < utf8.count {
                    cut = true
                    while take > 0, utf8[take] & 0xC0 == 0x80 {
                        take -= 1
                    }
                }
                out.printable(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[0..<take])))
                budget -= take
            }
            if cut {
                break
            }
        }
        out.ascii(cut ? "..." : "]")
    }

    /// Binary values joined by backslashes: numbers, tags, or hex bytes and words; cut with `...`
    /// once the rendering passes the limit. A trailing part shorter than one value is not shown.
    private mutating func words(_ bytes: ArraySlice<UInt8>, vr: VR) {
        let size = vr.binaryValueSize ?? 1
        let count = bytes.count / size
        let start = out.position
        let limit = valueLimit
        bytes.withUnsafeBytes { raw in
            for index in 0..<count {
                if index > 0 {
                    if out.position - start >= limit {
                        out.ascii("...")
                        return
                    }
                    out.byte(0x5C)
                }
                let offset = index * size
                if size == 1 {
                    out.hex(UInt64(raw[offset]), digits: 2)
                    continue
                }
                let bits = littleEndian(raw, at: offset, size: size)
                switch vr {
                case .US, .UL, .UV:
                    out.decimal(bits)
                case .SS:
                    out.decimal(Int64(Int16(truncatingIfNeeded: bits)))
                case .SL:
                    out.decimal(Int64(Int32(truncatingIfNeeded: bits)))
                case .SV:
                    out.decimal(Int64(bitPattern: bits))
                case .FL, .OF:
                    out.float(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
                case .FD, .OD:
                    out.float(Double(bitPattern: bits))
                case .AT:
                    out.byte(UInt8(ascii: "("))
                    out.hex(bits & 0xFFFF, digits: 4)
                    out.byte(UInt8(ascii: ","))
                    out.hex(bits >> 16, digits: 4)
                    out.byte(UInt8(ascii: ")"))
                default:
                    out.hex(bits, digits: size * 2)
                }
            }
        }
    }

    /// The value multiplicity of a value that is not shown, from its length and backslashes alone.
    private func structuralValueCount(_ bytes: ArraySlice<UInt8>, vr: VR) -> Int {
        if vr.isText {
            return textValueCount(bytes, vr: vr)
        }
        switch vr {
        case .US, .SS, .UL, .SL, .SV, .UV, .FL, .FD, .AT:
            return bytes.count / (vr.binaryValueSize ?? 1)
        default:
            return 1
        }
    }
}
