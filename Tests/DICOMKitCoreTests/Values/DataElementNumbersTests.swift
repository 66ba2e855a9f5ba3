import Testing

@testable import DICOMKitCore

@Suite("DataElement numbers")
struct DataElementNumbersTests {
    @Test("IS and DS elements, multi-valued and padded")
    func text() throws {
        let integers = DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: " 1\\-2 \\+30")
        #expect(try integers.integers() == [1, -2, 30])
        #expect(try integers.doubles() == [1, -2, 30])
        let decimals = DataElement(tag: Tag(0x0028, 0x0030), vr: .DS, string: "0.5\\1e1 ")
        #expect(try decimals.decimals().map(\.text) == ["0.5", "1e1"])
        #expect(try decimals.doubles() == [0.5, 10])
        #expect(try DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: "  ").integers() == [])
        #expect(try DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, bytes: []).integers() == [])
    }

    @Test("Invalid text names the tag and position, never the value")
    func invalidText() throws {
        let element = DataElement(tag: Tag(0x0028, 0x0030), vr: .DS, string: "0.5\\secret")
        let error = try #require(throws: DICOMError.self) { try element.decimals() }
        #expect(error.code == .invalidNumber && error.tag == Tag(0x0028, 0x0030))
        #expect(error.message == "DS value 2: not a decimal string (DS)")
        #expect(!error.description.contains("secret"))
        #expect(throws: DICOMError(.invalidNumber, message: "")) {
            try DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: "1\\\\2").integers()
        }
        #expect(DataElement(tag: Tag(0x0028, 0x0030), vr: .DS, string: "nan").double == nil)
        #expect(DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: "1.0").int == nil)
    }

    @Test("Binary integers and floats as Int and Double")
    func binary() throws {
        #expect(try DataElement(tag: .rows, vr: .US, bytes: [1, 0, 0xFF, 0xFF]).integers() == [1, 65535])
        #expect(try DataElement(tag: .rows, vr: .SS, bytes: [0xFF, 0xFF]).integers() == [-1])
        #expect(try DataElement(tag: .rows, vr: .SL, bytes: [0xFE, 0xFF, 0xFF, 0xFF]).integers() == [-2])
        #expect(try DataElement(tag: .rows, vr: .UL, bytes: [0, 0, 0, 0x80]).integers() == [2_147_483_648])
        #expect(try DataElement(tag: .rows, vr: .SV, bytes: [UInt8](repeating: 0xFF, count: 8)).integers() == [-1])
        #expect(throws: DICOMError(.invalidNumber, message: "")) {
            try DataElement(tag: .rows, vr: .UV, bytes: [UInt8](repeating: 0xFF, count: 8)).integers()
        }
        #expect(try DataElement(tag: .rows, vr: .UV, bytes: [UInt8](repeating: 0xFF, count: 8)).doubles() == [0x1p64])
        #expect(try DataElement(tag: .rows, vr: .FL, bytes: [0, 0, 0xC0, 0x3F]).doubles() == [1.5])
        #expect(try DataElement(tag: .rows, vr: .OD, bytes: [0, 0, 0, 0, 0, 0, 0xF0, 0xBF]).doubles() == [-1])
    }

    @Test("Wrong VR, odd length and sequences")
    func errors() {
        #expect(throws: DICOMError(.invalidValueLength, message: "")) {
            try DataElement(tag: .rows, vr: .US, bytes: [1, 0, 2]).integers()
        }
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: .patientID, vr: .LO, string: "1").integers()
        }
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: "1").decimals()
        }
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: Tag(0x0008, 0x1115), items: []).doubles()
        }
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: Tag(0x0008, 0x1115), vr: .IS, value: .sequence([])).integers()
        }
    }

    @Test("Value errors print no offset")
    func description() {
        let error = DICOMError(.invalidDate, tag: .studyDate, message: "DA value 1: month must be 01 to 12")
        #expect(error.description == "DICOMError.invalidDate tag (0008,0020): DA value 1: month must be 01 to 12")
    }
}
