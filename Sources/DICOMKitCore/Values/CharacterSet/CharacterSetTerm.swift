/// A graphic character set designated to G0 (bytes 0x21 to 0x7E, PS3.5 6.1.2.5).
enum G0Set: Hashable, Sendable {
    /// ISO-IR 6, ASCII.
    case ascii
    /// ISO-IR 14, JIS X 0201 Romaji: ASCII with a yen sign at 0x5C and an overline at 0x7E.
    case jisRoman
    /// ISO-IR 87, JIS X 0208 Kanji: two bytes per character.
    case jisX0208
    /// ISO-IR 159, JIS X 0212 supplementary Kanji: two bytes per character.
    case jisX0212

    /// Whether characters take two bytes.
    var isDoubleByte: Bool {
        self == .jisX0208 || self == .jisX0212
    }
}

/// A graphic character set designated to G1 (bytes 0xA0 to 0xFF, PS3.5 6.1.2.5).
enum G1Set: Hashable, Sendable {
    /// The upper half of a single-byte character set, named as iconv names it (`ISO-8859-5`).
    case singleByte(String)
    /// ISO-IR 13, JIS X 0201 Katakana (half-width katakana at 0xA1 to 0xDF).
    case jisKatakana
    /// A double-byte set whose bytes all have the high bit set, named as iconv names its EUC form
    /// (`EUC-KR` for ISO-IR 149, `EUC-CN` for ISO-IR 58).
    case doubleByte(String)
}

/// A Specific Character Set defined term (PS3.3 C.12.1.1.2), once recognised.
struct CharacterSetTerm: Hashable, Sendable {
    /// How a term's character set is used.
    enum Kind: Hashable, Sendable {
        /// An ISO 2022 code element: the G0 and G1 sets it designates (`nil`: none).
        case iso2022(g0: G0Set?, g1: G1Set?)
        /// ISO_IR 192, UTF-8, used alone.
        case utf8
        /// GB18030, used alone.
        case gb18030
        /// GBK, used alone.
        case gbk
    }

    /// The defined term as the standard spells it, e.g. `ISO 2022 IR 87`.
    let name: String
    /// The ISO-IR registration number of the term's character set (192 for UTF-8, 0 for GB18030 and
    /// GBK, which have none); the key that ties an escape sequence to a declared term.
    let registration: Int
    let kind: Kind

    /// Whether the term stands alone: ISO_IR 192, GB18030 and GBK allow no code extensions.
    var isStandAlone: Bool {
        if case .iso2022 = kind { return false }
        return true
    }

    /// The term for a defined term spelled exactly as the standard spells it, or `nil`.
    static func standard(_ term: String) -> CharacterSetTerm? {
        switch term {
        case "", "ISO_IR 6", "ISO 2022 IR 6":
            CharacterSetTerm(name: term, registration: 6, kind: .iso2022(g0: .ascii, g1: nil))
        case "GB18030": CharacterSetTerm(name: term, registration: 0, kind: .gb18030)
        case "GBK": CharacterSetTerm(name: term, registration: 0, kind: .gbk)
        case "ISO_IR 192": CharacterSetTerm(name: term, registration: 192, kind: .utf8)
        default: numbered(term)
        }
    }

    private static func numbered(_ term: String) -> CharacterSetTerm? {
        let withExtensions = "ISO 2022 IR "
        let withoutExtensions = "ISO_IR "
        let number: Int?
        let extensions: Bool
        if term.hasPrefix(withExtensions) {
            number = Int(term.dropFirst(withExtensions.count))
            extensions = true
        } else if term.hasPrefix(withoutExtensions) {
            number = Int(term.dropFirst(withoutExtensions.count))
            extensions = false
        } else {
            return nil
        }
        guard let number, let kind = designations(registration: number) else { return nil }
        // The double-byte sets exist only as code extensions (PS3.3 Table C.12-4).
        if !extensions, [58, 87, 149, 159].contains(number) { return nil }
        return CharacterSetTerm(name: term, registration: number, kind: kind)
    }

