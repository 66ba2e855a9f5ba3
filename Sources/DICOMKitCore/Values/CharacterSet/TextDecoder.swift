/// The decoder behind ``SpecificCharacterSet/decode(_:vr:)``: an ISO 2022 state machine over G0 and
/// G1 (PS3.5 6.1.2.5), and whole-value decoding for UTF-8, GB18030, GBK and the default repertoire.
struct TextDecoder {
    let initialG0: G0Set
    let initialG1: G1Set?
    let declared: RegistrationSet
    let vr: VR

    init(g0: G0Set, g1: G1Set?, declared: RegistrationSet, vr: VR) {
        self.initialG0 = g0
        self.initialG1 = g1
        self.declared = declared
        self.vr = vr
    }

    /// Decodes `bytes` with ISO 2022 code extensions; warning offsets count from the index `base`.
    func decode(_ bytes: ArraySlice<UInt8>, base: Int) -> DecodedText {
        var hasEscape = false
        var hasHighBytes = false
        for byte in bytes {
            if byte == escape {
                hasEscape = true
            } else if byte >= 0x80 {
                hasHighBytes = true
            }
        }
        if !hasEscape && initialG1 == nil && initialG0 == .ascii {
            return Self.decodeDefault(bytes, base: base)
        }
        if !hasEscape && !hasHighBytes && initialG0 == .ascii {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self))
        }
        var state = State(decoder: self, bytes: bytes, base: base)
        state.run()
        for converter in state.converters.values {
            IconvConverter.release(converter)
        }
        return DecodedText(text: String(state.scalars), warnings: state.warnings)
    }

    /// Decodes `bytes` as the default repertoire, leniently: ASCII as is; a value with bytes above
    /// 0x7F as UTF-8 when valid, else as ISO 8859-1, with a warning.
    /// Warning offsets count from the index `base`, the start of the element's value.
    static func decodeDefault(_ bytes: ArraySlice<UInt8>, base: Int) -> DecodedText {
        guard let firstHigh = bytes.firstIndex(where: { $0 >= 0x80 }) else {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self))
        }
        let warning = CharacterSetWarning(
            .bytesOutsideRepertoire, byteOffset: firstHigh - base,
            message: "bytes above 0x7F in the default repertoire; decoded as UTF-8 or ISO 8859-1")
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, warnings: [warning])
        }
        return DecodedText(text: latin1(bytes), warnings: [warning])
    }

    /// Decodes `bytes` as UTF-8; each ill-formed sequence becomes U+FFFD, with a warning.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>, base: Int) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text)
        }
        var iterator = CountingIterator(base: bytes.makeIterator())
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var firstInvalid: Int?
        loop: while true {
            let start = iterator.count
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                firstInvalid = firstInvalid ?? start
                scalars.append(replacementCharacter)
            }
        }
        let warning = CharacterSetWarning(
            .invalidBytes, byteOffset: firstInvalid.map { $0 + bytes.startIndex - base },
            message: "ill-formed UTF-8 replaced with U+FFFD")
        return DecodedText(text: String(scalars), warnings: [warning])
    }

    /// Decodes all of `bytes` with the iconv converter `charset` (GB18030, GBK).
    static func decodeWhole(_ bytes: ArraySlice<UInt8>, charset: String, base: Int) -> DecodedText {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self))
        }
        var scalars = String.UnicodeScalarView()
        guard let converter = IconvConverter.acquire(charset) else {
            return DecodedText(
                text: String(repeating: "\u{FFFD}", count: bytes.count),
                warnings: [unavailable(at: bytes.startIndex - base)])
        }
        let invalid = converter.convert(bytes, into: &scalars)
        IconvConverter.release(converter)
        guard let invalid else {
            return DecodedText(text: String(scalars))
        }
        return DecodedText(text: String(scalars), warnings: [invalidBytes(at: invalid - base)])
    }

    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(Unicode.Scalar(byte))
        }
        return String(scalars)
    }

    static func invalidBytes(at offset: Int) -> CharacterSetWarning {
        CharacterSetWarning(
            .invalidBytes, byteOffset: offset, message: "bytes the character set does not define replaced with U+FFFD")
    }

    static func unavailable(at offset: Int) -> CharacterSetWarning {
        CharacterSetWarning(
            .converterUnavailable, byteOffset: offset,
            message: "the C library has no converter for the character set; bytes replaced with U+FFFD")
    }
}

/// The ESC byte that starts an escape sequence.
private let escape: UInt8 = 0x1B

/// Counts the bytes a UTF-8 decoder has taken.
private struct CountingIterator: IteratorProtocol {
    var base: ArraySlice<UInt8>.Iterator
    var count = 0

    mutating func next() -> UInt8? {
        guard let byte = base.next() else { return nil }
        count += 1
        return byte
    }
}

