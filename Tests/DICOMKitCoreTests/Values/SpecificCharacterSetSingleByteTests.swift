import Testing

@testable import DICOMKitCore

@Suite("Specific Character Set: single-byte sets and UTF-8")
struct SpecificCharacterSetSingleByteTests {
    typealias B = TextBytes

    @Test(
        "Each ISO_IR single-byte term decodes its upper half",
        arguments: [
            ("ISO_IR 100", [0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], "Buc^Jérôme"),
            ("ISO_IR 101", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
            ("ISO_IR 109", [0xA1, 0x61, 0x6C, 0x20, 0x47, 0xB1, 0x61, 0x72], "Ħal Għar"),
            ("ISO_IR 110", [0x4A, 0xE0, 0x6E, 0x69, 0x73], "Jānis"),
            ("ISO_IR 144", [0xB8, 0xD2, 0xD0, 0xDD, 0xDE, 0xD2], "Иванов"),
            ("ISO_IR 127", [0xE2, 0xC8, 0xC7, 0xE6, 0xEA], "قباني"),
            ("ISO_IR 126", [0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2], "Διονυσιος"),
            ("ISO_IR 138", [0xF9, 0xF8, 0xE5, 0xEF], "שרון"),
            ("ISO_IR 148", [0xC7, 0x61, 0xF0, 0x72, 0xFD, 0x20, 0xDE, 0xFD, 0x6B], "Çağrı Şık"),
            ("ISO_IR 166", [0xE4, 0xB7, 0xC2], "ไทย"),
            ("ISO_IR 203", [0xA4, 0x75, 0x72, 0x6F], "€uro"),
            ("ISO_IR 13", [0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0x7E], "ﾔﾏﾀﾞ^\u{203E}"),
        ] as [(String, [UInt8], String)])
    func singleByte(term: String, bytes: [UInt8], expected: String) {
        let decoded = B.decode(bytes, terms: [term])
        #expect(decoded.text == expected)
        #expect(decoded.warnings.isEmpty)
    }

    @Test("ISO 2022 single-byte code extensions switch G1 with ESC - F")
    func singleByteExtensions() {
        let bytes = [0xE9] + B.toCyrillic + [0xB8] + [0x1B, 0x2D, 0x41] + [0xE9]
        let decoded = B.decode(bytes, terms: ["ISO 2022 IR 100", "ISO 2022 IR 144"], vr: .LO)
        #expect(decoded.text == "éИé")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("A value delimiter returns G1 to value 1's set")
    func resetAtBackslash() {
        let bytes = B.toCyrillic + [0xB8] + B.ascii("\\") + [0xE9]
        let element = DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: bytes)
        let characterSet = SpecificCharacterSet(terms: ["ISO 2022 IR 100", "ISO 2022 IR 144"])
        #expect(element.strings(characterSet: characterSet) == ["И", "é"])
    }

    @Test("ISO_IR 192 keeps a backslash inside a value of LT and splits LO")
    func utf8Delimiters() {
        let text = Array("Ünïcødé\\ok".utf8)
        let utf8 = SpecificCharacterSet(terms: ["ISO_IR 192"])
        #expect(
            DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: text).strings(characterSet: utf8) == [
                "Ünïcødé", "ok",
            ])
        #expect(
            DataElement(tag: Tag(0x4008, 0x0300), vr: .LT, bytes: text).strings(characterSet: utf8) == ["Ünïcødé\\ok"])
    }

    @Test("Ill-formed UTF-8 becomes U+FFFD with a warning at its offset")
    func invalidUTF8() {
        let decoded = B.decode(B.ascii("ab") + [0xC3] + B.ascii("c") + [0xFF], terms: ["ISO_IR 192"])
        #expect(decoded.text == "ab\u{FFFD}c\u{FFFD}")
        #expect(B.codes(decoded) == [.invalidBytes])
        #expect(decoded.warnings.first?.byteOffset == 2)
    }

    @Test("Bytes undefined in ISO 8859-8 become U+FFFD")
    func undefinedSingleByte() {
        let decoded = B.decode([0x41, 0xA1, 0xF9], terms: ["ISO_IR 138"])
        #expect(decoded.text == "A\u{FFFD}ש")
        #expect(B.codes(decoded) == [.invalidBytes])
        #expect(decoded.warnings.first?.byteOffset == 1)
    }

    @Test("The default repertoire reads UTF-8 or ISO 8859-1 bytes with a warning")
    func defaultRepertoireFallback() {
        let latin = B.decode([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], terms: [])
        #expect(latin.text == "Müller")
        #expect(B.codes(latin) == [.bytesOutsideRepertoire])
        #expect(latin.warnings.first?.byteOffset == 1)
        let utf8 = B.decode(Array("Müller".utf8), terms: [""])
        #expect(utf8.text == "Müller")
        #expect(B.decode(B.ascii("Doe^John"), terms: []).warnings.isEmpty)
    }

    @Test("VRs that character sets do not affect decode as the default repertoire")
    func unaffectedVRs() {
        let gb18030 = SpecificCharacterSet(terms: ["GB18030"])
        let decoded = gb18030.decode([0x43, 0x54, 0xCD, 0xF5], vr: .CS)
        #expect(decoded.text == "CTÍõ")
        #expect(B.codes(decoded) == [.bytesOutsideRepertoire])
        for vr in [VR.AE, .AS, .CS, .DA, .DS, .DT, .IS, .TM, .UI, .UR] {
            #expect(!vr.isAffectedByCharacterSet)
        }
        for vr in [VR.LO, .LT, .PN, .SH, .ST, .UC, .UT] {
            #expect(vr.isAffectedByCharacterSet)
        }
    }
}