    /// The G0 and G1 sets of the ISO-IR registration `number` as PS3.3 Tables C.12-2 to C.12-4 list
    /// them, or `nil` for a number DICOM does not use.
    static func designations(registration number: Int) -> Kind? {
        switch number {
        case 6: .iso2022(g0: .ascii, g1: nil)
        case 13: .iso2022(g0: .jisRoman, g1: .jisKatakana)
        case 58: .iso2022(g0: nil, g1: .doubleByte("EUC-CN"))
        case 87: .iso2022(g0: .jisX0208, g1: nil)
        case 149: .iso2022(g0: nil, g1: .doubleByte("EUC-KR"))
        case 159: .iso2022(g0: .jisX0212, g1: nil)
        default: singleByteCharset(registration: number).map { .iso2022(g0: .ascii, g1: .singleByte($0)) }
        }
    }

    private static func singleByteCharset(registration number: Int) -> String? {
        switch number {
        case 100: "ISO-8859-1"
        case 101: "ISO-8859-2"
        case 109: "ISO-8859-3"
        case 110: "ISO-8859-4"
        case 144: "ISO-8859-5"
        case 127: "ISO-8859-6"
        case 126: "ISO-8859-7"
        case 138: "ISO-8859-8"
        case 148: "ISO-8859-9"
        case 203: "ISO-8859-15"
        case 166: "TIS-620"
        default: nil
        }
    }

    /// Recognises `raw` (one value of (0008,0005), padding included) leniently: case, spaces,
    /// hyphens and underscores in the `ISO_IR n` and `ISO 2022 IR n` patterns are forgiven, `UTF-8`
    /// stands for ISO_IR 192, and a number in the wrong family (`ISO_IR 87`, `ISO 2022 IR 192`) is
    /// taken in the right one.
    ///
    /// - Returns: the term and whether the spelling had to be corrected, or `nil` when unknown.
    static func recognise(_ raw: String) -> (term: CharacterSetTerm, corrected: Bool)? {
        var scalars = Substring(raw).unicodeScalars
        while let last = scalars.last, last == " " || last == "\0" {
            scalars.removeLast()
        }
        while let first = scalars.first, first == " " {
            scalars.removeFirst()
        }
        let trimmed = String(scalars)
        if let term = standard(trimmed) {
            return (term, false)
        }
        let upper = trimmed.uppercased()
        if upper == "UTF-8" || upper == "UTF8", let term = standard("ISO_IR 192") {
            return (term, true)
        }
        guard let (number, extensions) = parseISOPattern(upper) else { return nil }
        let preferred = extensions ? "ISO 2022 IR \(number)" : "ISO_IR \(number)"
        let other = extensions ? "ISO_IR \(number)" : "ISO 2022 IR \(number)"
        guard let term = standard(preferred) ?? standard(other) else { return nil }
        return (term, true)
    }

    /// Parses `ISO[sep]IR[sep]n` or `ISO[sep]2022[sep]IR[sep]n`, where a separator is any run of
    /// spaces, hyphens and underscores, possibly empty.
    private static func parseISOPattern(_ text: String) -> (number: Int, extensions: Bool)? {
        var rest = Substring(text)
        func dropSeparators() {
            rest = rest.drop { $0 == " " || $0 == "_" || $0 == "-" }
        }
        guard rest.hasPrefix("ISO") else { return nil }
        rest = rest.dropFirst(3)
        dropSeparators()
        var extensions = false
        if rest.hasPrefix("2022") {
            extensions = true
            rest = rest.dropFirst(4)
            dropSeparators()
        }
        guard rest.hasPrefix("IR") else { return nil }
        rest = rest.dropFirst(2)
        dropSeparators()
        guard !rest.isEmpty, rest.count <= 4, rest.allSatisfy({ $0 >= "0" && $0 <= "9" }), let number = Int(rest) else {
            return nil
        }
        return (number, extensions)
    }
}

/// A set of ISO-IR registration numbers of DICOM's ISO 2022 terms, as bits (no allocation).
struct RegistrationSet: Hashable, Sendable {
    private static let numbers = [6, 13, 58, 87, 100, 101, 109, 110, 126, 127, 138, 144, 148, 149, 159, 166, 203]
    private var bits: UInt64 = 0

    /// The set of the default repertoire alone (ISO-IR 6).
    static let defaultOnly = RegistrationSet(6)

    init(_ numbers: Int...) {
        for number in numbers {
            insert(number)
        }
    }

    private static func bit(_ number: Int) -> UInt64 {
        UInt64(1) << UInt64(numbers.firstIndex(of: number) ?? 63)
    }

    mutating func insert(_ number: Int) {
        bits |= Self.bit(number)
    }

    func contains(_ number: Int) -> Bool {
        bits & Self.bit(number) != 0
    }
}
