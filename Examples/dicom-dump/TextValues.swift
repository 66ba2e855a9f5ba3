// TextValues: how dicom-dump gets at text values. Each data set's Specific Character Set is
// computed once; values of printable ASCII in a character set that maps ASCII to itself are split and
// trimmed as bytes (no String made); every other value is decoded by DICOMKitCore
// (`DataElement.decodedStrings(characterSet:)`), whose warnings are reported.

import DICOMKitCore

/// How the text of one data set decodes.
struct TextContext {
    let characterSet: SpecificCharacterSet
    /// Whether the character set decodes every printable ASCII byte (and TAB, LF, FF, CR) as itself
    /// when no escape sequence occurs, so such values need no decoding.
    let asciiIsItself: Bool

    static let defaultRepertoire = TextContext(characterSet: .defaultRepertoire, asciiIsItself: true)
}

/// Finds the text context of data sets, remembering per set of terms whether ASCII decodes as itself.
struct CharacterSets {
    private var asciiIsItself: [[String]: Bool] = [:]
    /// Bytes 0x20-0x7E and TAB, LF, FF, CR, decoded once per character set to tell whether ASCII is
    /// itself in it (it is not under ISO_IR 13, whose G0 is JIS X 0201 Roman).
    private static let probe: [UInt8] = Array(0x20...0x7E) + [0x09, 0x0A, 0x0C, 0x0D]

    mutating func context(for dataSet: DataSet) -> TextContext {
        if !dataSet.contains(.specificCharacterSet), dataSet.characterSetTerms.isEmpty {
            return .defaultRepertoire
        }
        let characterSet = dataSet.specificCharacterSet
        if characterSet.isDefaultRepertoire && characterSet.warnings.isEmpty {
            return TextContext(characterSet: characterSet, asciiIsItself: true)
        }
        if let known = asciiIsItself[characterSet.terms] {
            return TextContext(characterSet: characterSet, asciiIsItself: known)
        }
        let expected = String(decoding: CharacterSets.probe, as: UTF8.self)
        var same = true
        for vr in [VR.LO, .PN, .LT] {
            let decoded = characterSet.decode(CharacterSets.probe[...], vr: vr)
            same = same && decoded.text == expected
        }
        if asciiIsItself.count < 256 {
            asciiIsItself[characterSet.terms] = same
        }
        return TextContext(characterSet: characterSet, asciiIsItself: same)
    }
}

/// Whether `bytes` hold only 7-bit bytes and no ESC: under a character set where ASCII is itself,
/// they read as they are.
@inline(__always)
func isPlainASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBytes { raw in
        var combined: UInt8 = 0
        var escape = false
        for byte in raw {
            combined |= byte
            escape = escape || byte == 0x1B
        }
        return combined < 0x80 && !escape
    }
}

/// `bytes` without the padding PS3.5 6.2 calls insignificant for `vr`: trailing spaces and NULs,
/// and leading spaces for every text VR but LT, ST and UT.
@inline(__always)
func trimmed(_ bytes: ArraySlice<UInt8>, vr: VR) -> ArraySlice<UInt8> {
    var end = bytes.endIndex
    while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 {
        end -= 1
    }
    var start = bytes.startIndex
    if vr.ignoresLeadingSpaces {
        while start < end, bytes[start] == 0x20 {
            start += 1
        }
    }
    return bytes[start..<end]
}

/// Calls `body` with each value of a plain-ASCII text element, trimmed: split at backslashes when the
/// VR allows several values.
@inline(__always)
func forEachASCIIValue(_ bytes: ArraySlice<UInt8>, vr: VR, _ body: (ArraySlice<UInt8>) -> Void) {
    guard vr.allowsMultipleValues else {
        body(trimmed(bytes, vr: vr))
        return
    }
    var start = bytes.startIndex
    var index = start
    while index < bytes.endIndex {
        if bytes[index] == 0x5C {
            body(trimmed(bytes[start..<index], vr: vr))
            start = index + 1
        }
        index += 1
    }
    body(trimmed(bytes[start..<bytes.endIndex], vr: vr))
}

/// The number of values of a text element, counted at its backslashes (0 when empty).
func textValueCount(_ bytes: ArraySlice<UInt8>, vr: VR) -> Int {
    guard !bytes.isEmpty else { return 0 }
    guard vr.allowsMultipleValues else { return 1 }
    var count = 1
    for byte in bytes where byte == 0x5C {
        count += 1
    }
    return count
}

/// The two-letter code of `vr`.
func vrCode(_ vr: VR) -> StaticString {
    switch vr {
    case .AE: "AE"
    case .AS: "AS"
    case .AT: "AT"
    case .CS: "CS"
    case .DA: "DA"
    case .DS: "DS"
    case .DT: "DT"
    case .FD: "FD"
    case .FL: "FL"
    case .IS: "IS"
    case .LO: "LO"
    case .LT: "LT"
    case .OB: "OB"
    case .OD: "OD"
    case .OF: "OF"
    case .OL: "OL"
    case .OV: "OV"
    case .OW: "OW"
    case .PN: "PN"
    case .SH: "SH"
    case .SL: "SL"
    case .SQ: "SQ"
    case .SS: "SS"
    case .ST: "ST"
    case .SV: "SV"
    case .TM: "TM"
    case .UC: "UC"
    case .UI: "UI"
    case .UL: "UL"
    case .UN: "UN"
    case .UR: "UR"
    case .US: "US"
    case .UT: "UT"
    case .UV: "UV"
    }
}

/// Reads the `size`-byte little-endian unsigned integer at `index` of `raw` (which must hold it).
@inline(__always)
func littleEndian(_ raw: UnsafeRawBufferPointer, at index: Int, size: Int) -> UInt64 {
    switch size {
    case 2: UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)))
    case 4: UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
    default: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }
}
