import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Deflated Explicit VR Little Endian")
struct DeflatedTests {
    static let body =
        B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 192"))
        + B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.88.11"))
        + B.explicit(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.6"))
        + B.explicit(.patientName, "PN", B.text("Doe^Jane"))
        + B.explicitSequence(
            Tag(0x0040, 0xA730), items: [B.item(B.explicit(.codeValue, "SH", B.text("121071")), undefined: true)],
            undefined: true)

    /// A deflated file: the meta information as usual, then the raw deflate stream of `dataSet`.
    static func deflatedFile(_ dataSet: [UInt8], trailing: [UInt8] = []) -> [UInt8] {
        B.file(transferSyntax: DeflateHelper.uid, dataSet: DeflateHelper.deflate(dataSet) + trailing)
    }

    static func metaLength() -> Int {
        B.file(transferSyntax: DeflateHelper.uid, dataSet: []).count
    }

    @Test("A deflated data set reads as the same data set as its plain twin")
    func sameAsPlain() throws {
        let deflated = try DICOMFile(bytes: Self.deflatedFile(Self.body))
        let plain = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: Self.body))
        #expect(deflated.transferSyntax == .deflatedExplicitVRLittleEndian)
        #expect(deflated.warnings == [])
        #expect(deflated.dataSet == plain.dataSet)
        #expect(deflated.dataSet.string(.patientName) == "Doe^Jane")
        #expect(deflated.dataSet.characterSetTerms == ["ISO_IR 192"])
        #expect(deflated.fileMetaInformation.string(.transferSyntaxUID) == DeflateHelper.uid)
    }

    @Test("Stored (uncompressed) deflate blocks, and an odd stream padded with one NUL")
    func storedBlocks() throws {
        // One final stored block: 0x01, LEN, NLEN, bytes.
        let length = UInt16(Self.body.count)
        let stored = [0x01] + B.uint16(length) + B.uint16(~length) + Self.body
        var bytes = B.file(transferSyntax: DeflateHelper.uid, dataSet: stored)
        if stored.count % 2 == 1 {
            bytes.append(0)
        }
        let file = try DICOMFile(bytes: bytes)
        #expect(file.warnings == [])
        #expect(file.dataSet.string(.patientName) == "Doe^Jane")
    }

    @Test("The writer writes a deflated file uncompressed, as Explicit VR Little Endian")
    func writtenPlain() throws {
        let deflated = try DICOMFile(bytes: Self.deflatedFile(Self.body))
        #expect(DICOMWriter.outputTransferSyntax(for: deflated) == .explicitVRLittleEndian)
        let reread = try DICOMFile(bytes: try deflated.serialized())
        #expect(reread.transferSyntax == .explicitVRLittleEndian)
        #expect(reread.dataSet == deflated.dataSet)
    }

    @Test("Offsets past the meta information count bytes of the inflated data set")
    func errorOffsets() throws {
        let cut = Self.body + B.explicitHeader(Tag(0x0040, 0xA731), "UT", length: 1_000) + [1, 2]
        #expect(throws: DICOMError(.truncated, message: "")) { try DICOMFile(bytes: Self.deflatedFile(cut)) }
        do {
            _ = try DICOMFile(bytes: Self.deflatedFile(cut))
        } catch {
            #expect(error.offset == Self.metaLength() + Self.body.count)
            #expect(error.tag == Tag(0x0040, 0xA731))
        }
    }

    @Test("Bytes after the deflate stream are a warning (an error in strict reading)")
    func trailing() throws {
        let bytes = Self.deflatedFile(Self.body, trailing: [0xAB, 0xCD, 0xEF])
        let file = try DICOMFile(bytes: bytes)
        #expect(file.warnings.map(\.code) == [.trailingBytes])
        #expect(file.warnings.first?.offset == bytes.count - 3)
        #expect(throws: DICOMError(.unexpectedData, message: "")) { try DICOMFile(bytes: bytes, options: .strict) }
    }

    @Test("Invalid or cut-off deflate data is invalidDeflatedData")
    func invalid() {
        let garbage = B.file(transferSyntax: DeflateHelper.uid, dataSet: [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x11])
        #expect(throws: DICOMError(.invalidDeflatedData, message: "")) { try DICOMFile(bytes: garbage) }
        let stream = DeflateHelper.deflate(Self.body)
        let cut = B.file(transferSyntax: DeflateHelper.uid, dataSet: Array(stream.prefix(stream.count / 2)))
        #expect(throws: DICOMError(.invalidDeflatedData, message: "")) { try DICOMFile(bytes: cut) }
    }

    @Test("A deflated data set inflating past maximumInflatedSize is refused")
    func sizeLimit() {
        let big = Self.body + B.explicit(Tag(0x0029, 0x1010), "OB", [UInt8](repeating: 7, count: 300_000))
        let bytes = Self.deflatedFile(big)
        var options = DICOMFile.ReadOptions.default
        options.maximumInflatedSize = 100_000
        #expect(throws: DICOMError(.inflatedTooLarge, message: "")) { try DICOMFile(bytes: bytes, options: options) }
        options.maximumInflatedSize = 400_000
        #expect((try? DICOMFile(bytes: bytes, options: options)) != nil)
    }

    @Test("A decompression bomb (ratio over maximumInflationRatio) is refused; small data sets are not checked")
    func ratioLimit() throws {
        let zeros = Self.body + B.explicit(Tag(0x0029, 0x1010), "OB", [UInt8](repeating: 0, count: 4 << 20))
        let bytes = Self.deflatedFile(zeros)
        #expect(bytes.count < 5_000)  // about 1,000:1, near deflate's maximum
        var options = DICOMFile.ReadOptions.default
        options.maximumInflationRatio = 500
        #expect(throws: DICOMError(.compressionRatioTooHigh, message: "")) {
            try DICOMFile(bytes: bytes, options: options)
        }
        #expect(try DICOMFile(bytes: bytes).dataSet[Tag(0x0029, 0x1010)]?.bytes?.count == 4 << 20)

        // Under 1 MiB inflated the ratio is not checked: tiny data sets compress extremely well.
        let small = Self.body + B.explicit(Tag(0x0029, 0x1010), "OB", [UInt8](repeating: 0, count: 512 << 10))
        options.maximumInflationRatio = 10
        #expect((try? DICOMFile(bytes: Self.deflatedFile(small), options: options)) != nil)
    }
}
