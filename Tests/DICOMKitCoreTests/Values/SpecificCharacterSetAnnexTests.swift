import Testing

@testable import DICOMKitCore

/// The examples of PS3.5 Annexes H (Japanese), I (Korean), J (Chinese, GB18030 and UTF-8) and K
/// (Chinese, ISO 2022 IR 58), byte for byte.
@Suite("Specific Character Set: PS3.5 Annex H, I, J, K examples")
struct SpecificCharacterSetAnnexTests {
    typealias B = TextBytes

    @Test("H.3.1: ISO 2022 IR 87 after the default repertoire")
    func japaneseKanji() {
        let bytes =
            B.ascii("Yamada^Tarou=") + B.toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + B.toASCII + B.ascii("^")
            + B.toJISX0208 + [0x42, 0x40, 0x4F, 0x3A] + B.toASCII + B.ascii("=") + B.toJISX0208
            + [0x24, 0x64, 0x24, 0x5E, 0x24, 0x40] + B.toASCII + B.ascii("^") + B.toJISX0208
            + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + B.toASCII
        let decoded = B.decode(bytes, terms: ["", "ISO 2022 IR 87"])
        #expect(decoded.text == "Yamada^Tarou=山田^太郎=やまだ^たろう")
        #expect(decoded.warnings.isEmpty)
        // ま is 0x24 0x5E: its second byte is '^' but must not split the phonetic family name.
        let name = DataElement(tag: .patientName, vr: .PN, bytes: bytes)
            .personNames(characterSet: SpecificCharacterSet(terms: ["", "ISO 2022 IR 87"]))
        #expect(name.count == 1)
        #expect(name.first?.phonetic.familyName == "やまだ")
        #expect(name.first?.ideographic.givenName == "太郎")
    }

    @Test("H.3.2: ISO 2022 IR 13 (half-width katakana) with ISO 2022 IR 87")
    func japaneseKatakana() {
        let bytes =
            [0xD4, 0xCF, 0xC0, 0xDE] + B.ascii("^") + [0xC0, 0xDB, 0xB3] + B.ascii("=") + B.toJISX0208
            + [0x3B, 0x33, 0x45, 0x44] + B.toRomaji + B.ascii("^") + B.toJISX0208 + [0x42, 0x40, 0x4F, 0x3A]
            + B.toRomaji + B.ascii("=") + B.toJISX0208 + [0x24, 0x64, 0x24, 0x5E, 0x24, 0x40] + B.toRomaji
            + B.ascii("^") + B.toJISX0208 + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + B.toRomaji
        let decoded = B.decode(bytes, terms: ["ISO 2022 IR 13", "ISO 2022 IR 87"])
        #expect(decoded.text == "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("I.2: ISO 2022 IR 149 (Korean) re-designated after each delimiter")
    func korean() {
        let bytes =
            B.ascii("Hong^Gildong=") + B.toKSX1001 + [0xFB, 0xF3] + B.ascii("^") + B.toKSX1001
            + [0xD1, 0xCE, 0xD4, 0xD7] + B.ascii("=") + B.toKSX1001 + [0xC8, 0xAB] + B.ascii("^") + B.toKSX1001
            + [0xB1, 0xE6, 0xB5, 0xBF]
        let decoded = B.decode(bytes, terms: ["", "ISO 2022 IR 149"])
        #expect(decoded.text == "Hong^Gildong=洪^吉洞=홍^길동")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("I: Korean long text, G1 designated once per line")
    func koreanText() {
        let line = B.toKSX1001 + [0xC8, 0xAB, 0xB1, 0xE6, 0xB5, 0xBF]
        let bytes = line + [0x0D, 0x0A] + line + B.ascii(" 1")
        let decoded = B.decode(bytes, terms: ["", "ISO 2022 IR 149"], vr: .LT)
        #expect(decoded.text == "홍길동\r\n홍길동 1")
    }

    @Test("J.1: GB18030")
    func gb18030() {
        let bytes = B.ascii("Wang^XiaoDong=") + [0xCD, 0xF5] + B.ascii("^") + [0xD0, 0xA1, 0xB6, 0xAB] + B.ascii("=")
        let decoded = B.decode(bytes, terms: ["GB18030"])
        #expect(decoded.text == "Wang^XiaoDong=王^小东=")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("J.2: ISO_IR 192 (UTF-8)")
    func utf8() {
        let bytes = B.ascii("Wang^XiaoDong=") + Array("王^小東=".utf8)
        let decoded = B.decode(bytes, terms: ["ISO_IR 192"])
        #expect(decoded.text == "Wang^XiaoDong=王^小東=")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("K.1: ISO 2022 IR 58 (GB 2312)")
    func gb2312() {
        let bytes =
            B.ascii("Zhang^XiaoDong=") + B.toGB2312 + [0xD5, 0xC5] + B.ascii("^") + B.toGB2312
            + [0xD0, 0xA1, 0xB6, 0xAB] + B.ascii("=")
        let decoded = B.decode(bytes, terms: ["", "ISO 2022 IR 58"])
        #expect(decoded.text == "Zhang^XiaoDong=张^小东=")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("ISO 2022 IR 159: JIS X 0212 in G0")
    func jisX0212() {
        let bytes = B.toJISX0212 + [0x30, 0x21, 0x30, 0x22] + B.toASCII + B.ascii("^A")
        let decoded = B.decode(bytes, terms: ["", "ISO 2022 IR 87", "ISO 2022 IR 159"])
        #expect(decoded.text == "丂丄^A")
        #expect(decoded.warnings.isEmpty)
    }
}