extension TextDecoder {
    /// The state of one decoding: the designated sets, the output and the warnings.
    private struct State {
        let decoder: TextDecoder
        let bytes: ArraySlice<UInt8>
        let base: Int
        var g0: G0Set
        var g1: G1Set?
        var scalars = String.UnicodeScalarView()
        var warnings: [CharacterSetWarning] = []
        var converters: [String: IconvConverter] = [:]
        var unavailableConverters: Set<String> = []

        init(decoder: TextDecoder, bytes: ArraySlice<UInt8>, base: Int) {
            self.decoder = decoder
            self.bytes = bytes
            self.base = base
            self.g0 = decoder.initialG0
            self.g1 = decoder.initialG1
        }

        mutating func run() {
            let multiValued = decoder.vr.allowsMultipleValues
            let personName = decoder.vr == .PN
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == escape {
                    index = designate(at: index)
                } else if byte >= 0x80 {
                    index = upperHalf(from: index)
                } else if g0.isDoubleByte, (0x21...0x7E).contains(byte) {
                    index = doubleByteG0(from: index)
                } else {
                    index += 1
                    switch byte {
                    case 0x5C where multiValued, 0x3D where personName:
                        scalars.append(Unicode.Scalar(byte))
                        g0 = decoder.initialG0
                        g1 = decoder.initialG1
                    case 0x5E where personName, 0x0D, 0x0A, 0x0C, 0x09:
                        scalars.append(Unicode.Scalar(byte))
                        g0 = decoder.initialG0
                    case 0x5C where g0 == .jisRoman:
                        scalars.append("\u{A5}")
                    case 0x7E where g0 == .jisRoman:
                        scalars.append("\u{203E}")
                    default:
                        scalars.append(Unicode.Scalar(byte))
                    }
                }
            }
        }

        mutating func warn(_ warning: CharacterSetWarning) {
            if !warnings.contains(warning) {
                warnings.append(warning)
            }
        }

        func offset(_ index: Int) -> Int {
            index - base
        }

        /// Reads the escape sequence at `index` (ESC, intermediate bytes 0x20 to 0x2F, a final byte
        /// 0x30 to 0x7E) and designates its set. Returns the index after the sequence, or after the
        /// ESC alone when no sequence follows.
        mutating func designate(at index: Int) -> Int {
            var cursor = index + 1
            while cursor < bytes.endIndex, cursor - index <= 3, (0x20...0x2F).contains(bytes[cursor]) {
                cursor += 1
            }
            guard cursor > index + 1, cursor < bytes.endIndex, (0x30...0x7E).contains(bytes[cursor]) else {
                warn(
                    CharacterSetWarning(
                        .unknownEscapeSequence, byteOffset: offset(index),
                        message: "escape character without an escape sequence replaced with U+FFFD"))
                scalars.append(replacementCharacter)
                return index + 1
            }
            let end = cursor + 1
            guard let (registration, designation) = escapeSequence(bytes[(index + 1)..<end]) else {
                warn(
                    CharacterSetWarning(
                        .unknownEscapeSequence, byteOffset: offset(index),
                        message: "unknown escape sequence replaced with U+FFFD"))
                scalars.append(replacementCharacter)
                return end
            }
            if !decoder.declared.contains(registration) {
                warn(
                    CharacterSetWarning(
                        .undeclaredEscapeSequence, byteOffset: offset(index),
                        message: "escape sequence for a character set Specific Character Set does not list"))
            }
            switch designation {
            case .g0(let set): g0 = set
            case .g1(let set): g1 = set
            }
            return end
        }

        /// Decodes the run of bytes above 0x7F starting at `index` with G1.
        mutating func upperHalf(from index: Int) -> Int {
            if g1 == .jisKatakana {
                return katakana(at: index)
            }
            let end = bytes[index...].firstIndex { $0 < 0x80 } ?? bytes.endIndex
            let run = bytes[index..<end]
            switch g1 {
            case .singleByte("ISO-8859-1"):
                for byte in run {
                    scalars.append(Unicode.Scalar(byte))
                }
            case .singleByte(let charset):
                convert(run, charset: charset) { $0 }
            case .doubleByte(let charset):
                convert(run, charset: charset, skip: .eucPair) { $0 }
            case .jisKatakana, nil:
                warn(TextDecoder.invalidBytes(at: offset(index)))
                for _ in run {
                    scalars.append(replacementCharacter)
                }
            }
            return end
        }

