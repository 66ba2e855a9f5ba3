import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Length in file")
struct LengthInFileTests {
    /// A data set with a defined-length sequence of a defined-length and an undefined-length item, an
    /// undefined-length sequence, and a plain element.
    static let dataSet: [UInt8] = {
        let inner = B.explicit(.patientID, "LO", B.text("AB"))
        let defined = B.explicitSequence(
            Tag(0x0008, 0x1115), items: [B.item(inner), B.item(inner, undefined: true)]
        )
        let undefined = B.explicitSequence(Tag(0x0008, 0x1140), items: [B.item(inner)], undefined: true)
        return B.explicit(.modality, "CS", B.text("OT")) + defined + undefined
    }()

    @Test("elements and items keep the length fields of the file")
    func lengthsAsRead() throws {
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: Self.dataSet))
        #expect(file.dataSet[.modality]?.lengthInFile == 2)
        let defined = try #require(file.dataSet[Tag(0x0008, 0x1115)])
        // Two items: 8 + 10 bytes, and 8 + 10 + 8 (delimiter) bytes.
        #expect(defined.lengthInFile == 44)
        let items = try #require(defined.items)
        #expect(items.map(\.lengthInFile) == [10, DataElement.undefinedLength])
        #expect(items[0][.patientID]?.lengthInFile == 2)
        let undefined = try #require(file.dataSet[Tag(0x0008, 0x1140)])
        #expect(undefined.lengthInFile == DataElement.undefinedLength)
        #expect(undefined.items?.first?.lengthInFile == 10)
        #expect(file.dataSet.lengthInFile == nil)
    }

    @Test("encapsulated pixel data has an undefined length; implicit VR lengths are read too")
    func encapsulatedAndImplicit() throws {
        let pixels = B.encapsulatedPixelData(offsetTable: [], fragments: [[1, 2, 3, 4]])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: pixels))
        #expect(file.dataSet[.pixelData]?.lengthInFile == DataElement.undefinedLength)

        let implicit =
            B.implicit(.modality, B.text("CT")) + B.implicitSequence(Tag(0x0008, 0x1115), items: [B.item([])])
        let implicitFile = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: implicit))
        #expect(implicitFile.dataSet[.modality]?.lengthInFile == 2)
        #expect(implicitFile.dataSet[Tag(0x0008, 0x1115)]?.lengthInFile == 8)
        #expect(implicitFile.dataSet[Tag(0x0008, 0x1115)]?.items?.first?.lengthInFile == 0)
    }

    @Test("the length is not part of equality, and elements built in code have none")
    func notCompared() throws {
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: Self.dataSet))
        let built = DataElement(tag: .modality, vr: .CS, bytes: B.text("OT"))
        #expect(built.lengthInFile == nil)
        #expect(file.dataSet[.modality] == built)
        let rebuilt = DataSet(Array(file.dataSet))
        #expect(rebuilt == file.dataSet)
    }

    @Test("a Specific Character Set after a sequence keeps the item lengths")
    func characterSetAfterSequence() throws {
        let inner = B.explicit(.patientName, "PN", B.text("AB"))
        let body =
            B.explicitSequence(Tag(0x0008, 0x0004), items: [B.item(inner, undefined: true)])
            + B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 192"))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        let sequence = try #require(file.dataSet[Tag(0x0008, 0x0004)])
        #expect(sequence.lengthInFile == 26)
        #expect(sequence.items?.first?.lengthInFile == DataElement.undefinedLength)
        #expect(sequence.items?.first?.characterSetTerms == ["ISO_IR 192"])
    }
}
