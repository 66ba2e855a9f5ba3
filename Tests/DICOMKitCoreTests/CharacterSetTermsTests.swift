import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("DataSet.characterSetTerms as read")
struct CharacterSetTermsTests {
    @Test("Each data set has its own Specific Character Set terms, else those of the enclosing data set")
    func inherited() throws {
        let deepest = B.item(B.explicit(.codeValue, "SH", B.text("A")))
        let ownItem =
            B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 192"))
            + B.explicitSequence(Tag(0x0040, 0xA730), items: [deepest])
        let plainItem = B.explicitSequence(Tag(0x0040, 0xA730), items: [deepest])
        let body =
            B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 100"))
            + B.explicitSequence(Tag(0x0040, 0xA730), items: [B.item(ownItem), B.item(plainItem, undefined: true)])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        #expect(file.dataSet.characterSetTerms == ["ISO_IR 100"])
        #expect(file.fileMetaInformation.characterSetTerms == [])
        let items = try #require(file.dataSet.items(Tag(0x0040, 0xA730)))
        #expect(items[0].characterSetTerms == ["ISO_IR 192"])
        #expect(items[0].items(Tag(0x0040, 0xA730))?.first?.characterSetTerms == ["ISO_IR 192"])
        #expect(items[1].characterSetTerms == ["ISO_IR 100"])
        #expect(items[1].items(Tag(0x0040, 0xA730))?.first?.characterSetTerms == ["ISO_IR 100"])
    }

    @Test(
        "Terms split at backslashes, padding trimmed; an empty first value is the default repertoire",
        arguments: [
            ("ISO_IR 100", ["ISO_IR 100"]),
            (" ISO_IR 192 ", ["ISO_IR 192"]),
            ("\\ISO 2022 IR 87", ["", "ISO 2022 IR 87"]),
            ("ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", ["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"]),
            ("", []),
            ("  ", []),
            ("\\", []),
        ]
    )
    func terms(value: String, expected: [String]) throws {
        let body = B.explicit(.specificCharacterSet, "CS", B.text(value)) + B.explicit(.modality, "CS", B.text("CT"))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        #expect(file.dataSet.characterSetTerms == expected)
    }

    @Test("No Specific Character Set: the default repertoire everywhere; implicit VR files too")
    func absent() throws {
        let body = B.implicitSequence(Tag(0x0040, 0xA730), items: [B.item(B.implicit(.codeValue, B.text("A")))])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: body))
        #expect(file.dataSet.characterSetTerms == [])
        #expect(file.dataSet.items(Tag(0x0040, 0xA730))?.first?.characterSetTerms == [])
        let withTerms = B.implicit(.specificCharacterSet, B.text("GB18030")) + body
        let implicitFile = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: withTerms))
        #expect(implicitFile.dataSet.items(Tag(0x0040, 0xA730))?.first?.characterSetTerms == ["GB18030"])
    }

    @Test("A Specific Character Set read after a sequence (out of order) still reaches the sequence's items")
    func afterSequence() throws {
        let nested = B.explicitSequence(Tag(0x0040, 0xA730), items: [B.item(B.explicit(.codeValue, "SH", B.text("B")))])
        let withOwn = B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 144")) + nested
        let body =
            B.explicitSequence(Tag(0x0008, 0x1115), items: [B.item(nested), B.item(withOwn)])
            + B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 101"))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        #expect(file.warnings.map(\.code) == [.elementsOutOfOrder])
        let items = try #require(file.dataSet.items(Tag(0x0008, 0x1115)))
        #expect(items[0].characterSetTerms == ["ISO_IR 101"])
        #expect(items[0].items(Tag(0x0040, 0xA730))?.first?.characterSetTerms == ["ISO_IR 101"])
        #expect(items[1].characterSetTerms == ["ISO_IR 144"])
        #expect(items[1].items(Tag(0x0040, 0xA730))?.first?.characterSetTerms == ["ISO_IR 144"])
    }
}
