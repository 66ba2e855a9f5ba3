// JSONDumper: dicom-dump --json, the DICOM JSON Model of PS3.18 Annex F.
//
// One JSON object per file, keyed by "GGGGEEEE" (uppercase hex) in tag order, each attribute an object
// with "vr" and:
// - "Value": strings for text VRs (padding removed; an empty value among several is null), numbers for
//   IS, DS, US, SS, UL, SL, FL, FD, SV and UV (a non-finite FL or FD as the string "NaN", "Infinity" or
//   "-Infinity"; IS or DS text that is not a number is kept as a string), person names as objects with
//   "Alphabetic", "Ideographic" and "Phonetic" (the non-empty component groups), AT as "GGGGEEEE"
//   strings, SQ as an array of objects, one per item;
// - "InlineBinary": the base64 of the value for OB, OD, OF, OL, OV, OW and UN (little endian), and
//   for encapsulated pixel data the base64 of its items as encoded in the file (item tag, length and
//   value for the offset table and each fragment, no sequence delimiter), as pydicom's to_json_dict
//   gives it;
// - neither when the value is empty (PS3.18 F.2.5), a sequence without items included;
// - "Redacted": true instead of the value when the PHI rule hides it (see main.swift); a hidden
//   sequence keeps its items, whose values are all hidden.
// The file meta information (group 0002) is left out, as the model has no place for it. Several files
// give a JSON array of these objects in the order given, null for a file that could not be read.

import DICOMKitCore

struct JSONDumper {
    var out: ByteWriter
    let redaction: Redaction
    private var names = Names()
    private var characterSets = CharacterSets()
    private var reporter = WarningReporter(path: "")

    init(out: ByteWriter, redaction: Redaction) {
        self.out = out
        self.redaction = redaction
    }

    /// Writes one file's data set as a JSON object (no newline).
    mutating func dump(_ file: DICOMFile, path: String) {
        reporter = WarningReporter(path: path)
        reporter.report(file.warnings, after: &out)
        dataSet(file.dataSet, insideRemoved: false)
    }

    private mutating func dataSet(_ dataSet: DataSet, insideRemoved: Bool) {
        let context = characterSets.context(for: dataSet)
        if !context.characterSet.warnings.isEmpty, dataSet.contains(.specificCharacterSet) {
            reporter.report(context.characterSet.warnings, tag: .specificCharacterSet, after: &out)
        }
        out.byte(UInt8(ascii: "{"))
        var first = true
        for element in dataSet.elements {
            if element.tag.group == 0x0002, element.tag.isFileMetaInformation {
                continue
            }
            if !first {
                out.byte(UInt8(ascii: ","))
            }
            first = false
            self.element(element, context: context, insideRemoved: insideRemoved)
            out.flushIfFull()
        }
        out.byte(UInt8(ascii: "}"))
    }

    private mutating func element(_ element: DataElement, context: TextContext, insideRemoved: Bool) {
        let shown = redaction.shows(element, fileMeta: false, insideRemoved: insideRemoved)
        out.byte(0x22)
        out.hex(UInt64(element.tag.rawValue), digits: 8, uppercase: true)
        out.ascii("\":{\"vr\":\"")
        out.ascii(vrCode(element.vr))
        out.byte(0x22)
        if !shown {
            out.ascii(",\"Redacted\":true")
        }
        switch element.value {
        case .sequence(let items):
            if !items.isEmpty {
                out.ascii(",\"Value\":[")
                for (index, item) in items.enumerated() {
                    if index > 0 {
                        out.byte(UInt8(ascii: ","))
                    }
                    dataSet(item, insideRemoved: insideRemoved || !shown)
                }
                out.byte(UInt8(ascii: "]"))
            }
        case .encapsulated(let pixelData):
            if shown {
                out.ascii(",\"InlineBinary\":\"")
                var encoder = Base64Encoder()
                itemBytes(pixelData.basicOffsetTable, encoder: &encoder)
                for fragment in pixelData.fragments {
                    itemBytes(fragment, encoder: &encoder)
                }
                encoder.finish(into: &out)
                out.byte(0x22)
            }
        case .bytes(let bytes):
            if shown, !bytes.isEmpty {
                value(element, bytes: bytes, context: context)
            }
        }
        out.byte(UInt8(ascii: "}"))
    }

