import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("DICOMFile.ReadOptions")
struct ReadOptionsTests {
    static let icon = B.explicitSequence(
        Tag(0x0088, 0x0200),
        items: [B.item(B.explicit(.bitsAllocated, "US", B.uint16(8)) + B.explicit(.pixelData, "OB", [9, 9]))]
    )
    static let body =
        B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 100"))
        + B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        + B.explicit(.modality, "CS", B.text("OT")) + B.explicit(.patientName, "PN", B.text("Doe^Jane"))
        + B.explicit(.rows, "US", B.uint16(1)) + icon

    @Test("Stop before pixel data: the top-level pixel data and what follows are left out, icons kept")
    func stopBeforePixelData() throws {
        let after = B.explicit(Tag(0xFFFA, 0xFFFA), "SQ", [])
        let native = Self.body + B.explicit(.pixelData, "OB", [1, 2, 3, 4]) + after
        var options = DICOMFile.ReadOptions.default
        options.stopBeforePixelData = true
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: native), options: options)
        #expect(file.dataSet[.pixelData] == nil)
        #expect(file.dataSet[Tag(0xFFFA, 0xFFFA)] == nil)
        #expect(file.dataSet.items(Tag(0x0088, 0x0200))?.first?[.pixelData] != nil)
        #expect(file.warnings == [])
        // Nothing of the pixel data is read: not even a broken encapsulation.
        let broken = Self.body + B.explicitHeader(.pixelData, "OB", length: B.undefinedLength) + [0xDE, 0xAD]
        let encapsulated = B.file(transferSyntax: B.jpegBaseline, dataSet: broken)
        #expect(throws: DICOMError.self) { try DICOMFile(bytes: encapsulated) }
        #expect(try DICOMFile(bytes: encapsulated, options: options).dataSet.string(.modality) == "OT")
        // Float Pixel Data stops it too.
        let float = Self.body + B.explicit(Tag(0x7FE0, 0x0008), "OF", [0, 0, 0, 0])
        #expect(
            try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: float), options: options).dataSet
                .count == 6)
    }

    @Test("Read only chosen tags: the others are walked and checked, then dropped")
    func selectedTags() throws {
        var options = DICOMFile.ReadOptions.default
        options.selectedTags = [.modality, Tag(0x0088, 0x0200)]
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: Self.body)
        let file = try DICOMFile(bytes: bytes, options: options)
        #expect(file.dataSet.map(\.tag) == [.modality, Tag(0x0088, 0x0200)])
        #expect(file.dataSet.items(Tag(0x0088, 0x0200))?.first?.count == 2)
        #expect(file.dataSet.characterSetTerms == ["ISO_IR 100"])
        #expect(file.fileMetaInformation.count == (try DICOMFile(bytes: bytes)).fileMetaInformation.count)
        // A malformed element that is not chosen is still an error.
        let broken = Self.body + B.explicitHeader(Tag(0x0029, 0x1001), "OB", length: 1_000) + [1]
        #expect(throws: DICOMError(.truncated, message: "")) {
            try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: broken), options: options)
        }
    }

    @Test("maximumElementSize refuses longer values and fragments")
    func elementSize() throws {
        var options = DICOMFile.ReadOptions.default
        options.maximumElementSize = 40
        let long = Self.body + B.explicit(Tag(0x0029, 0x1001), "OB", [UInt8](repeating: 1, count: 42))
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: long)
        #expect(throws: DICOMError(.elementTooLarge, message: "")) { try DICOMFile(bytes: bytes, options: options) }
        do {
            _ = try DICOMFile(bytes: bytes, options: options)
        } catch {
            #expect(error.tag == Tag(0x0029, 0x1001))
            #expect(error.offset == bytes.count - 54)
        }
        options.maximumElementSize = 42
        #expect((try? DICOMFile(bytes: bytes, options: options)) != nil)
        let fragments =
            Self.body + B.encapsulatedPixelData(offsetTable: [], fragments: [[UInt8](repeating: 2, count: 44)])
        #expect(throws: DICOMError(.elementTooLarge, message: "")) {
            try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: fragments), options: options)
        }
    }

    @Test("maximumFileSize bounds the bytes read, as for files")
    func totalSize() throws {
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: Self.body)
        var options = DICOMFile.ReadOptions.default
        options.maximumFileSize = bytes.count - 1
        #expect(throws: DICOMError(.fileTooLarge, message: "")) { try DICOMFile(bytes: bytes, options: options) }
        options.maximumFileSize = bytes.count
        #expect((try? DICOMFile(bytes: bytes, options: options)) != nil)
    }

    @Test("Warnings past maximumWarningCount are not kept; one says so")
    func warningLimit() throws {
        var body = B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        for element in UInt16(0x1001)...UInt16(0x1005) {
            body += B.explicit(Tag(0x0029, element), "OB", [1])
        }
        var options = DICOMFile.ReadOptions.default
        options.maximumWarningCount = 2
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body), options: options)
        #expect(file.warnings.map(\.code) == [.oddLength, .oddLength, .warningLimitReached])
        #expect(try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body)).warnings.count == 5)
    }

    @Test("Defaults and the strict preset")
    func presets() {
        let defaults = DICOMFile.ReadOptions()
        #expect(defaults == .default)
        #expect(!defaults.isStrict && !defaults.stopBeforePixelData && defaults.selectedTags == nil)
        #expect(defaults.maximumElementSize == 0xFFFF_FFFE)
        #expect(defaults.maximumInflatedSize == 1 << 30)
        #expect(defaults.maximumInflationRatio == 1_000)
        #expect(defaults.maximumWarningCount == 1_000)
        #expect(DICOMFile.ReadOptions.strict.isStrict)
        #expect(DICOMFile.ReadOptions.strict.maximumElementCount == defaults.maximumElementCount)
    }
}
