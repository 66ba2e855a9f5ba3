import Testing

@testable import DICOMKitCore

@Suite("DataSet values by tag")
struct DataSetValuesTests {
    static let japaneseName: [UInt8] =
        TextBytes.ascii("Yamada^Tarou=") + TextBytes.toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + TextBytes.toASCII

    @Test("Text decodes with the data set's own Specific Character Set")
    func ownCharacterSet() {
        let dataSet = DataSet([
            DataElement(tag: .specificCharacterSet, vr: .CS, strings: ["", "ISO 2022 IR 87"]),
            DataElement(tag: .patientName, vr: .PN, bytes: Self.japaneseName),
            DataElement(tag: .patientID, vr: .LO, bytes: [0x1B, 0x24, 0x42, 0x3B, 0x33]),
            DataElement(tag: .studyInstanceUID, vr: .UI, bytes: Array("1.2.3".utf8) + [0]),
        ])
        #expect(dataSet.string(.patientName) == "Yamada^Tarou=山田")
        #expect(dataSet.strings(.patientName) == ["Yamada^Tarou=山田"])
        #expect(dataSet.personName(.patientName)?.ideographic.familyName == "山田")
        #expect(dataSet.personNames(.patientName).count == 1)
        #expect(dataSet.string(.patientID) == "山")
        #expect(dataSet.string(.studyInstanceUID) == "1.2.3")
        #expect(dataSet.decodedStrings(.patientName).warnings.isEmpty)
        #expect(dataSet.specificCharacterSet.terms == ["", "ISO 2022 IR 87"])
    }

    @Test("Items use the terms set on them, as the reader sets inherited terms")
    func inheritedTerms() {
        var item = DataSet([DataElement(tag: .patientName, vr: .PN, bytes: [0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65])])
        #expect(item.string(.patientName) == "Jérôme")
        item.setCharacterSetTerms(["ISO_IR 144"])
        #expect(item.characterSetTerms == ["ISO_IR 144"])
        #expect(item.string(.patientName) == "Jщrєme")
        // An element of the data set's own wins over the terms.
        item.set(DataElement(tag: .specificCharacterSet, vr: .CS, string: "ISO_IR 100"))
        #expect(item.string(.patientName) == "Jérôme")
    }

    @Test("Decoding warnings are returned with the values")
    func warnings() {
        let dataSet = DataSet([
            DataElement(tag: .specificCharacterSet, vr: .CS, string: "ISO_IR 999"),
            DataElement(tag: .patientName, vr: .PN, string: "Doe^Jane"),
        ])
        let decoded = dataSet.decodedStrings(.patientName)
        #expect(decoded.values == ["Doe^Jane"])
        #expect(decoded.warnings.map(\.code) == [.unknownTerm])
        #expect(dataSet.decodedStrings(.modality) == DecodedStrings(values: []))
    }

    @Test("Typed accessors by tag; absent elements give empty results")
    func typed() throws {
        let dataSet = DataSet([
            DataElement(tag: .studyDate, vr: .DA, string: "20240229"),
            DataElement(tag: .studyTime, vr: .TM, string: "101530"),
            DataElement(tag: Tag(0x0008, 0x002A), vr: .DT, string: "20240229101530+0100"),
            DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: "7"),
            DataElement(tag: Tag(0x0028, 0x0030), vr: .DS, string: "0.5\\0.25"),
            DataElement(tag: .rows, uint16s: [512]),
            DataElement(tag: Tag(0x0020, 0x9165), vr: .AT, bytes: [0x10, 0x00, 0x10, 0x00]),
        ])
        #expect(try dataSet.date(.studyDate)?.day == 29)
        #expect(try dataSet.dateRange(.studyDate)?.isSingleValue == true)
        #expect(try dataSet.time(.studyTime)?.second == 30)
        #expect(try dataSet.timeRange(.studyTime)?.lower?.minute == 15)
        #expect(try dataSet.dateTime(Tag(0x0008, 0x002A))?.utcOffsetMinutes == 60)
        #expect(try dataSet.dateTimeRange(Tag(0x0008, 0x002A))?.upper?.time?.hour == 10)
        #expect(try dataSet.integers(Tag(0x0020, 0x0013)) == [7])
        #expect(try dataSet.decimals(Tag(0x0028, 0x0030)).map(\.value) == [0.5, 0.25])
        #expect(try dataSet.doubles(.rows) == [512])
        #expect(dataSet.uint16s(.rows) == [512])
        #expect(dataSet.int16s(.rows) == [512])
        #expect(dataSet.tags(Tag(0x0020, 0x9165)) == [.patientName])
        #expect(try dataSet.dates(.patientBirthDate) == [])
        #expect(try dataSet.date(.patientBirthDate) == nil)
        #expect(try dataSet.times(.patientBirthDate) == [])
        #expect(try dataSet.dateTimes(.patientBirthDate) == [])
        #expect(try dataSet.dateRange(.patientBirthDate) == nil)
        #expect(dataSet.personName(.patientName) == nil)
        #expect(dataSet.uint32s(.rows) == nil && dataSet.int32s(.rows) == nil)
        #expect(dataSet.uint64s(.rows) == nil && dataSet.int64s(.rows) == nil)
        #expect(dataSet.float32s(.rows) == nil && dataSet.float64s(.rows) == nil)
    }
}
