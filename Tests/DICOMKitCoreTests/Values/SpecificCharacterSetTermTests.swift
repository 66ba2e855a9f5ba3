import Testing

@testable import DICOMKitCore

@Suite("Specific Character Set: terms and warnings")
struct SpecificCharacterSetTermTests {
    typealias B = TextBytes

    @Test("An unknown term decodes as the default repertoire with a warning naming its position")
    func unknownTerm() {
        let characterSet = SpecificCharacterSet(terms: ["ISO_IR 999"])
        #expect(characterSet.isDefaultRepertoire)
        #expect(characterSet.warnings.map(\.code) == [.unknownTerm])
        #expect(characterSet.warnings.first?.termIndex == 0)
        let decoded = characterSet.decode(B.ascii("Doe^John")[...], vr: .PN)
        #expect(decoded.text == "Doe^John")
        #expect(TextBytes.codes(decoded) == [.unknownTerm])
        let latin = characterSet.decode([0x4D, 0xFC][...], vr: .LO)
        #expect(latin.text == "Mü")
        #expect(TextBytes.codes(latin) == [.unknownTerm, .bytesOutsideRepertoire])
        // Warnings name positions, not values.
        #expect(!characterSet.warnings[0].description.contains("999"))
    }

    @Test(
        "Misspelt terms are read as the term they resemble, with a warning",
        arguments: [
            ("ISO IR 100", "Jérôme"), ("ISO-IR 100", "Jérôme"), ("ISO_IR100", "Jérôme"), ("iso_ir 100", "Jérôme"),
            ("ISO 2022 IR 100", "Jérôme"),
        ])
    func misspelt(term: String, expected: String) {
        let characterSet = SpecificCharacterSet(terms: [term])
        #expect(characterSet.decode([0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], vr: .PN).text == expected)
        let standard = term == "ISO 2022 IR 100"
        #expect(characterSet.warnings.map(\.code) == (standard ? [] : [.nonstandardTerm]))
    }

    @Test("UTF-8 spelt as an encoding name, and numbers in the wrong family")
    func aliases() {
        #expect(SpecificCharacterSet(terms: ["utf-8"]).decode(Array("é".utf8)[...], vr: .LO).text == "é")
        #expect(SpecificCharacterSet(terms: ["utf-8"]).warnings.map(\.code) == [.nonstandardTerm])
        let japanese = SpecificCharacterSet(terms: ["", "ISO_IR 87"])
        #expect(japanese.warnings.map(\.code) == [.nonstandardTerm])
        #expect(japanese.decode((B.toJISX0208 + [0x3B, 0x33])[...], vr: .PN).text == "山")
    }

    @Test("Padding around terms is not a misspelling")
    func padding() {
        let characterSet = SpecificCharacterSet(terms: ["ISO_IR 100 ", " ISO 2022 IR 87\0"])
        #expect(characterSet.warnings.isEmpty)
    }

    @Test("Stand-alone character sets take no code extensions")
    func standAlone() {
        let first = SpecificCharacterSet(terms: ["ISO_IR 192", "ISO 2022 IR 87"])
        #expect(first.warnings.map(\.code) == [.codeExtensionsNotAllowed])
        #expect(first.warnings.first?.termIndex == 1)
        #expect(first.decode(Array("王".utf8)[...], vr: .PN).text == "王")
        let later = SpecificCharacterSet(terms: ["ISO 2022 IR 100", "GB18030"])
        #expect(later.warnings.map(\.code) == [.codeExtensionsNotAllowed])
        #expect(later.decode([0xE9], vr: .PN).text == "é")
    }

    @Test("Escape sequences for undeclared sets are honoured with a warning")
    func undeclaredEscape() {
        let decoded = B.decode(B.toKSX1001 + [0xC8, 0xAB], terms: ["", "ISO 2022 IR 87"])
        #expect(decoded.text == "홍")
        #expect(TextBytes.codes(decoded) == [.undeclaredEscapeSequence])
        #expect(decoded.warnings.first?.byteOffset == 0)
    }

    @Test("Unknown escape sequences and a lone ESC become U+FFFD")
    func unknownEscape() {
        // ESC $ ) Z is well formed but unknown; the ESC at the end has no sequence.
        let decoded = B.decode(
            B.ascii("A") + [0x1B, 0x24, 0x29, 0x5A] + B.ascii("B") + [0x1B], terms: ["", "ISO 2022 IR 87"])
        #expect(decoded.text == "A\u{FFFD}B\u{FFFD}")
        #expect(TextBytes.codes(decoded) == [.unknownEscapeSequence])
        #expect(decoded.warnings.first?.byteOffset == 1)
    }

    @Test("At most one warning of each code per value")
    func warningsDeduplicated() {
        let decoded = B.decode([0xA1, 0x41, 0xA1, 0xA1], terms: ["ISO_IR 138"])
        #expect(TextBytes.codes(decoded) == [.invalidBytes])
    }

    @Test("Warnings compare by code and describe positions only")
    func warningDescription() {
        let warning = CharacterSetWarning(.invalidBytes, byteOffset: 7, message: "bad bytes")
        #expect(warning.description == "CharacterSetWarning.invalidBytes at value byte 7: bad bytes")
        #expect(warning == CharacterSetWarning(.invalidBytes, message: "other"))
        let term = CharacterSetWarning(.unknownTerm, termIndex: 1, message: "unknown")
        #expect(term.description == "CharacterSetWarning.unknownTerm for (0008,0005) value 2: unknown")
    }
}
