import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder
private typealias BE = BigEndianBuilder

@Suite("Explicit VR Big Endian")
struct BigEndianTests {
    /// The same data set in Explicit VR Little Endian (`little`) and Big Endian (`big`): binary
    /// values of every swapped VR, text, OB, nested sequences of defined and undefined length, an
    /// explicit UN of a public US attribute, an undefined-length UN (an Implicit VR Little Endian
    /// sequence even in a big-endian file), and OW pixel data.
    static func pair() -> (little: [UInt8], big: [UInt8]) {
        typealias Value = (tag: Tag, vr: String, little: [UInt8], big: [UInt8])
        func f32(_ value: Float) -> UInt32 { value.bitPattern }
        func f64(_ value: Double) -> UInt64 { value.bitPattern }
        func le64(_ value: UInt64) -> [UInt8] {
            B.uint32(UInt32(truncatingIfNeeded: value)) + B.uint32(UInt32(value >> 32))
        }
        func be64(_ value: UInt64) -> [UInt8] {
            BE.uint32(UInt32(value >> 32)) + BE.uint32(UInt32(truncatingIfNeeded: value))
        }
        let values: [Value] = [
            (.specificCharacterSet, "CS", B.text("ISO_IR 100"), B.text("ISO_IR 100")),
            (.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"), B.uid("1.2.840.10008.5.1.4.1.1.7")),
            (.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.5"), B.uid("1.2.826.0.1.3680043.8.498.5")),
            (Tag(0x0018, 0x1310), "US", B.uint16(1) + B.uint16(0x0203), BE.uint16(1) + BE.uint16(0x0203)),
            (Tag(0x0018, 0x6020), "SL", B.uint32(0xFFFF_FFFE), BE.uint32(0xFFFF_FFFE)),
            (Tag(0x0018, 0x9219), "SS", B.uint16(0xFF80), BE.uint16(0xFF80)),
            (Tag(0x0020, 0x9165), "AT", B.tag(.patientName), BE.tag(.patientName)),
            (.rows, "US", B.uint16(2), BE.uint16(2)),
            (.columns, "US", B.uint16(2), BE.uint16(2)),
            (Tag(0x0028, 0x0030), "DS", B.text("0.5\\0.5"), B.text("0.5\\0.5")),
            (.bitsAllocated, "US", B.uint16(16), BE.uint16(16)),
            (Tag(0x0028, 0x1052), "DS", B.text("-1024"), B.text("-1024")),
            (Tag(0x0040, 0x9212), "FD", le64(f64(2.5)), be64(f64(2.5))),
            (Tag(0x0040, 0x9224), "FD", le64(f64(-0.25)), be64(f64(-0.25))),
            (Tag(0x0072, 0x0076), "FL", B.uint32(f32(1.5)), BE.uint32(f32(1.5))),
            (Tag(0x0072, 0x0082), "SV", le64(UInt64(bitPattern: -7)), be64(UInt64(bitPattern: -7))),
            (Tag(0x0072, 0x0083), "UV", le64(0x0102_0304_0506_0708), be64(0x0102_0304_0506_0708)),
            (Tag(0x0066, 0x0016), "OF", B.uint32(f32(3)) + B.uint32(f32(4)), BE.uint32(f32(3)) + BE.uint32(f32(4))),
            (Tag(0x0066, 0x0040), "OL", B.uint32(7), BE.uint32(7)),
        ]
        var parts: [(tag: Tag, little: [UInt8], big: [UInt8])] = values.map {
            ($0.tag, B.explicit($0.tag, $0.vr, $0.little), BE.explicit($0.tag, $0.vr, $0.big))
        }
        // A sequence of defined length holding one of undefined length.
        let code = B.text("T-1")
        let innerLittle = B.explicit(.codeValue, "SH", code) + B.explicit(Tag(0x0040, 0xA30A), "DS", B.text("1"))
        let innerBig = BE.explicit(.codeValue, "SH", code) + BE.explicit(Tag(0x0040, 0xA30A), "DS", B.text("1"))
        let nestedLittle = B.explicitSequence(
            Tag(0x0008, 0x1199), items: [B.item(innerLittle, undefined: true)], undefined: true)
        let nestedBig = BE.explicitSequence(
            Tag(0x0008, 0x1199), items: [BE.item(innerBig, undefined: true)], undefined: true)
        parts.append(
            (
                Tag(0x0040, 0xA730),
                B.explicitSequence(
                    Tag(0x0040, 0xA730),
                    items: [B.item(nestedLittle + B.explicit(Tag(0x0040, 0xA0B0), "US", B.uint16(258)))]
                ),
                BE.explicitSequence(
                    Tag(0x0040, 0xA730),
                    items: [BE.item(nestedBig + BE.explicit(Tag(0x0040, 0xA0B0), "US", BE.uint16(258)))]
                )
            )
        )
        // Largest Image Pixel Value (0028,0107) sent as UN: the dictionary's US, swapped.
        parts.append(
            (
                Tag(0x0028, 0x0107), B.explicit(Tag(0x0028, 0x0107), "UN", B.uint16(0x0A0B)),
                BE.explicit(Tag(0x0028, 0x0107), "UN", BE.uint16(0x0A0B))
            )
        )
        // A private creator and an undefined-length UN: its items and delimiters are Implicit VR Little
        // Endian (PS3.5 6.2.2), as dcmtk reads them.
        let unItem = B.item(B.implicit(Tag(0x0029, 0x1001), B.uint16(5)), undefined: true)
        parts.append(
            (
                Tag(0x0029, 0x0010), B.explicit(Tag(0x0029, 0x0010), "LO", B.text("ACME")),
                BE.explicit(Tag(0x0029, 0x0010), "LO", B.text("ACME"))
            )
        )
        parts.append(
            (
                Tag(0x0029, 0x1010),
                B.explicitHeader(Tag(0x0029, 0x1010), "UN", length: B.undefinedLength) + unItem + B.sequenceDelimiter,
                BE.explicitHeader(Tag(0x0029, 0x1010), "UN", length: BE.undefinedLength) + unItem + B.sequenceDelimiter
            )
        )
        parts.append(
            (
                Tag(0x0029, 0x1020), B.explicit(Tag(0x0029, 0x1020), "OB", [1, 2, 3, 4]),
                BE.explicit(Tag(0x0029, 0x1020), "OB", [1, 2, 3, 4])
            )
        )
        // OW pixel data, swapped by 16-bit words.
        parts.append(
            (
                .pixelData,
                B.explicit(.pixelData, "OW", B.uint16(0x0102) + B.uint16(0x0304) + B.uint16(0xFFFE) + B.uint16(0)),
                BE.explicit(.pixelData, "OW", BE.uint16(0x0102) + BE.uint16(0x0304) + BE.uint16(0xFFFE) + BE.uint16(0))
            )
        )
        parts.sort { $0.tag < $1.tag }
        let little = parts.flatMap(\.little)
        let big = parts.flatMap(\.big)
        return (B.file(transferSyntax: B.explicitLittle, dataSet: little), B.file(transferSyntax: BE.uid, dataSet: big))
    }

    @Test("A big-endian file reads as the same data set as its little-endian twin: values swapped to little endian")
    func sameAsLittleEndian() throws {
        let (littleBytes, bigBytes) = Self.pair()
        let little = try DICOMFile(bytes: littleBytes)
        let big = try DICOMFile(bytes: bigBytes)
        #expect(big.transferSyntax == .explicitVRBigEndian)
        #expect(big.warnings == [])
        #expect(big.dataSet == little.dataSet)
        #expect(big.dataSet.uint16(.rows) == 2)
        #expect(big.dataSet[Tag(0x0020, 0x9165)]?.bytes.map(Array.init) == B.tag(.patientName))
        #expect(big.dataSet[Tag(0x0028, 0x0107)]?.vr == .US)
        #expect(big.dataSet[Tag(0x0028, 0x0107)]?.uint16 == 0x0A0B)
        #expect(big.dataSet.double(Tag(0x0040, 0x9212)) == 2.5)
        #expect(big.dataSet.int(Tag(0x0072, 0x0082)) == -7)
        let nested = try #require(big.dataSet.items(Tag(0x0040, 0xA730))?.first)
        #expect(nested.uint16(Tag(0x0040, 0xA0B0)) == 258)
        #expect(nested.items(Tag(0x0008, 0x1199))?.first?.string(.codeValue) == "T-1")
        let unItems = try #require(big.dataSet.items(Tag(0x0029, 0x1010)))
        #expect(unItems.first?[Tag(0x0029, 0x1001)]?.bytes.map(Array.init) == B.uint16(5))
        #expect(big.dataSet[.pixelData]?.bytes.map(Array.init) == [2, 1, 4, 3, 0xFE, 0xFF, 0, 0])
        #expect(big.dataSet[Tag(0x0029, 0x1020)]?.bytes.map(Array.init) == [1, 2, 3, 4])
    }

    @Test("Only swapped values are copied: text and OB values are slices of the input")
    func slices() throws {
        let bytes = Self.pair().big
        let file = try DICOMFile(bytes: bytes)
        let text = try #require(file.dataSet[.sopClassUID]?.bytes)
        #expect(text.startIndex > 132 && Array(bytes[text.indices]) == Array(text))
        let swapped = try #require(file.dataSet[.rows]?.bytes)
        #expect(swapped.startIndex == 0)
    }

    @Test("A value whose length is not a multiple of its unit keeps its last partial unit as it is")
    func partialUnit() throws {
        let body = BE.explicit(Tag(0x0018, 0x1310), "US", [0x01, 0x02, 0x03])
        let file = try DICOMFile(bytes: B.file(transferSyntax: BE.uid, dataSet: body))
        #expect(file.dataSet[Tag(0x0018, 0x1310)]?.bytes.map(Array.init) == [0x02, 0x01, 0x03])
        #expect(file.warnings.map(\.code) == [.oddLength])
    }

    @Test("The writer writes a big-endian file as the equivalent Explicit VR Little Endian file")
    func writtenLittleEndian() throws {
        let (littleBytes, bigBytes) = Self.pair()
        let big = try DICOMFile(bytes: bigBytes)
        let output = try big.serialized()
        #expect(DICOMWriter.outputTransferSyntax(for: big) == .explicitVRLittleEndian)
        #expect(output == (try DICOMFile(bytes: littleBytes).serialized()))
        let reread = try DICOMFile(bytes: output)
        #expect(reread.transferSyntax == .explicitVRLittleEndian)
        #expect(reread.dataSet == big.dataSet)
    }

    @Test("Big-endian lengths are checked like little-endian ones")
    func hostileLengths() {
        let body = BE.explicitHeader(Tag(0x0029, 0x1020), "OB", length: 0xFFFF_FF00) + [1, 2]
        let bytes = B.file(transferSyntax: BE.uid, dataSet: body)
        #expect(throws: DICOMError(.truncated, message: "")) { try DICOMFile(bytes: bytes) }
        let item = BE.tag(.item) + BE.uint32(0x7FFF_FFFF)
        let sequence = BE.explicitSequence(Tag(0x0040, 0xA730), items: [item], undefined: true)
        #expect(throws: DICOMError(.truncated, message: "")) {
            try DICOMFile(bytes: B.file(transferSyntax: BE.uid, dataSet: sequence))
        }
    }
}
