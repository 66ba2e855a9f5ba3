import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

/// Typed errors naming offset and tag, never allocating what a length claims.
@Suite("Hostile input")
struct HostileInputTests {
    static let header = B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))

    /// The error reading `dataSet` in `transferSyntax`, and the file offset of the data set's byte
    /// `position`.
    private func read(
        _ dataSet: [UInt8], transferSyntax: String = PartTenBuilder.explicitLittle, position: Int,
        options: DICOMFile.ReadOptions = .default
    ) -> (error: DICOMError?, offset: Int) {
        let bytes = B.file(transferSyntax: transferSyntax, dataSet: dataSet)
        let offset = bytes.count - dataSet.count + position
        do {
            _ = try DICOMFile(bytes: bytes, options: options)
            return (nil, offset)
        } catch {
            return (error, offset)
        }
    }

    @Test("A length of 0xFFFFFFFF on a VR that cannot be undefined")
    func undefinedLength() {
        let explicit = Self.header + B.explicitHeader(Tag(0x0029, 0x1001), "OB", length: B.undefinedLength) + [1, 2]
        let (error, offset) = read(explicit, position: Self.header.count)
        #expect(error?.code == .invalidLength)
        #expect(error?.tag == Tag(0x0029, 0x1001))
        #expect(error?.offset == offset)

        // Implicit VR: a public attribute whose dictionary VR is not SQ.
        let implicit =
            B.implicit(.sopClassUID, B.uid("1.2")) + B.implicitHeader(.patientName, length: B.undefinedLength)
        let (implicitError, implicitOffset) = read(
            implicit + [1, 2], transferSyntax: B.implicitLittle, position: B.implicit(.sopClassUID, B.uid("1.2")).count)
        #expect(implicitError?.code == .invalidLength)
        #expect(implicitError?.tag == .patientName)
        #expect(implicitError?.offset == implicitOffset)
    }

    @Test("A declared length beyond the end of the data: truncated, whatever the length claims")
    func lengthBeyondEnd() {
        for length: UInt32 in [20, 0x7FFF_FFFF, 0xFFFF_FFFE] {
            let body = Self.header + B.explicitHeader(.pixelData, "OW", length: length) + [1, 2, 3, 4]
            let (error, offset) = read(body, position: Self.header.count)
            #expect(error?.code == .truncated)
            #expect(error?.tag == .pixelData)
            #expect(error?.offset == offset)
        }
        let item = B.tag(.item) + B.uint32(0xFFFF_FF00)
        let sequence = Self.header + B.explicitSequence(Tag(0x0040, 0xA730), items: [item], undefined: true)
        let (error, offset) = read(sequence, position: Self.header.count + 12)
        #expect(error?.code == .truncated)
        #expect(error?.tag == Tag(0x0040, 0xA730))
        #expect(error?.offset == offset)
    }

    @Test("Nesting deeper than the limit, through SQ, undefined-length UN and implicit private sequences")
    func nesting() {
        func nested(_ depth: Int, explicit: Bool) -> [UInt8] {
            var content = explicit ? B.explicit(.codeValue, "SH", B.text("X")) : B.implicit(.codeValue, B.text("X"))
            for level in 0..<depth {
                let item = B.item(content, undefined: true)
                if explicit {
                    content =
                        level % 2 == 0
                        ? B.explicitSequence(Tag(0x0040, 0xA730), items: [item], undefined: true)
                        : B.explicitHeader(Tag(0x0029, 0x1010), "UN", length: B.undefinedLength) + item
                            + B.sequenceDelimiter
                } else {
                    content = B.implicitSequence(Tag(0x0029, 0x1010), items: [item], undefined: true)
                }
            }
            return content
        }
        for explicit in [true, false] {
            let syntax = explicit ? B.explicitLittle : B.implicitLittle
            var options = DICOMFile.ReadOptions.default
            options.maximumNestingDepth = 10
            #expect(
                read(nested(10, explicit: explicit), transferSyntax: syntax, position: 0, options: options).error == nil
            )
            let (error, _) = read(nested(11, explicit: explicit), transferSyntax: syntax, position: 0, options: options)
            #expect(error?.code == .nestingTooDeep)
            #expect(error?.tag != nil)
        }
    }

    @Test("SV or UV written with a 2-byte length")
    func shortLengthVeryLong() {
        for vr in ["SV", "UV"] {
            let element = B.tag(Tag(0x0072, 0x0082)) + Array(vr.utf8) + B.uint16(8) + [1, 2, 3, 4, 5, 6, 7, 8]
            let body = Self.header + element
            let (error, offset) = read(body, position: Self.header.count)
            #expect(error?.code == .invalidLength)
            #expect(error?.tag == Tag(0x0072, 0x0082))
            #expect(error?.offset == offset)
        }
        // With the 4-byte length it is read.
        let conformant = Self.header + B.explicit(Tag(0x0072, 0x0082), "SV", [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(read(conformant, position: 0).error == nil)
    }

    @Test("Megabytes of empty (0000,0000) elements before a last non-zero byte are read in linear time")
    func zeroHeaders() throws {
        let body =
            B.implicit(.sopClassUID, B.uid("1.2.840.10008.5.1.4.1.1.7")) + [UInt8](repeating: 0, count: 2 << 20) + [1]
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: body))
        // (0000,0000) is kept once; the duplicates are dropped with warnings; the last byte is trailing.
        #expect(file.dataSet.map(\.tag) == [Tag(0x0000, 0x0000), .sopClassUID])
        #expect(file.warnings.count == DICOMFile.ReadOptions.default.maximumWarningCount + 1)
        #expect(file.warnings.last?.code == .warningLimitReached)
    }

    @Test("Random mutations of a big-endian, a deflated and an encapsulated file never trap")
    func mutations() {
        var generator = SplitMix64(seed: 0xBEEF)
        let item = B.item(B.explicit(.codeValue, "SH", B.text("ABCD")), undefined: true)
        let body =
            Self.header + B.explicitSequence(Tag(0x0040, 0xA730), items: [item], undefined: true)
            + B.explicit(.patientName, "PN", B.text("Doe^Jane"))
        let inputs = [
            BigEndianTests.pair().big,
            B.file(transferSyntax: DeflateHelper.uid, dataSet: DeflateHelper.deflate(body)),
            B.file(
                transferSyntax: B.jpegBaseline,
                dataSet: body + B.encapsulatedPixelData(offsetTable: [0, 0, 0, 0], fragments: [[0xFF, 0xD8, 1, 2]])),
            B.meta(transferSyntax: B.implicitLittle) + B.implicit(.sopClassUID, B.uid("1.2")),
        ]
        for input in inputs {
            for _ in 0..<500 {
                var bytes = input
                for _ in 0..<3 {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                }
                _ = try? DICOMFile(bytes: bytes)
                _ = try? DICOMFile(bytes: bytes, options: .strict)
            }
        }
    }
}
