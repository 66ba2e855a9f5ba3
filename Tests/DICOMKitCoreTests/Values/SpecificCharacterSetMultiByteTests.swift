import Testing

@testable import DICOMKitCore

@Suite("Specific Character Set: delimiters inside multi-byte characters")
struct SpecificCharacterSetMultiByteTests {
    typealias B = TextBytes

    @Test("A GBK character whose second byte is 0x5C does not split a value")
    func gbkBackslashTrailByte() {
        // 0x81 0x5C is 乗 in GBK; 0x5C alone is the value delimiter.
        let bytes = [0x81, 0x5C] + B.ascii("A\\B")
        let element = DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: bytes)
        #expect(element.strings(characterSet: SpecificCharacterSet(terms: ["GBK"])) == ["乗A", "B"])
        #expect(element.strings(characterSet: SpecificCharacterSet(terms: ["GB18030"])) == ["乗A", "B"])
    }

    @Test("A JIS X 0208 character whose second byte is 0x5C does not split a value")
    func jisBackslashSecondByte() {
        // 0x30 0x5C is 移 in JIS X 0208.
        let bytes = B.toJISX0208 + [0x30, 0x5C] + B.toASCII + B.ascii("\\X")
        let element = DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: bytes)
        #expect(element.strings(characterSet: SpecificCharacterSet(terms: ["", "ISO 2022 IR 87"])) == ["移", "X"])
    }

    @Test("Multi-valued PN: each value decodes from value 1's sets")
    func multiValuedPersonName() {
        let bytes = B.toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + B.toASCII + B.ascii("\\Doe^Jane")
        let names = DataElement(tag: .patientName, vr: .PN, bytes: bytes)
            .personNames(characterSet: SpecificCharacterSet(terms: ["", "ISO 2022 IR 87"]))
        #expect(names.map(\.alphabetic.familyName) == ["山田", "Doe"])
        #expect(names.last?.alphabetic.givenName == "Jane")
    }

    @Test("Shift_JIS bytes under ISO_IR 13 decode as Shift_JIS with a warning")
    func shiftJISUnderIR13() {
        // 表 is 0x95 0x5C in Shift_JIS: the 0x5C must not split the value.
        let bytes: [UInt8] = [0x8E, 0x52, 0x93, 0x63, 0x95, 0x5C, 0x5C, 0xB1]
        let element = DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: bytes)
        let decoded = element.decodedStrings(characterSet: SpecificCharacterSet(terms: ["ISO_IR 13"]))
        #expect(decoded.values == ["山田表", "ｱ"])
        #expect(decoded.warnings.map(\.code) == [.bytesOutsideRepertoire])
    }

    @Test("Romaji 0x5C is a yen sign in single-valued text and a delimiter in multi-valued text")
    func romajiYen() {
        let characterSet = SpecificCharacterSet(terms: ["ISO_IR 13"])
        let bytes = B.ascii("100\\200")
        #expect(
            DataElement(tag: Tag(0x4008, 0x0300), vr: .LT, bytes: bytes).strings(characterSet: characterSet) == [
                "100¥200"
            ])
        #expect(
            DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: bytes).strings(characterSet: characterSet) == [
                "100", "200",
            ])
    }

    @Test("A truncated double-byte character becomes U+FFFD")
    func truncatedDoubleByte() {
        let japanese = B.decode(B.toJISX0208 + [0x3B, 0x33, 0x45], terms: ["", "ISO 2022 IR 87"])
        #expect(japanese.text == "山\u{FFFD}")
        #expect(TextBytes.codes(japanese) == [.invalidBytes])
        let korean = B.decode(B.toKSX1001 + [0xC8, 0xAB, 0xB1], terms: ["", "ISO 2022 IR 149"])
        #expect(korean.text == "홍\u{FFFD}")
        let gbk = B.decode([0xCD, 0xF5, 0xCD], terms: ["GBK"])
        #expect(gbk.text == "王\u{FFFD}")
        #expect(TextBytes.codes(gbk) == [.invalidBytes])
        #expect(gbk.warnings.first?.byteOffset == 2)
    }

    @Test("High bytes with no G1 set after an escape sequence become U+FFFD")
    func highBytesWithoutG1() {
        let decoded = B.decode(B.toJISX0208 + [0x3B, 0x33] + B.toASCII + [0xE9], terms: ["", "ISO 2022 IR 87"])
        #expect(decoded.text == "山\u{FFFD}")
        #expect(TextBytes.codes(decoded) == [.invalidBytes])
    }

    @Test("An undefined double-byte character becomes one U+FFFD and the next character still decodes")
    func undefinedDoubleByteKeepsAlignment() {
        // Row 9 of JIS X 0208 and row 0x2D of KS X 1001 are empty.
        let japanese = B.decode(B.toJISX0208 + [0x29, 0x21, 0x3B, 0x33], terms: ["", "ISO 2022 IR 87"])
        #expect(japanese.text == "\u{FFFD}山")
        #expect(japanese.warnings.first?.byteOffset == 3)
        let korean = B.decode(B.toKSX1001 + [0xAD, 0xA1, 0xC8, 0xAB], terms: ["", "ISO 2022 IR 149"])
        #expect(korean.text == "\u{FFFD}홍")
        #expect(korean.warnings.first?.byteOffset == 4)
    }
}
