import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Pixel Data encoded against its transfer syntax")
struct PixelDataEncodingTests {
    static let header =
        B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        + B.explicit(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.9"))

    /// The error reading `dataSet` in `transferSyntax`, and the offset of the data set's byte
    /// `position` in the file.
    private func readError(
        transferSyntax: String, dataSet: [UInt8], position: Int
    ) -> (error: DICOMError?, offset: Int) {
        let bytes = B.file(transferSyntax: transferSyntax, dataSet: dataSet)
        let offset = bytes.count - dataSet.count + position
        do {
            _ = try DICOMFile(bytes: bytes)
            return (nil, offset)
        } catch {
            return (error, offset)
        }
    }

    @Test("Native pixel data (defined length) at the top level of an encapsulated syntax")
    func nativeInEncapsulated() {
        let body = Self.header + B.explicit(.pixelData, "OB", [1, 2, 3, 4])
        let (error, offset) = readError(
            transferSyntax: B.jpegBaseline, dataSet: body, position: Self.header.count
        )
        #expect(error?.code == .invalidPixelData)
        #expect(error?.tag == .pixelData)
        #expect(error?.offset == offset)
    }

    @Test("Encapsulated pixel data (undefined length) in Explicit and Implicit VR Little Endian")
    func encapsulatedInNative() {
        let explicit = Self.header + B.encapsulatedPixelData(offsetTable: [], fragments: [[1, 2]])
        let (explicitError, explicitOffset) = readError(
            transferSyntax: B.explicitLittle, dataSet: explicit, position: Self.header.count
        )
        #expect(explicitError?.code == .invalidPixelData)
        #expect(explicitError?.tag == .pixelData)
        #expect(explicitError?.offset == explicitOffset)

        let implicitHeader =
            B.implicit(.sopClassUID, B.uid("1.2.840.10008.5.1.4.1.1.7"))
            + B.implicit(.sopInstanceUID, B.uid("1.2.826.0.1.3680043.8.498.9"))
        let implicit =
            implicitHeader + B.implicitHeader(.pixelData, length: B.undefinedLength) + B.item([]) + B.item([1, 2])
            + B.sequenceDelimiter
        let (implicitError, implicitOffset) = readError(
            transferSyntax: B.implicitLittle, dataSet: implicit, position: implicitHeader.count
        )
        #expect(implicitError?.code == .invalidPixelData)
        #expect(implicitError?.offset == implicitOffset)

        // Nested in an item of a native syntax: refused as well.
        let nested = B.encapsulatedPixelData(offsetTable: [], fragments: [[1, 2]])
        let icon = Self.header + B.explicitSequence(Tag(0x0088, 0x0200), items: [B.item(nested)])
        let (nestedError, _) = readError(transferSyntax: B.explicitLittle, dataSet: icon, position: 0)
        #expect(nestedError?.code == .invalidPixelData)
    }

    @Test("Pixel data encoded as a sequence")
    func sequence() {
        let body = Self.header + B.explicitSequence(.pixelData, items: [B.item([])])
        let (error, offset) = readError(transferSyntax: B.explicitLittle, dataSet: body, position: Self.header.count)
        #expect(error?.code == .invalidPixelData)
        #expect(error?.offset == offset)
    }

    @Test("Valid encodings still read: encapsulated at the top, native icon inside, native in native")
    func valid() throws {
        let icon = B.explicit(.rows, "US", B.uint16(1)) + B.explicit(.pixelData, "OB", [7, 7])
        let encapsulated =
            Self.header + B.explicitSequence(Tag(0x0088, 0x0200), items: [B.item(icon)])
            + B.encapsulatedPixelData(offsetTable: [], fragments: [[1, 2, 3, 4]])
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: encapsulated))
        #expect(file.dataSet[.pixelData]?.encapsulatedPixelData?.fragments.count == 1)
        #expect(file.dataSet.items(Tag(0x0088, 0x0200))?.first?[.pixelData]?.bytes == [7, 7])
        // A round trip keeps it valid.
        #expect(try DICOMFile(bytes: try file.serialized()).dataSet == file.dataSet)

        let native = Self.header + B.explicit(.pixelData, "OW", [1, 2, 3, 4])
        let nativeFile = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: native))
        #expect(nativeFile.dataSet[.pixelData]?.bytes == [1, 2, 3, 4])
    }
}
