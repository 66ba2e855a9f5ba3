import Testing

@testable import DICOMKitCore

@Suite("PersonName")
struct PersonNameTests {
    @Test("Groups at '=' and components at '^'")
    func parsing() {
        let name = PersonName(parsing: "Adams^John Robert Quincy^^Rev.^B.A. M.Div.")
        #expect(name.alphabetic.familyName == "Adams")
        #expect(name.alphabetic.givenName == "John Robert Quincy")
        #expect(name.alphabetic.middleName == "")
        #expect(name.alphabetic.namePrefix == "Rev.")
        #expect(name.alphabetic.nameSuffix == "B.A. M.Div.")
        #expect(name.ideographic.isEmpty && name.phonetic.isEmpty)
        let three = PersonName(parsing: "Wang^XiaoDong=王^小东=")
        #expect(three.ideographic.components == ["王", "小东", "", "", ""])
        #expect(three.phonetic.isEmpty)
        let phoneticOnly = PersonName(parsing: "==やまだ^たろう")
        #expect(phoneticOnly.alphabetic.isEmpty && phoneticOnly.ideographic.isEmpty)
        #expect(phoneticOnly.phonetic.givenName == "たろう")
    }

    @Test("Extra components and groups are kept in the last field")
    func extras() {
        let name = PersonName(parsing: "a^b^c^d^e^f=g=h=i")
        #expect(name.alphabetic.nameSuffix == "e^f")
        #expect(name.phonetic.familyName == "h=i")
    }

    @Test("The DICOM form drops trailing empty components and groups")
    func dicomString() {
        #expect(PersonName(parsing: "Doe^Jane^^^").dicomString == "Doe^Jane")
        #expect(PersonName(parsing: "Wang^XiaoDong=王^小东=").dicomString == "Wang^XiaoDong=王^小东")
        #expect(PersonName(parsing: "==やまだ").dicomString == "==やまだ")
        #expect(PersonName(parsing: "").isEmpty)
        let built = PersonName(alphabetic: .init(familyName: "Doe", namePrefix: "Dr"))
        #expect(built.dicomString == "Doe^^^Dr")
    }

    @Test("PN elements: multi-valued, padded, and only PN")
    func elements() {
        let element = DataElement(tag: .patientName, vr: .PN, string: "Doe^Jane\\Roe^Richard ")
        #expect(element.personNames().map(\.alphabetic.familyName) == ["Doe", "Roe"])
        #expect(element.personNames().last?.alphabetic.givenName == "Richard")
        #expect(DataElement(tag: .patientName, vr: .PN, bytes: []).personNames().isEmpty)
        #expect(DataElement(tag: .patientID, vr: .LO, string: "Doe^Jane").personNames().isEmpty)
    }
}
