import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("ReadOptions.maximumElementCount")
struct ElementCountLimitTests {
    /// Data elements, items and fragments in `dataSet`, at every level, as the reader counts them
    /// (the basic offset table is an item too).
    static func count(_ dataSet: DataSet) -> Int {
        dataSet.reduce(0) { total, element in
            switch element.value {
            case .bytes: total + 1
            case .sequence(let items): total + 1 + items.count + items.map(count).reduce(0, +)
            case .encapsulated(let pixelData): total + 2 + pixelData.fragments.count
            }
        }
    }

    /// A file with nested items of defined and undefined length and encapsulated pixel data whose
    /// last fragment is `[9, 9]`, the last thing in the file but the sequence delimiter.
    static let file: [UInt8] = {
        let inner = B.explicit(.codeValue, "SH", B.text("A1"))
        let items = (0..<10).map { index in
            B.item(inner + B.explicitSequence(Tag(0x0040, 0xA730), items: [B.item(inner)]), undefined: index % 2 == 0)
        }
        let body =
            B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
            + B.explicit(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.5"))
            + B.explicitSequence(Tag(0x0008, 0x1115), items: items, undefined: true)
            + B.encapsulatedPixelData(offsetTable: [], fragments: [[1, 2], [3, 4], [9, 9]])
        return B.file(transferSyntax: B.jpegBaseline, dataSet: body)
    }()

    @Test("At the limit the file reads; one below, tooManyElements names the offset of the first one too many")
    func exactLimit() throws {
        let file = try DICOMFile(bytes: Self.file)
        let total = Self.count(file.fileMetaInformation) + Self.count(file.dataSet)
        #expect(total == 6 + 2 + 1 + 10 * 5 + 5)
        #expect(try DICOMFile(bytes: Self.file, options: .init(maximumElementCount: total)) == file)
        do {
            _ = try DICOMFile(bytes: Self.file, options: .init(maximumElementCount: total - 1))
            Issue.record("read with one element over the limit")
        } catch {
            #expect(error.code == .tooManyElements)
            #expect(error.tag == .pixelData)
            #expect(error.offset == Self.file.count - 8 - 10)  // the last fragment's item header
            #expect(error.description.contains("tooManyElements"))
        }
    }

    @Test("Every kind counts: meta and data set elements, items, fragments", arguments: [1, 7, 20, 40, 55, 60])
    func everyKindCounts(limit: Int) {
        #expect(throws: DICOMError(.tooManyElements, message: "")) {
            try DICOMFile(bytes: Self.file, options: .init(maximumElementCount: limit))
        }
    }

    @Test("The default is 1,000,000; a file of 1,000,001 empty items is refused with the default options")
    func defaultLimit() throws {
        #expect(DICOMFile.ReadOptions().maximumElementCount == 1_000_000)
        #expect(DICOMFile.ReadOptions.default.maximumElementCount == 1_000_000)
        let emptyItem = B.item([])
        let sopClass = B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        var body = sopClass
        body += B.explicitHeader(Tag(0x0008, 0x1115), "SQ", length: B.undefinedLength)
        body.reserveCapacity(body.count + 1_000_001 * 8 + 8)
        for _ in 0..<1_000_001 {
            body += emptyItem
        }
        body += B.sequenceDelimiter
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: body)
        let error = #expect(throws: DICOMError(.tooManyElements, message: "")) {
            try DICOMFile(bytes: bytes)
        }
        #expect(error?.tag == Tag(0x0008, 0x1115))
        // 6 meta elements, 2 data set elements, then items: the one over the limit is item 999,993.
        let sequenceStart = bytes.count - body.count + sopClass.count
        #expect(error?.offset == sequenceStart + 12 + 999_992 * 8)
        // A limit the file fits reads it.
        let file = try DICOMFile(bytes: bytes, options: .init(maximumElementCount: 1_000_009))
        #expect(file.dataSet.items(Tag(0x0008, 0x1115))?.count == 1_000_001)
    }

    @Test("A negative limit counts as 0: the first meta element is one too many")
    func negativeLimit() {
        let error = #expect(throws: DICOMError(.tooManyElements, message: "")) {
            try DICOMFile(bytes: Self.file, options: .init(maximumElementCount: -5))
        }
        #expect(error?.offset == 132)
    }
}
