import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("DICOMWriter")
struct DICOMWriterTests {
    /// A data set with even-length values everywhere, sequences nested two deep.
    private func sampleBody(explicit: Bool) -> [UInt8] {
        func element(_ tag: Tag, _ vr: String, _ value: [UInt8]) -> [UInt8] {
            explicit ? B.explicit(tag, vr, value) : B.implicit(tag, value)
        }
        func sequence(_ tag: Tag, _ items: [[UInt8]], undefined: Bool) -> [UInt8] {
            explicit
                ? B.explicitSequence(tag, items: items, undefined: undefined)
                : B.implicitSequence(tag, items: items, undefined: undefined)
        }
        let leaf = element(.codeValue, "SH", B.text("CODE01")) + element(.codeMeaning, "LO", B.text("Meaning"))
        let middle =
            sequence(Tag(0x0008, 0x1199), [B.item(leaf, undefined: true)], undefined: false)
            + element(Tag(0x0020, 0x000E), "UI", B.uid("1.2.3.4.5"))
        var body = element(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        body += element(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.77"))
        body += sequence(Tag(0x0008, 0x1115), [B.item(middle), B.item([], undefined: true)], undefined: true)
        body += element(.patientName, "PN", B.text("Doe^Jane"))
        body += element(Tag(0x0009, 0x0010), "LO", B.text("ACME"))
        body += element(Tag(0x0009, 0x1001), "UN", [1, 2, 3, 4])
        body += element(.rows, "US", B.uint16(2))
        body += element(.bitsAllocated, "US", B.uint16(16))
        body += element(.pixelRepresentation, "US", B.uint16(1))
        body += element(Tag(0x0028, 0x0106), "SS", B.uint16(0xFFFF))
        body += element(.pixelData, "OW", [1, 2, 3, 4])
        return body
    }

    @Test("Round trip of Explicit VR Little Endian gives the same data set")
    func roundTripExplicit() throws {
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: sampleBody(explicit: true)))
        let again = try DICOMFile(bytes: try file.serialized())
        #expect(again.dataSet == file.dataSet)
        #expect(again.transferSyntax == .explicitVRLittleEndian)
        #expect(try again.serialized() == (try file.serialized()))
    }