    /// Feeds one item of encapsulated pixel data, header included, to the base64 encoder.
    private mutating func itemBytes(_ value: ArraySlice<UInt8>, encoder: inout Base64Encoder) {
        let length = UInt32(truncatingIfNeeded: value.count)
        let header: [UInt8] = [
            0xFE, 0xFF, 0x00, 0xE0, UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8),
            UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 24),
        ]
        encoder.feed(header, into: &out)
        encoder.feed(value, into: &out)
    }

    // MARK: - Values

    private mutating func value(_ element: DataElement, bytes: ArraySlice<UInt8>, context: TextContext) {
        let vr = element.vr
        switch vr {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT:
            if (context.asciiIsItself || !vr.isAffectedByCharacterSet) && isPlainASCII(bytes) {
                var values: [ArraySlice<UInt8>] = []
                forEachASCIIValue(bytes, vr: vr) { values.append($0) }
                textValues(values, vr: vr)
            } else {
                let decoded = element.decodedStrings(characterSet: context.characterSet)
                reporter.report(decoded.warnings, tag: element.tag, after: &out)
                textValues(decoded.values.map { ArraySlice($0.utf8) }, vr: vr)
            }
        case .US, .SS, .UL, .SL, .SV, .UV, .FL, .FD, .AT:
            guard let size = vr.binaryValueSize, bytes.count >= size else {
                inlineBinary(bytes)
                return
            }
            binaryNumbers(bytes, vr: vr, size: size)
        case .OB, .OW, .OL, .OV, .OF, .OD, .UN, .SQ:
            inlineBinary(bytes)
        }
    }

    private mutating func inlineBinary(_ bytes: ArraySlice<UInt8>) {
        out.ascii(",\"InlineBinary\":\"")
        var encoder = Base64Encoder()
        encoder.feed(bytes, into: &out)
        encoder.finish(into: &out)
        out.byte(0x22)
    }

    /// Writes `"Value":[...]` for text values (already split and trimmed), unless there is a single
    /// empty value (an element with only padding has no value).
    private mutating func textValues(_ values: [ArraySlice<UInt8>], vr: VR) {
        if values.count == 1, values[0].isEmpty {
            return
        }
        out.ascii(",\"Value\":[")
        for (index, value) in values.enumerated() {
            if index > 0 {
                out.byte(UInt8(ascii: ","))
            }
            if value.isEmpty {
                out.ascii("null")
                continue
            }
            switch vr {
            case .IS, .DS:
                number(value, integer: vr == .IS)
            case .PN:
                personName(value)
            default:
                out.byte(0x22)
                out.jsonEscaped(value)
                out.byte(0x22)
            }
        }
        out.byte(UInt8(ascii: "]"))
    }

    /// An IS or DS value as a JSON number: as written when it is already a JSON number, else
    /// reformatted; text that is no number stays a string.
    private mutating func number(_ text: ArraySlice<UInt8>, integer: Bool) {
        if isJSONNumber(text) {
            out.raw(text)
            return
        }
        let string = String(decoding: text, as: UTF8.self)
        if integer, let value = Int64(string.hasPrefix("+") ? String(string.dropFirst()) : string) {
            out.decimal(value)
        } else if let value = Double(string), value.isFinite {
            out.float(value)
        } else {
            out.byte(0x22)
            out.jsonEscaped(text)
            out.byte(0x22)
        }
    }

    /// A PN value as `{"Alphabetic":...,"Ideographic":...,"Phonetic":...}` with its non-empty component
    /// groups (the first three), or null when every group is empty.
    private mutating func personName(_ value: ArraySlice<UInt8>) {
        let groups = value.split(separator: UInt8(ascii: "="), maxSplits: 3, omittingEmptySubsequences: false)
        let keys: [StaticString] = ["\"Alphabetic\":\"", "\"Ideographic\":\"", "\"Phonetic\":\""]
        var wrote = false
        for (index, group) in groups.prefix(3).enumerated() where !group.isEmpty {
            out.byte(wrote ? UInt8(ascii: ",") : UInt8(ascii: "{"))
            wrote = true
            out.ascii(keys[index])
            out.jsonEscaped(group)
            out.byte(0x22)
        }
        out.ascii(wrote ? "}" : "null")
    }

    private mutating func binaryNumbers(_ bytes: ArraySlice<UInt8>, vr: VR, size: Int) {
        out.ascii(",\"Value\":[")
        bytes.withUnsafeBytes { raw in
            for index in 0..<(raw.count / size) {
                if index > 0 {
                    out.byte(UInt8(ascii: ","))
                }
                let bits = littleEndian(raw, at: index * size, size: size)
                switch vr {
                case .US, .UL, .UV:
                    out.decimal(bits)
                case .SS:
                    out.decimal(Int64(Int16(truncatingIfNeeded: bits)))
                case .SL:
                    out.decimal(Int64(Int32(truncatingIfNeeded: bits)))
                case .SV:
                    out.decimal(Int64(bitPattern: bits))
                case .FL:
                    jsonFloat(Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))))
                case .FD:
                    jsonFloat(Double(bitPattern: bits))
                default:  // AT
                    out.byte(0x22)
                    out.hex(bits & 0xFFFF, digits: 4, uppercase: true)
                    out.hex(bits >> 16, digits: 4, uppercase: true)
                    out.byte(0x22)
                }
            }
        }
        out.byte(UInt8(ascii: "]"))
    }

    private mutating func jsonFloat(_ value: Double) {
        if value.isFinite {
            out.float(value)
        } else if value.isNaN {
            out.ascii("\"NaN\"")
        } else {
            out.ascii(value < 0 ? "\"-Infinity\"" : "\"Infinity\"")
        }
    }
}

/// Whether `text` follows the JSON number grammar (RFC 8259): `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
func isJSONNumber(_ text: ArraySlice<UInt8>) -> Bool {
    var index = text.startIndex
    let end = text.endIndex
    func digits() -> Int {
        let start = index
        while index < end, text[index] >= 0x30, text[index] <= 0x39 {
            index += 1
        }
        return index - start
    }
    if index < end, text[index] == UInt8(ascii: "-") {
        index += 1
    }
    guard index < end else { return false }
    if text[index] == 0x30 {
        index += 1
    } else if digits() == 0 {
        return false
    }
    if index < end, text[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { return false }
    }
    if index < end, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
        index += 1
        if index < end, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard digits() > 0 else { return false }
    }
    return index == end
}
