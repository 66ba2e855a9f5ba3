import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("DICOMFile reading")
struct DICOMFileReadingTests {
    @Test("Explicit VR Little Endian: meta, values, typed accessors")
    func explicitLittleEndian() throws {
        var body = B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 192"))
        body += B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        body += B.explicit(.modality, "CS", B.text("OT"))
        body += B.explicit(.patientName, "PN", B.text("Doe^Jane"))
        body += B.explicit(Tag(0x0020, 0x0013), "IS", B.text(" 42 "))
        body += B.explicit(Tag(0x0028, 0x0002), "US", B.uint16(3))
        body += B.explicit(Tag(0x0028, 0x0030), "DS", B.text("0.5\\0.25"))
        body += B.explicit(.rows, "US", B.uint16(512))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))

        #expect(file.transferSyntaxUID == "1.2.840.10008.1.2.1")
        #expect(file.transferSyntax == .explicitVRLittleEndian)
        #expect(file.fileMetaInformation.string(.mediaStorageSOPInstanceUID) == "1.2.826.0.1.3680043.8.498.1")
        #expect(file.fileMetaInformation[.fileMetaInformationGroupLength]?.vr == .UL)
        #expect(file.dataSet.count == 8)
        #expect(file.dataSet.string(.patientName) == "Doe^Jane")
        #expect(file.dataSet.string(.modality) == "OT")
        #expect(file.dataSet.int(Tag(0x0020, 0x0013)) == 42)
        #expect(file.dataSet.uint16(.rows) == 512)
        #expect(file.dataSet.int(.rows) == 512)
        #expect(file.dataSet.strings(Tag(0x0028, 0x0030)) == ["0.5", "0.25"])
        #expect(file.dataSet.double(Tag(0x0028, 0x0030)) == 0.5)
        #expect(file.dataSet[keyword: "Modality"]?.vr == .CS)
        #expect(file.dataSet.element(forKeyword: "SOPClassUID")?.string == "1.2.840.10008.5.1.4.1.1.7")
        #expect(file.dataSet.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.7")
        #expect(file.dataSet.map(\.tag) == file.dataSet.map(\.tag).sorted())
    }

    @Test("Implicit VR: VRs from the dictionary; private UN, creators LO, group lengths UL, unknown UN")
    func implicitVRs() throws {
        var body = B.implicit(Tag(0x0008, 0x0000), B.uint32(0))
        body += B.implicit(.patientName, B.text("Doe^John"))
        body += B.implicit(Tag(0x0009, 0x0010), B.text("ACME"))
        body += B.implicit(Tag(0x0009, 0x1001), [1, 2, 3, 4])
        body += B.implicit(Tag(0x0010, 0x9999), [5, 6])
        body += B.implicit(.rows, B.uint16(4))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: body))
        #expect(file.dataSet[Tag(0x0008, 0x0000)]?.vr == .UL)
        #expect(file.dataSet[.patientName]?.vr == .PN)
        #expect(file.dataSet[Tag(0x0009, 0x0010)]?.vr == .LO)
        #expect(file.dataSet[Tag(0x0009, 0x1001)]?.vr == .UN)
        #expect(file.dataSet[Tag(0x0010, 0x9999)]?.vr == .UN)
        #expect(file.dataSet.uint16(.rows) == 4)
        #expect(file.dataSet.string(.patientName) == "Doe^John")
    }

    @Test("Implicit VR: ambiguous VRs resolved by Pixel Representation, Bits Allocated, LUT Descriptor")
    func ambiguousVRs() throws {
        func read(pixelRepresentation: UInt16, bitsAllocated: UInt16, lutEntries: UInt16) throws -> DataSet {
            // Perimeter Value (0028,0071) precedes Pixel Representation: resolved once the level is read.
            var lutItem = B.implicit(.lutDescriptor, B.uint16(lutEntries) + B.uint16(0) + B.uint16(16))
            lutItem += B.implicit(.lutData, B.uint16(7))
            var body = B.implicit(Tag(0x0028, 0x0071), B.uint16(1))
            body += B.implicit(.bitsAllocated, B.uint16(bitsAllocated))
            body += B.implicit(.pixelRepresentation, B.uint16(pixelRepresentation))
            body += B.implicit(Tag(0x0028, 0x0106), B.uint16(0))
            body += B.implicitSequence(Tag(0x0028, 0x3010), items: [B.item(lutItem)])
            body += B.implicit(Tag(0x6002, 0x3000), [0, 0])
            body += B.implicit(.pixelData, [0, 0, 0, 0])
            return try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: body)).dataSet
        }
        let unsigned = try read(pixelRepresentation: 0, bitsAllocated: 8, lutEntries: 1)
        #expect(unsigned[Tag(0x0028, 0x0071)]?.vr == .US)
        #expect(unsigned[Tag(0x0028, 0x0106)]?.vr == .US)
        // PS3.5 A.1 c: in Implicit VR Little Endian, pixel data is OW whatever Bits Allocated says.
        #expect(unsigned[.pixelData]?.vr == .OW)
        #expect(unsigned[Tag(0x6002, 0x3000)]?.vr == .OW)
        #expect(unsigned.items(Tag(0x0028, 0x3010))?.first?[.lutData]?.vr == .US)
        #expect(unsigned.items(Tag(0x0028, 0x3010))?.first?[.lutDescriptor]?.vr == .US)

        let signed = try read(pixelRepresentation: 1, bitsAllocated: 16, lutEntries: 256)
        #expect(signed[Tag(0x0028, 0x0071)]?.vr == .SS)
        #expect(signed[Tag(0x0028, 0x0106)]?.vr == .SS)
        #expect(signed[.pixelData]?.vr == .OW)
        #expect(signed.items(Tag(0x0028, 0x3010))?.first?[.lutData]?.vr == .OW)
        #expect(signed.items(Tag(0x0028, 0x3010))?.first?[.lutDescriptor]?.vr == .SS)
    }

    @Test("Sequences: defined and undefined lengths, nested two levels, empty")
    func sequences() throws {
        let inner = B.explicit(.codeValue, "SH", B.text("ABC"))
        let nested = B.explicitSequence(Tag(0x0008, 0x1199), items: [B.item(inner, undefined: true)], undefined: true)
        let firstItem = nested + B.explicit(Tag(0x0020, 0x000E), "UI", B.uid("1.2.3"))
        var body = B.explicitSequence(Tag(0x0008, 0x1115), items: [B.item(firstItem), B.item([], undefined: true)])
        body += B.explicitSequence(Tag(0x0008, 0x1140), items: [], undefined: true)
        body += B.explicitSequence(Tag(0x0040, 0x0275), items: [])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        let items = try #require(file.dataSet.items(Tag(0x0008, 0x1115)))
        #expect(items.count == 2)
        #expect(items[1].isEmpty)
        #expect(items[0].string(Tag(0x0020, 0x000E)) == "1.2.3")
        let deeper = try #require(items[0].items(Tag(0x0008, 0x1199)))
        #expect(deeper.first?.string(.codeValue) == "ABC")
        #expect(file.dataSet.items(Tag(0x0008, 0x1140)) == [])
        #expect(file.dataSet.items(Tag(0x0040, 0x0275)) == [])
    }

    @Test("An undefined-length UN (explicit) or private element (implicit) is an implicit VR sequence")
    func unknownSequences() throws {
        let item = B.item(B.implicit(.codeValue, B.text("XYZ")), undefined: true)
        var body = B.explicitHeader(Tag(0x0011, 0x1001), "UN", length: B.undefinedLength) + item + B.sequenceDelimiter
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        let element = try #require(file.dataSet[Tag(0x0011, 0x1001)])
        #expect(element.vr == .SQ)
        #expect(element.items?.first?[.codeValue]?.vr == .SH)
        #expect(element.items?.first?.string(.codeValue) == "XYZ")

        body = B.implicitSequence(Tag(0x0011, 0x1001), items: [item], undefined: true)
        let implicitFile = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: body))
        #expect(implicitFile.dataSet[Tag(0x0011, 0x1001)]?.vr == .SQ)
        #expect(implicitFile.dataSet.items(Tag(0x0011, 0x1001))?.first?.string(.codeValue) == "XYZ")
    }

    @Test("Explicit UN of a public attribute takes the dictionary VR; a UN sequence is parsed")
    func unknownPublicElements() throws {
        var body = B.explicit(.patientName, "UN", B.text("Doe^Jim"))
        let item = B.item(B.implicit(.codeValue, B.text("12")))
        body += B.explicit(Tag(0x0008, 0x1115), "UN", item)
        body += B.explicit(Tag(0x0009, 0x0010), "UN", B.text("ACME"))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        #expect(file.dataSet[.patientName]?.vr == .PN)
        #expect(file.dataSet.string(.patientName) == "Doe^Jim")
        #expect(file.dataSet[Tag(0x0008, 0x1115)]?.vr == .SQ)
        #expect(file.dataSet.items(Tag(0x0008, 0x1115))?.first?.string(.codeValue) == "12")
        #expect(file.dataSet[Tag(0x0009, 0x0010)]?.vr == .LO)
    }

    @Test("Encapsulated pixel data: offset table and fragments, kept as slices")
    func encapsulated() throws {
        var body = B.explicit(.bitsAllocated, "US", B.uint16(8))
        body += B.encapsulatedPixelData(offsetTable: [0, 0, 0, 0], fragments: [[1, 2, 3, 4], [5, 6]])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: body))
        #expect(file.transferSyntax.isEncapsulated)
        let pixelData = try #require(file.dataSet[.pixelData]?.encapsulatedPixelData)
        #expect(Array(pixelData.basicOffsetTable) == [0, 0, 0, 0])
        #expect(pixelData.fragments.map(Array.init) == [[1, 2, 3, 4], [5, 6]])
        #expect(file.dataSet[.pixelData]?.vr == .OB)
    }

    @Test("A meta group without group length, odd value lengths and out-of-order elements are tolerated")
    func tolerated() throws {
        var body = B.explicit(.patientName, "PN", Array("Odd".utf8))
        body += B.explicit(.modality, "CS", B.text("MR"))
        let file = try DICOMFile(
            bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body, withGroupLength: false)
        )
        #expect(file.fileMetaInformation[.fileMetaInformationGroupLength] == nil)
        #expect(file.dataSet.string(.patientName) == "Odd")
        #expect(file.dataSet.map(\.tag) == [.modality, .patientName])
    }

    @Test("DICOMFile(contentsOf:) reads a file off the cooperative threads")
    func contentsOf() async throws {
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: B.explicit(.modality, "CS", B.text("CT")))
        let path = try TemporaryFile.write(bytes)
        defer { TemporaryFile.remove(path) }
        let file = try await DICOMFile(contentsOf: path)
        #expect(file.dataSet.string(.modality) == "CT")
        #expect(file == (try DICOMFile(bytes: bytes)))
    }

    @Test("DICOMFile(contentsOf:) errors: missing file, size limit, cancellation")
    func contentsOfErrors() async throws {
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: [])
        let path = try TemporaryFile.write(bytes)
        defer { TemporaryFile.remove(path) }
        await #expect(throws: DICOMError(.fileIO, message: "")) {
            try await DICOMFile(contentsOf: path + ".missing")
        }
        await #expect(throws: DICOMError(.fileTooLarge, message: "")) {
            try await DICOMFile(contentsOf: path, options: .init(maximumFileSize: 100))
        }
        let task = Task { () async throws(DICOMError) -> DICOMFile in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await DICOMFile(contentsOf: path)
        }
        let result = await task.result
        #expect(throws: DICOMError(.cancelled, message: "")) { try result.get() }
    }
}
