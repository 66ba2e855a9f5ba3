/// The character sets of a data set's text, from Specific Character Set (0008,0005) (PS3.3
/// C.12.1.1.2, PS3.5 6.1), and the decoder that turns value bytes into text.
///
/// ```swift
/// let characterSet = SpecificCharacterSet(terms: ["", "ISO 2022 IR 87"])
/// let decoded = characterSet.decode(bytes, vr: .PN)
/// decoded.text       // "Yamada^Tarou=山田^太郎=やまだ^たろう"
/// decoded.warnings   // []
/// ```
///
/// Supported terms: the default repertoire (empty or `ISO 2022 IR 6`); ISO_IR 100, 101, 109, 110,
/// 126, 127, 138, 144, 148, 166, 203 and 13, alone or as `ISO 2022 IR n` code extensions; the
/// ISO 2022 double-byte sets IR 87 and IR 159 (Japanese), IR 149 (Korean) and IR 58 (Chinese); and
/// ISO_IR 192 (UTF-8), GB18030 and GBK, which stand alone. Everything but ASCII, ISO 8859-1, UTF-8
/// and JIS X 0201 is converted with the C library's `iconv`.
///
/// Decoding never fails and never traps. What it works around is reported as
/// ``CharacterSetWarning``s in the result:
/// - an unknown term is ignored (value 1 unknown: the default repertoire), a misspelt one is used;
/// - bytes the character set in effect does not define become U+FFFD;
/// - bytes above 0x7F under the default repertoire without escape sequences decode as UTF-8 when
///   they are valid UTF-8, else as ISO 8859-1.
///
/// Escape sequences are read as PS3.5 6.1.2.5 describes, and a delimiter is only a delimiter when it
/// is a one-byte character, so a two-byte Kanji whose second byte is 0x5C or 0x5E is not split. At a
/// value delimiter `\` and, in PN, at the component group delimiter `=`, both G0 and G1 return to
/// those of value 1; at the PN component delimiter `^` and at CR, LF, FF and TAB, G0 does. VRs that
/// character sets do not affect (AE, AS, CS, DA, DS, DT, IS, TM, UI, UR) always decode as the
/// default repertoire.
public struct SpecificCharacterSet: Sendable, Hashable {
    /// The values of Specific Character Set as given (value 1 first; an empty value 1 is the default
    /// repertoire).
    public let terms: [String]
    /// What was wrong with the terms: unknown, misspelt, or a stand-alone term among others; at most
    /// one per ``CharacterSetWarning/Code`` (the first term it concerns). Each decoding result of an
    /// affected VR repeats these.
    public let warnings: [CharacterSetWarning]

    /// How values decode.
    let mode: Mode
    /// The ISO-IR registration numbers of the known terms (and 6, the default), which escape
    /// sequences may designate without a warning.
    let declaredRegistrations: RegistrationSet

    enum Mode: Hashable, Sendable {
        /// ISO 2022: the G0 and G1 sets of value 1 to start with (and to return to at delimiters).
        case iso2022(g0: G0Set, g1: G1Set?)
        case utf8
        case gb18030
        case gbk
    }

    /// The default repertoire (ISO-IR 6): no Specific Character Set.
    public static let defaultRepertoire = SpecificCharacterSet(terms: [])

    /// Reads the values of Specific Character Set (0008,0005), padding included or not.
    public init(terms: [String]) {
        if terms.count <= 1, let preset = Self.presets[terms.first ?? ""] {
            self.init(
                terms: terms, warnings: preset.warnings, mode: preset.mode, declared: preset.declaredRegistrations)
        } else {
            self.init(parsing: terms)
        }
    }

    private init(terms: [String], warnings: [CharacterSetWarning], mode: Mode, declared: RegistrationSet) {
        self.terms = terms
        self.warnings = warnings
        self.mode = mode
        self.declaredRegistrations = declared
    }

    /// The character sets of the single standard terms, parsed once.
    private static let presets: [String: SpecificCharacterSet] = {
        var presets: [String: SpecificCharacterSet] = [:]
        var names = ["", "ISO_IR 6", "ISO 2022 IR 6", "ISO_IR 192", "GB18030", "GBK", "ISO_IR 13", "ISO 2022 IR 13"]
        for number in [100, 101, 109, 110, 126, 127, 138, 144, 148, 166, 203] {
            names += ["ISO_IR \(number)", "ISO 2022 IR \(number)"]
        }
        for name in names {
            presets[name] = SpecificCharacterSet(parsing: [name])
        }
        return presets
    }()