    @Test("Implicit VR input is written as Explicit VR Little Endian with resolved VRs")
    func implicitToExplicit() throws {
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: sampleBody(explicit: false)))
        #expect(file.dataSet[Tag(0x0028, 0x0106)]?.vr == .SS)
        #expect(file.dataSet[.pixelData]?.vr == .OW)
        #expect(file.dataSet[Tag(0x0009, 0x1001)]?.vr == .UN)
        let bytes = try file.serialized()
        let again = try DICOMFile(bytes: bytes)
        #expect(again.transferSyntax == .explicitVRLittleEndian)
        #expect(again.fileMetaInformation.string(.transferSyntaxUID) == B.explicitLittle)
        #expect(again.dataSet == file.dataSet)
        let explicitFile = try DICOMFile(
            bytes: B.file(transferSyntax: B.explicitLittle, dataSet: sampleBody(explicit: true))
        )
        #expect(again.dataSet == explicitFile.dataSet)
    }

    /// Regression: implicit 8-bit pixel data was read and written as OB; PS3.5 A.1 c makes it OW, as pydicom
    /// and dcmtk read it (two files of the public corpus showed the difference).
    @Test("Implicit 8-bit native pixel data is OW, read and written")
    func pixelDataImplicit8BitIsOW() throws {
        let body = B.implicit(.bitsAllocated, B.uint16(8)) + B.implicit(.pixelData, [1, 2, 3, 4])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: body))
        #expect(file.dataSet[.pixelData]?.vr == .OW)
        let again = try DICOMFile(bytes: try file.serialized())
        #expect(again.dataSet[.pixelData]?.vr == .OW)
        #expect(again.dataSet[.pixelData]?.bytes.map(Array.init) == [1, 2, 3, 4])
    }

    @Test("The file meta group is rebuilt: group length, version, media storage UIDs, implementation")
    func metaGroup() throws {
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: sampleBody(explicit: false)))
        let bytes = try file.serialized()
        #expect(bytes[0..<128].allSatisfy { $0 == 0 })
        #expect(Array(bytes[128..<132]) == Array("DICM".utf8))
        let meta = try DICOMFile(bytes: bytes).fileMetaInformation
        #expect(meta[.fileMetaInformationVersion]?.bytes.map(Array.init) == [0, 1])
        #expect(meta.string(.mediaStorageSOPClassUID) == "1.2.840.10008.5.1.4.1.1.7")
        #expect(meta.string(.mediaStorageSOPInstanceUID) == "1.2.826.0.1.3680043.8.498.77")
        #expect(meta.string(.implementationClassUID) == DICOMWriter.implementationClassUID)
        #expect(meta.string(.implementationVersionName) == DICOMWriter.implementationVersionName)
        let groupLength = try #require(meta.int(.fileMetaInformationGroupLength))
        // The data set starts right after the group: its first element is the SOP Class UID.
        let dataSetStart = 144 + groupLength
        #expect(bytes[dataSetStart] == 0x08 && bytes[dataSetStart + 2] == 0x16)
        #expect(DICOMWriter.implementationClassUID.count <= 64)
        #expect(DICOMWriter.implementationVersionName.count <= 16)
    }

    @Test("Encapsulated data is written in its own transfer syntax, fragments intact")
    func encapsulated() throws {
        var body = B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        body += B.explicit(.sopInstanceUID, "UI", B.uid("1.2.3"))
        body += B.encapsulatedPixelData(offsetTable: [0, 0, 0, 0], fragments: [[0xFF, 0xD8, 0xFF, 0xD9], [7, 7]])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: body))
        let again = try DICOMFile(bytes: try file.serialized())
        #expect(again.transferSyntaxUID == B.jpegBaseline)
        #expect(again.dataSet == file.dataSet)
    }

    @Test("Odd values are padded with the VR's padding byte")
    func padding() throws {
        var dataSet = DataSet()
        dataSet.set(DataElement(tag: .sopClassUID, vr: .UI, string: "1.2.3"))
        dataSet.set(DataElement(tag: .sopInstanceUID, vr: .UI, string: "1.2.345"))
        dataSet.set(DataElement(tag: .patientName, vr: .PN, string: "Doe"))
        dataSet.set(DataElement(tag: Tag(0x0009, 0x1001), vr: .OB, bytes: [9]))
        let bytes = try DICOMFile(dataSet: dataSet, transferSyntax: .explicitVRLittleEndian).serialized()
        let again = try DICOMFile(bytes: bytes).dataSet
        #expect(again[.sopInstanceUID]?.bytes.map(Array.init) == Array("1.2.345".utf8) + [0])
        #expect(again[.patientName]?.bytes.map(Array.init) == Array("Doe ".utf8))
        #expect(again[Tag(0x0009, 0x1001)]?.bytes.map(Array.init) == [9, 0])
        #expect(again.string(.sopInstanceUID) == "1.2.345")
        #expect(again.string(.patientName) == "Doe")
    }

    @Test("A value too long for a 2-byte length is written as UN, never truncated")
    func longValue() throws {
        var dataSet = DataSet()
        dataSet.set(DataElement(tag: .sopClassUID, vr: .UI, string: "1.2.3"))
        dataSet.set(DataElement(tag: .sopInstanceUID, vr: .UI, string: "1.2.4"))
        let long = String(repeating: "A", count: 70_000)
        dataSet.set(DataElement(tag: Tag(0x0010, 0x4000), vr: .LT, string: long))
        let bytes = try DICOMFile(dataSet: dataSet, transferSyntax: .explicitVRLittleEndian).serialized()
        let again = try DICOMFile(bytes: bytes).dataSet
        #expect(again[Tag(0x0010, 0x4000)]?.vr == .LT)
        #expect(again.string(Tag(0x0010, 0x4000)) == long)
    }

    @Test("Unwritable input throws clearly")
    func unwritable() throws {
        var noUIDs = DataSet()
        noUIDs.set(DataElement(tag: .modality, vr: .CS, string: "CT"))
        let missing = #expect(throws: DICOMError(.missingAttribute, message: "")) {
            try DICOMFile(dataSet: noUIDs, transferSyntax: .explicitVRLittleEndian).serialized()
        }
        #expect(missing?.tag == .mediaStorageSOPClassUID)
        #expect(missing?.description.contains("missingAttribute") == true)
        var noInstance = noUIDs
        noInstance.set(DataElement(tag: .sopClassUID, vr: .UI, string: "1.2.3"))
        let missingInstance = #expect(throws: DICOMError(.missingAttribute, message: "")) {
            try DICOMFile(dataSet: noInstance, transferSyntax: .explicitVRLittleEndian).serialized()
        }
        #expect(missingInstance?.tag == .mediaStorageSOPInstanceUID)
        var valid = DataSet()
        valid.set(DataElement(tag: .sopClassUID, vr: .UI, string: "1.2.3"))
        valid.set(DataElement(tag: .sopInstanceUID, vr: .UI, string: "1.2.4"))

        var meta = valid
        meta.set(DataElement(tag: .transferSyntaxUID, vr: .UI, string: "1.2.840.10008.1.2"))
        #expect(throws: DICOMError(.invalidValue, message: "")) {
            try DICOMFile(dataSet: meta, transferSyntax: .explicitVRLittleEndian).serialized()
        }
        var badSequence = valid
        badSequence.set(DataElement(tag: Tag(0x0008, 0x1115), vr: .SQ, bytes: [1, 2]))
        #expect(throws: DICOMError(.invalidValue, message: "")) {
            try DICOMFile(dataSet: badSequence, transferSyntax: .explicitVRLittleEndian).serialized()
        }
        var nativeEncapsulated = valid
        nativeEncapsulated.set(
            DataElement(tag: .pixelData, vr: .OB, value: .encapsulated(EncapsulatedPixelData(fragments: [[1, 2]])))
        )
        #expect(throws: DICOMError(.invalidValue, message: "")) {
            try DICOMFile(dataSet: nativeEncapsulated, transferSyntax: .explicitVRLittleEndian).serialized()
        }
        let mime = try #require(TransferSyntax(uid: "1.2.840.10008.1.2.6.1"))
        #expect(throws: DICOMError(.unsupportedTransferSyntax, message: "")) {
            try DICOMFile(dataSet: valid, transferSyntax: mime).serialized()
        }
        var deep = DataSet()
        for _ in 0..<200 {
            deep = DataSet([DataElement(tag: Tag(0x0040, 0xA730), items: [deep])])
        }
        var deepFile = valid
        deepFile.set(DataElement(tag: Tag(0x0040, 0xA730), items: [deep]))
        #expect(throws: DICOMError(.nestingTooDeep, message: "")) {
            try DICOMFile(dataSet: deepFile, transferSyntax: .explicitVRLittleEndian).serialized()
        }
    }
}