        /// Decodes one byte of JIS X 0201 Katakana at `index`. A Shift_JIS double-byte character,
        /// which some writers put under ISO_IR 13, decodes as Shift_JIS with a warning.
        mutating func katakana(at index: Int) -> Int {
            let byte = bytes[index]
            if (0xA1...0xDF).contains(byte) {
                scalars.append(Unicode.Scalar(0xFF61 + UInt32(byte - 0xA1)) ?? replacementCharacter)
                return index + 1
            }
            let next = index + 1
            let isLead = (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
            if isLead, next < bytes.endIndex, (0x40...0x7E).contains(bytes[next]) || (0x80...0xFC).contains(bytes[next])
            {
                warn(
                    CharacterSetWarning(
                        .bytesOutsideRepertoire, byteOffset: offset(index),
                        message: "Shift_JIS double-byte character under JIS X 0201; decoded as Shift_JIS"))
                convert(bytes[index...next], charset: "SHIFT_JIS") { $0 }
                return next + 1
            }
            warn(TextDecoder.invalidBytes(at: offset(index)))
            scalars.append(replacementCharacter)
            return index + 1
        }

        /// Decodes the run of two-byte JIS X 0208 or JIS X 0212 characters starting at `index` in G0,
        /// as EUC-JP.
        mutating func doubleByteG0(from index: Int) -> Int {
            var cursor = index
            var euc: [UInt8] = []
            let isX0212 = g0 == .jisX0212
            while cursor + 1 < bytes.endIndex, (0x21...0x7E).contains(bytes[cursor]),
                (0x21...0x7E).contains(bytes[cursor + 1])
            {
                if isX0212 {
                    euc.append(0x8F)
                }
                euc.append(bytes[cursor] | 0x80)
                euc.append(bytes[cursor + 1] | 0x80)
                cursor += 2
            }
            if euc.isEmpty {
                // A lone byte where a two-byte character should be.
                warn(TextDecoder.invalidBytes(at: offset(index)))
                scalars.append(replacementCharacter)
                return index + 1
            }
            let width = isX0212 ? 3 : 2
            convert(euc[...], charset: "EUC-JP", skip: .character(width)) { index + $0 / width * 2 }
            return cursor
        }

        /// Converts `run` with the iconv converter `charset`; `position` maps an index in `run` to an
        /// index in `bytes` for warnings.
        mutating func convert(
            _ run: ArraySlice<UInt8>, charset: String, skip: IconvConverter.InvalidSkip = .oneByte,
            position: (Int) -> Int
        ) {
            guard let converter = converter(charset) else {
                warn(TextDecoder.unavailable(at: offset(position(run.startIndex))))
                for _ in run {
                    scalars.append(replacementCharacter)
                }
                return
            }
            if let invalid = converter.convert(run, into: &scalars, skip: skip) {
                warn(TextDecoder.invalidBytes(at: offset(position(invalid))))
            }
        }

        mutating func converter(_ charset: String) -> IconvConverter? {
            if let converter = converters[charset] {
                return converter
            }
            guard !unavailableConverters.contains(charset), let converter = IconvConverter.acquire(charset) else {
                unavailableConverters.insert(charset)
                return nil
            }
            converters[charset] = converter
            return converter
        }
    }
}

/// Where an escape sequence puts its set.
enum Designation: Hashable, Sendable {
    case g0(G0Set)
    case g1(G1Set)
}

/// The set designated by the escape sequence whose bytes after ESC are `sequence` (PS3.3 Tables
/// C.12-3 and C.12-4), with the ISO-IR registration of its defined term, or `nil` when unknown.
func escapeSequence(_ sequence: ArraySlice<UInt8>) -> (registration: Int, designation: Designation)? {
    let bytes = Array(sequence)
    if bytes.count == 2, bytes[0] == 0x2D {
        // ESC - F: a 96-character set in G1.
        guard let registration = ninetySixCharacterSet(final: bytes[1]),
            case .iso2022(_, let g1?) = CharacterSetTerm.designations(registration: registration)
        else { return nil }
        return (registration, .g1(g1))
    }
    switch bytes {
    case [0x28, 0x42]: return (6, .g0(.ascii))  // ESC ( B
    case [0x28, 0x4A]: return (13, .g0(.jisRoman))  // ESC ( J
    case [0x29, 0x49]: return (13, .g1(.jisKatakana))  // ESC ) I
    case [0x24, 0x42]: return (87, .g0(.jisX0208))  // ESC $ B
    case [0x24, 0x28, 0x44]: return (159, .g0(.jisX0212))  // ESC $ ( D
    case [0x24, 0x29, 0x43]: return (149, .g1(.doubleByte("EUC-KR")))  // ESC $ ) C
    case [0x24, 0x29, 0x41]: return (58, .g1(.doubleByte("EUC-CN")))  // ESC $ ) A
    default:
        return nil
    }
}

/// The ISO-IR registration of the 96-character set whose escape sequence ends in `final`.
private func ninetySixCharacterSet(final: UInt8) -> Int? {
    switch final {
    case 0x41: 100
    case 0x42: 101
    case 0x43: 109
    case 0x44: 110
    case 0x46: 126
    case 0x47: 127
    case 0x48: 138
    case 0x4C: 144
    case 0x4D: 148
    case 0x54: 166
    case 0x62: 203
    default: nil
    }
}