    private init(parsing terms: [String]) {
        var warnings: [CharacterSetWarning] = []
        func warn(_ code: CharacterSetWarning.Code, _ index: Int, _ message: String) {
            if !warnings.contains(where: { $0.code == code }) {
                warnings.append(CharacterSetWarning(code, termIndex: index, message: message))
            }
        }
        var recognised: [CharacterSetTerm?] = []
        for (index, raw) in terms.enumerated() {
            guard let (term, corrected) = CharacterSetTerm.recognise(raw) else {
                warn(.unknownTerm, index, "not a defined term; ignored")
                recognised.append(nil)
                continue
            }
            if corrected {
                warn(.nonstandardTerm, index, "misspelt defined term; read as the term it resembles")
            }
            recognised.append(term)
        }
        var declared = RegistrationSet.defaultOnly
        var mode = Mode.iso2022(g0: .ascii, g1: nil)
        if let first = recognised.first ?? nil, first.isStandAlone {
            mode = Self.standAloneMode(first.kind)
            for index in recognised.indices.dropFirst() where !terms[index].isEmpty {
                warn(.codeExtensionsNotAllowed, index, "value 1 allows no code extensions; term ignored")
            }
        } else {
            if case .iso2022(let g0, let g1) = recognised.first??.kind {
                mode = .iso2022(g0: g0 ?? .ascii, g1: g1)
            }
            for (index, term) in recognised.enumerated() {
                guard let term else { continue }
                if term.isStandAlone {
                    warn(.codeExtensionsNotAllowed, index, "term allows no code extensions and is not value 1; ignored")
                } else {
                    declared.insert(term.registration)
                }
            }
        }
        self.init(terms: terms, warnings: warnings, mode: mode, declared: declared)
    }

    private static func standAloneMode(_ kind: CharacterSetTerm.Kind) -> Mode {
        switch kind {
        case .utf8: .utf8
        case .gb18030: .gb18030
        case .gbk: .gbk
        case .iso2022(let g0, let g1): .iso2022(g0: g0 ?? .ascii, g1: g1)
        }
    }

    /// Whether text decodes as the default repertoire: no terms, or value 1 empty, `ISO 2022 IR 6`
    /// or unknown, and no other known term.
    public var isDefaultRepertoire: Bool {
        mode == .iso2022(g0: .ascii, g1: nil) && declaredRegistrations == .defaultOnly
    }

    /// Decodes the whole value `bytes` of an element of VR `vr`: not split at delimiters and not
    /// trimmed. VRs that character sets do not affect decode as the default repertoire; for them
    /// the term warnings are not repeated.
    public func decode(_ bytes: ArraySlice<UInt8>, vr: VR) -> DecodedText {
        decode(bytes, vr: vr, base: bytes.startIndex)
    }

    /// Decodes `bytes`, part of an element's value that starts at the index `base` (warning offsets
    /// count from there).
    func decode(_ bytes: ArraySlice<UInt8>, vr: VR, base: Int) -> DecodedText {
        guard vr.isAffectedByCharacterSet else {
            return TextDecoder.decodeDefault(bytes, base: base)
        }
        var result: DecodedText
        switch mode {
        case .iso2022(let g0, let g1):
            result = TextDecoder(g0: g0, g1: g1, declared: declaredRegistrations, vr: vr).decode(bytes, base: base)
        case .utf8:
            result = TextDecoder.decodeUTF8(bytes, base: base)
        case .gb18030:
            result = TextDecoder.decodeWhole(bytes, charset: "GB18030", base: base)
        case .gbk:
            result = TextDecoder.decodeWhole(bytes, charset: "GBK", base: base)
        }
        if !warnings.isEmpty {
            result.warnings.insert(contentsOf: warnings, at: 0)
        }
        return result
    }
}

extension SpecificCharacterSet {
    /// Whether every 0x5C byte of `bytes` is a value delimiter and every space or NUL byte a
    /// character of its own, so that values of `vr` can be split and trimmed as bytes before
    /// decoding: always for VRs that character sets do not affect; otherwise when no multi-byte
    /// set can be in effect (UTF-8, or single-byte sets without escape sequences in the value).
    /// Splitting first gives the same text, as the state returns to value 1's sets at each `\`.
    func splitsAsBytes(_ bytes: ArraySlice<UInt8>, vr: VR) -> Bool {
        guard vr.isAffectedByCharacterSet else { return true }
        switch mode {
        case .utf8:
            return true
        case .gb18030, .gbk:
            return false
        case .iso2022(let g0, let g1):
            if g0.isDoubleByte { return false }
            switch g1 {
            case .doubleByte, .jisKatakana: return false
            case .singleByte, nil: return !bytes.contains(0x1B)
            }
        }
    }
}

extension VR {
    /// Whether Specific Character Set applies to the VR's text (PS3.5 6.1.2.3): LO, LT, PN, SH, ST,
    /// UC and UT. Other text VRs hold the default repertoire only.
    public var isAffectedByCharacterSet: Bool {
        switch self {
        case .LO, .LT, .PN, .SH, .ST, .UC, .UT: true
        default: false
        }
    }
}
