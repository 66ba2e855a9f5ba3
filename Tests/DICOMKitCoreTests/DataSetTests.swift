import Testing

@testable import DICOMKitCore

@Suite("DataSet and DataElement")
struct DataSetTests {
    @Test("Elements stay sorted; set, replace, remove; last duplicate wins in init")
    func editing() {
        var dataSet = DataSet([
            DataElement(tag: .patientName, vr: .PN, string: "A"),
            DataElement(tag: .modality, vr: .CS, string: "CT"),
            DataElement(tag: .patientName, vr: .PN, string: "B"),
        ])
        #expect(dataSet.map(\.tag) == [.modality, .patientName])
        #expect(dataSet.string(.patientName) == "B")
        dataSet.set(DataElement(tag: .sopClassUID, vr: .UI, string: "1.2"))
        dataSet[.rows] = DataElement(tag: .rows, uint16s: [7])
        #expect(dataSet.map(\.tag) == [.sopClassUID, .modality, .patientName, .rows])
        #expect(dataSet.remove(.modality)?.string == "CT")
        dataSet[.patientName] = nil
        #expect(dataSet.map(\.tag) == [.sopClassUID, .rows])
        #expect(!dataSet.contains(.patientName))
        #expect(dataSet.uint16(.rows) == 7)
    }

    @Test("Text padding rules per VR")
    func text() {
        let dataSet = DataSet([
            DataElement(tag: .patientName, vr: .PN, string: "  Doe^Jane  "),
            DataElement(tag: Tag(0x0020, 0x4000), vr: .LT, string: "  indented text \\ kept  "),
            DataElement(tag: .sopInstanceUID, vr: .UI, bytes: Array("1.2.3".utf8) + [0]),
            DataElement(tag: Tag(0x0008, 0x0008), vr: .CS, string: "ORIGINAL \\PRIMARY\\\\ AXIAL"),
            DataElement(tag: .rows, uint16s: [5, 6]),
        ])
        #expect(dataSet.string(.patientName) == "Doe^Jane")
        #expect(dataSet.string(Tag(0x0020, 0x4000)) == "  indented text \\ kept")
        #expect(dataSet.strings(Tag(0x0020, 0x4000)) == ["  indented text \\ kept"])
        #expect(dataSet.string(.sopInstanceUID) == "1.2.3")
        #expect(dataSet.strings(Tag(0x0008, 0x0008)) == ["ORIGINAL", "PRIMARY", "", "AXIAL"])
        #expect(dataSet.string(.rows) == nil)
        #expect(dataSet.strings(.modality) == [])
        #expect(dataSet.int(.rows) == 5)
    }

    @Test("Non-UTF-8 text decodes as ISO 8859-1")
    func latin1() {
        let element = DataElement(tag: .patientName, vr: .PN, bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])
        #expect(element.string == "Müller")
    }

    @Test("Typed numbers from binary and string VRs")
    func numbers() {
        #expect(DataElement(tag: Tag(0x0028, 0x0106), vr: .SS, bytes: [0xFE, 0xFF]).int == -2)
        #expect(DataElement(tag: Tag(0x0018, 0x0050), vr: .DS, string: " 2.5").double == 2.5)
        #expect(DataElement(tag: Tag(0x0020, 0x0013), vr: .IS, string: "x1").int == nil)
        #expect(DataElement(tag: Tag(0x0028, 0x0008), vr: .UL, bytes: [1, 1, 0, 0]).int == 257)
        #expect(DataElement(tag: Tag(0x0018, 0x9328), vr: .FD, bytes: [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]).double == 1)
        #expect(DataElement(tag: .rows, vr: .US, bytes: [1]).uint16 == nil)
        #expect(DataElement(tag: Tag(0x0072, 0x0082), vr: .SV, bytes: [UInt8](repeating: 0xFF, count: 8)).int == -1)
    }

    @Test("Fingerprints describe structure without values")
    func fingerprints() {
        let item = DataSet([DataElement(tag: .codeValue, vr: .SH, string: "ABC")])
        let dataSet = DataSet([
            DataElement(tag: Tag(0x0008, 0x1115), items: [item, DataSet()]),
            DataElement(tag: .pixelData, vr: .OB, value: .encapsulated(EncapsulatedPixelData(fragments: [[1, 2]]))),
        ])
        let prints = dataSet.fingerprints()
        #expect(prints.map(\.path) == ["", "(0008,1115)[0]", ""])
        #expect(prints[0].content == .sequence(itemCount: 2))
        guard case .value(let digest) = prints[1].content else {
            Issue.record("not a value")
            return
        }
        #expect(digest.length == 3)
        #expect(digest.sha256 == "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78")
        guard case .encapsulated(let offsetTable, let fragments) = prints[2].content else {
            Issue.record("not encapsulated")
            return
        }
        #expect(offsetTable.length == 0)
        #expect(fragments.map(\.length) == [2])
    }

    @Test("forEachFingerprint visits depth first and stops at the first error")
    func forEachFingerprint() {
        struct Stop: Error {}
        let item = DataSet([DataElement(tag: .codeValue, vr: .SH, string: "ABC")])
        let dataSet = DataSet([
            DataElement(tag: .modality, vr: .CS, string: "CT"),
            DataElement(tag: Tag(0x0008, 0x1115), items: [item, item]),
            DataElement(tag: .rows, uint16s: [2]),
        ])
        var tags: [Tag] = []
        dataSet.forEachFingerprint { tags.append($0.tag) }
        #expect(tags == [.modality, Tag(0x0008, 0x1115), .codeValue, .codeValue, .rows])
        var visited = 0
        #expect(throws: Stop.self) {
            try dataSet.forEachFingerprint { _ in
                visited += 1
                if visited == 2 { throw Stop() }
            }
        }
        #expect(visited == 2)
    }
}
