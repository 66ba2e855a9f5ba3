import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("DICOMFile reading of bad input")
struct DICOMFileSafetyTests {
    private func readError(_ bytes: [UInt8], options: DICOMFile.ReadOptions = .default) -> DICOMError? {
        do {
            _ = try DICOMFile(bytes: bytes, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test("Not DICOM: too short, no DICM")
    func notDICOM() {
        #expect(readError([]) == DICOMError(.notDICOM, message: ""))
        #expect(readError([UInt8](repeating: 0, count: 131)) == DICOMError(.notDICOM, message: ""))
        #expect(readError([UInt8](repeating: 0, count: 400))?.offset == 128)
    }

    @Test("Transfer syntax missing, unknown or unsupported")
    func transferSyntaxes() {
        #expect(readError(B.file(transferSyntax: nil, dataSet: [])) == DICOMError(.missingTransferSyntax, message: ""))
        for uid in ["1.2.840.10008.1.2.6.1", "1.2.840.10008.1.2.6.2", "1.2.3.4.5.6"] {
            let error = readError(B.file(transferSyntax: uid, dataSet: []))
            #expect(error == DICOMError(.unsupportedTransferSyntax, message: ""))
            #expect(error?.tag == .transferSyntaxUID)
        }
    }

    @Test("A length of 4 GB in a small file is a truncated error naming tag and offset")
    func hugeLength() throws {
        let body = B.explicitHeader(Tag(0x0009, 0x1001), "OB", length: 0xFFFF_FFF0) + [1, 2, 3, 4]
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: body)
        let error = try #require(readError(bytes))
        #expect(error.code == .truncated)
        #expect(error.tag == Tag(0x0009, 0x1001))
        #expect(error.offset == bytes.count - body.count)
        #expect(error.description.contains("(0009,1001)"))
        #expect(error.description.contains("offset \(bytes.count - body.count)"))
    }

    @Test("Every cut inside an element, item or sequence is a truncated error, except trailing header bytes")
    func everyCut() throws {
        let inner = B.item(B.explicit(.codeValue, "SH", B.text("SECRET")), undefined: true)
        var body = B.explicit(.studyDate, "DA", B.text("20240229"))
        body += B.explicitSequence(
            Tag(0x0008, 0x1115), items: [inner, B.item(B.explicit(.modality, "CS", B.text("CT")))])
        let secondStart = body.count
        body += B.explicitSequence(Tag(0x0008, 0x1140), items: [inner], undefined: true)
        let pixelStart = body.count
        body += B.encapsulatedPixelData(offsetTable: [], fragments: [[1, 2, 3, 4]])
        let bytes = B.file(transferSyntax: B.jpegBaseline, dataSet: body)
        let dataSetStart = bytes.count - body.count
        // Cutting between top-level elements leaves a shorter but complete data set; cutting fewer
        // than 8 bytes into a top-level element header leaves trailing bytes (a warning, like pydicom);
        // cutting the pixel data right after an item (before the next or the delimiter) keeps its
        // fragments (a warning).
        let boundaries = Set([0, 16, secondStart, pixelStart].map { dataSetStart + $0 })
        let headerStubs = Set(boundaries.flatMap { boundary in (boundary + 1)...(boundary + 7) })
        let delimiterCuts: Set = [bytes.count - 8, dataSetStart + pixelStart + 12 + 8]
        #expect((try? DICOMFile(bytes: bytes))?.warnings == [])
        for cut in dataSetStart..<bytes.count where !boundaries.contains(cut) {
            let input = Array(bytes[..<cut])
            if headerStubs.contains(cut) || delimiterCuts.contains(cut) {
                let file = try DICOMFile(bytes: input)
                let expected: DICOMWarning.Code =
                    headerStubs.contains(cut) ? .trailingBytes : .missingPixelDataDelimiter
                #expect(file.warnings.map(\.code) == [expected], "cut at \(cut)")
                let warnedAt = headerStubs.contains(cut) ? boundaries.filter { $0 < cut }.max() : cut
                #expect(file.warnings.first?.offset == warnedAt, "cut at \(cut)")
                let strictCode: DICOMError.Code = headerStubs.contains(cut) ? .unexpectedData : .truncated
                #expect(readError(input, options: .strict)?.code == strictCode, "cut at \(cut)")
            } else {
                #expect(readError(input)?.code == .truncated, "cut at \(cut)")
            }
        }
    }

    @Test("A length past the end of its item is invalidLength")
    func lengthPastItem() {
        let element = B.explicitHeader(.codeValue, "SH", length: 200) + B.text("AB")
        let body =
            B.explicitSequence(Tag(0x0008, 0x1115), items: [B.item(element)]) + [UInt8](repeating: 0x20, count: 300)
        let error = readError(B.file(transferSyntax: B.explicitLittle, dataSet: body))
        #expect(error?.code == .invalidLength)
        #expect(error?.tag == .codeValue)
    }

    @Test("Nesting depth is capped")
    func nesting() throws {
        func nested(_ depth: Int) -> [UInt8] {
            var content = B.explicit(.codeValue, "SH", B.text("X"))
            for _ in 0..<depth {
                content = B.explicitSequence(
                    Tag(0x0040, 0xA730), items: [B.item(content, undefined: true)], undefined: true)
            }
            return B.file(transferSyntax: B.explicitLittle, dataSet: content)
        }
        #expect(readError(nested(64)) == nil)
        #expect(readError(nested(65)) == DICOMError(.nestingTooDeep, message: ""))
        #expect(readError(nested(1_000)) == DICOMError(.nestingTooDeep, message: ""))
        #expect(
            readError(nested(4), options: .init(maximumNestingDepth: 3)) == DICOMError(.nestingTooDeep, message: ""))
        let huge = DICOMFile.ReadOptions(maximumNestingDepth: 1_000_000)
        #expect(readError(nested(200), options: huge) == DICOMError(.nestingTooDeep, message: ""))
    }

    @Test("Malformed structures: stray items, non-items in sequences, bad fragments, bad VRs")
    func malformed() {
        let strayDelimiter = B.tag(.itemDelimitationItem) + B.uint32(0)
        #expect(readError(B.file(transferSyntax: B.explicitLittle, dataSet: strayDelimiter))?.code == .malformedItem)

        let notItem =
            B.explicitHeader(Tag(0x0008, 0x1115), "SQ", length: B.undefinedLength)
            + B.explicit(.modality, "CS", B.text("CT")) + B.sequenceDelimiter
        #expect(readError(B.file(transferSyntax: B.explicitLittle, dataSet: notItem))?.code == .malformedItem)

        let undefinedFragment =
            B.explicitHeader(.pixelData, "OB", length: B.undefinedLength) + B.item([])
            + B.tag(.item) + B.uint32(B.undefinedLength) + B.sequenceDelimiter
        #expect(readError(B.file(transferSyntax: B.jpegBaseline, dataSet: undefinedFragment))?.code == .malformedItem)

        let noOffsetTable = B.explicitHeader(.pixelData, "OB", length: B.undefinedLength) + B.sequenceDelimiter
        #expect(readError(B.file(transferSyntax: B.jpegBaseline, dataSet: noOffsetTable))?.code == .malformedItem)

        let badVR = B.tag(.modality) + Array("zz".utf8) + B.uint16(2) + B.text("CT")
        let error = readError(B.file(transferSyntax: B.explicitLittle, dataSet: badVR))
        #expect(error?.code == .invalidVR)
        #expect(error?.tag == .modality)

        let undefinedText = B.explicitHeader(.patientName, "UT", length: B.undefinedLength) + B.text("AB")
        #expect(readError(B.file(transferSyntax: B.explicitLittle, dataSet: undefinedText))?.code == .invalidLength)

        let unclosedItem =
            B.explicitSequence(
                Tag(0x0008, 0x1115),
                items: [B.tag(.item) + B.uint32(B.undefinedLength) + B.explicit(.modality, "CS", B.text("CT"))]
            ) + B.explicit(.patientName, "PN", B.text("A"))
        #expect(readError(B.file(transferSyntax: B.explicitLittle, dataSet: unclosedItem))?.code == .malformedItem)
    }

    @Test("Duplicate tags: the first is kept with a warning; strict reading refuses them")
    func duplicates() throws {
        let body =
            B.explicit(.modality, "CS", B.text("CT")) + B.explicit(.patientName, "PN", B.text("A"))
            + B.explicit(.modality, "CS", B.text("MR"))
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: body)
        let file = try DICOMFile(bytes: bytes)
        #expect(file.dataSet.string(.modality) == "CT")
        #expect(file.dataSet.map(\.tag) == [.modality, .patientName])
        #expect(file.warnings.map(\.code) == [.duplicateElement])
        #expect(file.warnings.first?.tag == .modality)
        #expect(file.warnings.first?.offset == bytes.count - 10)
        let error = readError(bytes, options: .strict)
        #expect(error?.code == .duplicateElement)
        #expect(error?.tag == .modality)
        #expect(error?.offset == bytes.count - 10)
    }

    @Test("Errors never show values")
    func noValuesInErrors() throws {
        let body =
            B.explicit(.patientName, "PN", B.text("Secret^Name")) + B.explicitHeader(.patientID, "LO", length: 40)
            + B.text("ID-SECRET")
        let error = try #require(readError(B.file(transferSyntax: B.explicitLittle, dataSet: body)))
        #expect(!error.description.contains("Secret"))
        #expect(!error.description.contains("SECRET"))
        #expect(error.tag == .patientID)
    }

    @Test("Random garbage never traps")
    func garbage() {
        var generator = SplitMix64(seed: 0x1234_5678)
        let valid = B.file(
            transferSyntax: B.explicitLittle,
            dataSet: B.explicitSequence(
                Tag(0x0008, 0x1115), items: [B.item(B.explicit(.codeValue, "SH", B.text("ABCD")), undefined: true)],
                undefined: true
            ) + B.explicit(.patientName, "PN", B.text("Doe^Jane"))
        )
        for _ in 0..<2_000 {
            var bytes = valid
            for _ in 0..<4 {
                let index = 132 + Int(generator.next() % UInt64(bytes.count - 132))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = readError(bytes)
        }
    }
}

/// A small deterministic generator for mutation tests.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
