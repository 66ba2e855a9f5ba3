import Testing

@testable import DICOMKitCore

@Suite("DecimalString and integer strings")
struct DecimalStringTests {
    @Test(
        "Valid DS values keep their text",
        arguments: [
            ("12", 12.0), ("-1.5", -1.5), ("+.5", 0.5), ("2.", 2.0), ("1e-3", 0.001), ("2.5E+02", 250.0),
            (" 0.488281 ", 0.488281), ("-0", 0.0),
        ])
    func valid(text: String, value: Double) throws {
        let decimal = try DecimalString(parsing: text)
        #expect(decimal.value == value)
        #expect(decimal.text == text.trimmingSpaces)
    }

    @Test(
        "Invalid DS values throw invalidNumber",
        arguments: [
            "", " ", ".", "+", "1e", "1e+", "nan", "NaN", "inf", "-infinity", "0x1p3", "1 2", "1,5", "1e999", "1.2.3",
            "e5",
        ])
    func invalid(text: String) {
        #expect(throws: DICOMError(.invalidNumber, message: "")) { try DecimalString(parsing: text) }
    }

    @Test("IS text: sign and digits only")
    func integerStrings() {
        #expect(parseIntegerString("42") == 42)
        #expect(parseIntegerString(" -7 ") == -7)
        #expect(parseIntegerString("+3") == 3)
        #expect(parseIntegerString("4294967296") == 4_294_967_296)
        for text in ["", "1.0", "1e3", "0x10", "- 1", "12a", "+", "99999999999999999999"] {
            #expect(parseIntegerString(Substring(text)) == nil, "\(text)")
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(trimSpaces(Substring(self)))
    }
}
