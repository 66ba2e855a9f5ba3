import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

/// The deviations of real files that the reader reads past, each with a warning, and refuses in
/// strict reading.
@Suite("Real-world files")
struct RealWorldFileTests {
    static let header =
        B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        + B.explicit(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.8"))
    static let implicitHeader =
        B.implicit(.sopClassUID, B.uid("1.2.840.10008.5.1.4.1.1.7"))
        + B.implicit(.sopInstanceUID, B.uid("1.2.826.0.1.3680043.8.498.8"))

    private func strictError(_ bytes: [UInt8]) -> DICOMError? {
        do {
            _ = try DICOMFile(bytes: bytes, options: .strict)
            return nil
        } catch {
            return error
        }
    }

    @Test("No preamble and no DICM: the file starts with its file meta information (or with DICM)")
    func noPreamble() throws {
        let body = Self.header + B.explicit(.modality, "CS", B.text("MR"))
        let withMeta = B.meta(transferSyntax: B.explicitLittle) + body
        let file = try DICOMFile(bytes: withMeta)
        #expect(file.transferSyntax == .explicitVRLittleEndian)
        #expect(file.fileMetaInformation.string(.transferSyntaxUID) == B.explicitLittle)
        #expect(file.dataSet.string(.modality) == "MR")
        #expect(file.warnings.map(\.code) == [.noPreamble])
        #expect(file.warnings.first?.offset == 0)
        #expect(strictError(withMeta)?.code == .notDICOM)

        let startingWithDICM = Array("DICM".utf8) + B.meta(transferSyntax: B.implicitLittle) + Self.implicitHeader
        let second = try DICOMFile(bytes: startingWithDICM)
        #expect(second.transferSyntax == .implicitVRLittleEndian)
        #expect(second.dataSet.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.7")
        #expect(second.warnings.map(\.code) == [.noPreamble])
    }

    @Test(
        "No file meta information at all: implicit or explicit VR, little or big endian, told from the first element",
        arguments: [
            (PartTenBuilder.implicit(.specificCharacterSet, PartTenBuilder.text("ISO_IR 100")), "1.2.840.10008.1.2"),
            (
                PartTenBuilder.explicit(.specificCharacterSet, "CS", PartTenBuilder.text("ISO_IR 100")),
                "1.2.840.10008.1.2.1"
            ),
            (
                BigEndianBuilder.explicit(.specificCharacterSet, "CS", PartTenBuilder.text("ISO_IR 100")),
                "1.2.840.10008.1.2.2"
            ),
        ]
    )
    func noFileMetaInformation(first: [UInt8], uid: String) throws {
        let rest: [UInt8] =
            switch uid {
            case "1.2.840.10008.1.2": B.implicit(.modality, B.text("CT"))
            case "1.2.840.10008.1.2.1": B.explicit(.modality, "CS", B.text("CT"))
            default:
                BigEndianBuilder.explicit(.modality, "CS", B.text("CT"))
                    + BigEndianBuilder.explicit(.rows, "US", BigEndianBuilder.uint16(300))
            }
        let file = try DICOMFile(bytes: first + rest)
        #expect(file.transferSyntax.uid == uid)
        #expect(file.fileMetaInformation.isEmpty)
        #expect(file.dataSet.string(.modality) == "CT")
        #expect(file.dataSet.characterSetTerms == ["ISO_IR 100"])
        #expect(file.warnings.map(\.code) == [.noFileMetaInformation])
        if uid == "1.2.840.10008.1.2.2" {
            #expect(file.dataSet.uint16(.rows) == 300)
        }
        #expect(strictError(first + rest)?.code == .notDICOM)
    }

    @Test("Input that starts with no plausible data element is not DICOM")
    func notDICOM() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 200)
        let text = Array("hello, this is not a DICOM file at all".utf8)
        let oddGroup = B.explicit(Tag(0x0009, 0x0010), "LO", B.text("ACME"))
        let hugeImplicit = B.implicitHeader(.modality, length: 1_000) + B.text("CT")
        for input in [png, text, oddGroup, hugeImplicit, [UInt8](repeating: 0, count: 300)] {
            #expect(throws: DICOMError(.notDICOM, message: "")) { try DICOMFile(bytes: input) }
        }
    }

    @Test("The file meta information lacks (0002,0000)")
    func missingGroupLength() throws {
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: Self.header, withGroupLength: false)
        let file = try DICOMFile(bytes: bytes)
        #expect(file.fileMetaInformation[.fileMetaInformationGroupLength] == nil)
        #expect(file.warnings.map(\.code) == [.missingGroupLength])
        #expect(file.warnings.first?.offset == 132)
        #expect(file.warnings.first?.tag == .fileMetaInformationGroupLength)
        #expect(strictError(bytes)?.code == .invalidFileMetaInformation)
    }

    @Test("A wrong group length: every group 0002 element is read regardless", arguments: [UInt32(10), 400])
    func wrongGroupLength(declared: UInt32) throws {
        let meta = B.meta(transferSyntax: B.explicitLittle, withGroupLength: false)
        let bytes =
            [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + B.explicit(.fileMetaInformationGroupLength, "UL", B.uint32(declared)) + meta + Self.header
        let file = try DICOMFile(bytes: bytes)
        #expect(file.fileMetaInformation.string(.implementationClassUID) == "1.2.3.4")
        #expect(file.dataSet.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.7")
        #expect(file.warnings.map(\.code) == [.wrongGroupLength])
        #expect(strictError(bytes)?.code == .invalidFileMetaInformation)
        let right = B.file(transferSyntax: B.explicitLittle, dataSet: Self.header)
        #expect(try DICOMFile(bytes: right).warnings == [])
    }

    @Test("A transfer syntax UID padded with spaces or several NULs; one NUL is conformant")
    func paddedTransferSyntax() throws {
        func file(_ uidBytes: [UInt8], dataSet: [UInt8]) -> [UInt8] {
            var meta = B.explicit(.fileMetaInformationVersion, "OB", [0, 1])
            meta += B.explicit(.transferSyntaxUID, "UI", uidBytes)
            return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
                + B.explicit(.fileMetaInformationGroupLength, "UL", B.uint32(UInt32(meta.count))) + meta + dataSet
        }
        let space = file(Array("1.2.840.10008.1.2.1 ".utf8), dataSet: Self.header)
        let spaced = try DICOMFile(bytes: space)
        #expect(spaced.transferSyntax == .explicitVRLittleEndian)
        #expect(spaced.warnings.map(\.code) == [.paddedTransferSyntaxUID])
        #expect(strictError(space)?.code == .invalidFileMetaInformation)

        let nuls = file(Array("1.2.840.10008.1.2".utf8) + [0, 0, 0], dataSet: Self.implicitHeader)
        let nulled = try DICOMFile(bytes: nuls)
        #expect(nulled.transferSyntax == .implicitVRLittleEndian)
        #expect(nulled.warnings.map(\.code) == [.paddedTransferSyntaxUID])

        let conformant = try DICOMFile(bytes: file(Array("1.2.840.10008.1.2.1".utf8) + [0], dataSet: Self.header))
        #expect(conformant.warnings == [])
    }

    @Test("The file meta information lacks the transfer syntax UID: detected from the first element")
    func missingTransferSyntax() throws {
        let bytes = B.file(transferSyntax: nil, dataSet: Self.implicitHeader)
        let file = try DICOMFile(bytes: bytes)
        #expect(file.transferSyntax == .implicitVRLittleEndian)
        #expect(file.dataSet.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.7")
        #expect(file.warnings.map(\.code) == [.missingTransferSyntax])
        #expect(strictError(bytes)?.code == .missingTransferSyntax)
    }

    @Test("Group 0002 elements repeated inside the data set: the real meta decides, they are dropped")
    func metaElementsInDataSet() throws {
        // The data set repeats a transfer syntax (implicit) that contradicts the meta (explicit).
        let body =
            Self.header + B.explicit(.transferSyntaxUID, "UI", B.uid(B.implicitLittle))
            + B.explicit(.mediaStorageSOPInstanceUID, "UI", B.uid("9.9.9"))
        let withModality = B.file(
            transferSyntax: B.explicitLittle, dataSet: body + B.explicit(.modality, "CS", B.text("US")))
        let file = try DICOMFile(bytes: withModality)
        #expect(file.transferSyntax == .explicitVRLittleEndian)
        #expect(!file.dataSet.contains { $0.tag.isFileMetaInformation })
        #expect(file.dataSet.string(.modality) == "US")
        #expect(file.warnings.map(\.code) == [.fileMetaElementInDataSet, .fileMetaElementInDataSet])
        #expect(file.warnings.map(\.tag) == [.transferSyntaxUID, .mediaStorageSOPInstanceUID])
        #expect(file.fileMetaInformation.string(.transferSyntaxUID) == B.explicitLittle)
        // Written back, the meta is rebuilt and the data set holds no group 0002 element.
        let reread = try DICOMFile(bytes: try file.serialized())
        #expect(reread.dataSet == file.dataSet)
        #expect(strictError(withModality)?.code == .invalidFileMetaInformation)
    }

    @Test("An explicit VR file whose items (or whole data set) are implicit VR")
    func implicitItems() throws {
        let item = B.implicit(.codeValue, B.text("T-A0100")) + B.implicit(.codeMeaning, B.text("Lung"))
        var body = Self.header + B.explicitSequence(Tag(0x0008, 0x2218), items: [B.item(item)])
        body += B.explicitSequence(Tag(0x0040, 0xA730), items: [B.item(item, undefined: true)], undefined: true)
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: body)
        let file = try DICOMFile(bytes: bytes)
        for tag in [Tag(0x0008, 0x2218), Tag(0x0040, 0xA730)] {
            let read = try #require(file.dataSet.items(tag)?.first)
            #expect(read[.codeValue]?.vr == .SH)
            #expect(read.string(.codeMeaning) == "Lung")
        }
        #expect(file.warnings.map(\.code) == [.vrEncodingMismatch, .vrEncodingMismatch])
        #expect(file.warnings.map(\.tag) == [.codeValue, .codeValue])
        #expect(strictError(bytes)?.code == .invalidVR)

        // A whole data set in implicit VR where the meta says explicit (a JPEG file, say).
        let wholly = B.file(transferSyntax: B.explicitLittle, dataSet: Self.implicitHeader)
        let implicitFile = try DICOMFile(bytes: wholly)
        #expect(implicitFile.dataSet.string(.sopInstanceUID) == "1.2.826.0.1.3680043.8.498.8")
        #expect(implicitFile.warnings.map(\.code) == [.vrEncodingMismatch])
        // And the reverse: explicit elements in a file that says implicit.
        let reverse = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: Self.header))
        #expect(reverse.dataSet[.sopClassUID]?.vr == .UI)
        #expect(reverse.warnings.map(\.code) == [.vrEncodingMismatch])
    }

    @Test("UN with undefined length is read as an Implicit VR Little Endian sequence, nested too")
    func undefinedLengthUN() throws {
        let innermost = B.item(B.implicit(Tag(0x0011, 0x1002), B.text("DEEP")), undefined: true)
        let inner = B.implicitSequence(Tag(0x0011, 0x1001), items: [innermost], undefined: true)
        let item = B.item(B.implicit(.codeValue, B.text("XYZ")) + inner, undefined: true)
        let body =
            Self.header + B.explicit(Tag(0x0011, 0x0010), "LO", B.text("ACME"))
            + B.explicitHeader(Tag(0x0011, 0x1001), "UN", length: B.undefinedLength) + item + B.sequenceDelimiter
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        let items = try #require(file.dataSet.items(Tag(0x0011, 0x1001)))
        #expect(file.dataSet[Tag(0x0011, 0x1001)]?.vr == .SQ)
        #expect(items.first?.string(.codeValue) == "XYZ")
        #expect(items.first?[.codeValue]?.vr == .SH)
        let nested = try #require(items.first?.items(Tag(0x0011, 0x1001))?.first)
        #expect(nested[Tag(0x0011, 0x1002)]?.bytes.map(Array.init) == B.text("DEEP"))
        #expect(file.warnings == [])
    }

    @Test("Private creators and private sequences: explicit and implicit, defined and undefined length")
    func privateElements() throws {
        let item = B.explicit(Tag(0x0019, 0x1002), "LO", B.text("INNER"))
        var explicitBody = Self.header + B.explicit(Tag(0x0019, 0x0010), "LO", B.text("SIEMENS MR HEADER"))
        explicitBody += B.explicit(Tag(0x0019, 0x0011), "UN", B.text("GEMS_ACQU_01"))
        explicitBody += B.explicitSequence(Tag(0x0019, 0x1010), items: [B.item(item)])
        explicitBody += B.explicitSequence(Tag(0x0019, 0x1011), items: [B.item(item, undefined: true)], undefined: true)
        let explicitFile = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: explicitBody))
        #expect(explicitFile.dataSet[Tag(0x0019, 0x0010)]?.vr == .LO)
        #expect(explicitFile.dataSet[Tag(0x0019, 0x0011)]?.vr == .LO)  // a creator sent as UN is LO
        for tag in [Tag(0x0019, 0x1010), Tag(0x0019, 0x1011)] {
            #expect(
                explicitFile.dataSet.items(tag)?.first?[Tag(0x0019, 0x1002)]?.bytes.map(Array.init) == B.text("INNER"))
        }

        let implicitItem = B.implicit(Tag(0x0019, 0x1002), B.text("INNER"))
        var implicitBody = Self.implicitHeader + B.implicit(Tag(0x0019, 0x0010), B.text("SIEMENS MR HEADER"))
        implicitBody += B.implicitSequence(Tag(0x0019, 0x1010), items: [B.item(implicitItem)])
        implicitBody += B.implicitSequence(
            Tag(0x0019, 0x1011), items: [B.item(implicitItem, undefined: true)], undefined: true)
        let implicitFile = try DICOMFile(bytes: B.file(transferSyntax: B.implicitLittle, dataSet: implicitBody))
        #expect(implicitFile.dataSet[Tag(0x0019, 0x0010)]?.vr == .LO)
        // Defined length in implicit VR: nothing says it is a sequence; its bytes are kept as UN.
        #expect(implicitFile.dataSet[Tag(0x0019, 0x1010)]?.vr == .UN)
        #expect(implicitFile.dataSet[Tag(0x0019, 0x1010)]?.bytes?.count == B.item(implicitItem).count)
        // Undefined length: an Implicit VR Little Endian sequence.
        #expect(implicitFile.dataSet[Tag(0x0019, 0x1011)]?.vr == .SQ)
        #expect(implicitFile.dataSet.items(Tag(0x0019, 0x1011))?.first?[Tag(0x0019, 0x1002)]?.vr == .UN)
        #expect(explicitFile.warnings == [] && implicitFile.warnings == [])
    }

    @Test("Odd value lengths are kept as read, with a warning")
    func oddLengths() throws {
        let body =
            Self.header + B.explicit(.patientName, "PN", Array("Odd".utf8))
            + B.explicit(Tag(0x0029, 0x1001), "OB", [1, 2, 3])
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: body)
        let file = try DICOMFile(bytes: bytes)
        #expect(file.dataSet.string(.patientName) == "Odd")
        #expect(file.dataSet[Tag(0x0029, 0x1001)]?.bytes?.count == 3)
        #expect(file.warnings.map(\.code) == [.oddLength, .oddLength])
        #expect(file.warnings.map(\.tag) == [.patientName, Tag(0x0029, 0x1001)])
        #expect(file.warnings.first?.offset == bytes.count - body.count + Self.header.count)
        #expect(strictError(bytes)?.code == .invalidLength)
    }

    @Test("Elements out of order are sorted; duplicates keep the first, at every level")
    func outOfOrderAndDuplicates() throws {
        let item =
            B.explicit(.codeValue, "SH", B.text("FIRST")) + B.explicit(.codeMeaning, "LO", B.text("x"))
            + B.explicit(.codeValue, "SH", B.text("SECOND"))
        let body =
            Self.header + B.explicit(.patientName, "PN", B.text("First^Name"))
            + B.explicit(.modality, "CS", B.text("CT"))
            + B.explicit(.patientName, "PN", B.text("Second^Name"))
            + B.explicitSequence(Tag(0x0040, 0xA730), items: [B.item(item)])
        let bytes = B.file(transferSyntax: B.explicitLittle, dataSet: body)
        let file = try DICOMFile(bytes: bytes)
        #expect(file.dataSet.map(\.tag) == file.dataSet.map(\.tag).sorted())
        #expect(file.dataSet.string(.patientName) == "First^Name")
        #expect(file.dataSet.items(Tag(0x0040, 0xA730))?.first?.string(.codeValue) == "FIRST")
        #expect(file.dataSet.items(Tag(0x0040, 0xA730))?.first?.count == 2)
        #expect(file.warnings.map(\.code) == [.elementsOutOfOrder, .duplicateElement, .duplicateElement])
        #expect(file.warnings.map(\.tag) == [.modality, .patientName, .codeValue])
        #expect(strictError(bytes)?.code == .elementsOutOfOrder)
    }

    @Test("A duplicate never smuggles a value past the de-identifier")
    func duplicateThroughDeidentification() throws {
        let body =
            Self.header + B.explicit(.patientName, "PN", B.text("Kept^First"))
            + B.explicit(.patientID, "LO", B.text("ID-1"))
            + B.explicit(.patientName, "PN", B.text("Hidden^Second"))
            + B.explicit(.patientID, "LO", B.text("ID-SMUGGLED"))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        let output = try Deidentifier(secretKey: [UInt8](repeating: 7, count: 32)).deidentify(file).serialized()
        for secret in ["Kept^First", "Hidden^Second", "ID-1", "ID-SMUGGLED"] {
            let needle = Array(secret.utf8)
            let found = output.indices.dropLast(needle.count - 1).contains {
                output[$0..<($0 + needle.count)].elementsEqual(needle)
            }
            #expect(!found, "\(secret) survived")
        }
        #expect(try DICOMFile(bytes: output).warnings == [])
    }

    @Test("Bytes after the last element: a short stub or zero padding")
    func trailingBytes() throws {
        let stub = B.file(transferSyntax: B.explicitLittle, dataSet: Self.header + [0x08, 0x00, 0x60])
        let file = try DICOMFile(bytes: stub)
        #expect(file.dataSet.count == 2)
        #expect(file.warnings.map(\.code) == [.trailingBytes])
        #expect(file.warnings.first?.offset == stub.count - 3)
        #expect(strictError(stub)?.code == .unexpectedData)

        let padded = B.file(transferSyntax: B.explicitLittle, dataSet: Self.header + [UInt8](repeating: 0, count: 100))
        let paddedFile = try DICOMFile(bytes: padded)
        #expect(paddedFile.dataSet.count == 2)
        #expect(paddedFile.warnings.map(\.code) == [.trailingBytes])
        // Non-zero bytes that do not fit an element stay an error.
        let garbage = B.file(
            transferSyntax: B.explicitLittle, dataSet: Self.header + [UInt8](repeating: 0x41, count: 12))
        #expect(throws: DICOMError.self) { try DICOMFile(bytes: garbage) }
    }

    @Test("Pixel data without its sequence delimiter at the end of the file keeps its fragments")
    func pixelDataWithoutDelimiter() throws {
        let pixels =
            B.explicitHeader(.pixelData, "OB", length: B.undefinedLength) + B.item([]) + B.item([0xFF, 0xD8, 1, 2])
            + B.item([3, 0xFF, 0xD9, 0])
        let bytes = B.file(transferSyntax: B.jpegBaseline, dataSet: Self.header + pixels)
        let file = try DICOMFile(bytes: bytes)
        let pixelData = try #require(file.dataSet[.pixelData]?.encapsulatedPixelData)
        #expect(pixelData.fragments.map(Array.init) == [[0xFF, 0xD8, 1, 2], [3, 0xFF, 0xD9, 0]])
        #expect(file.warnings.map(\.code) == [.missingPixelDataDelimiter])
        #expect(file.warnings.first?.offset == bytes.count)
        #expect(strictError(bytes)?.code == .truncated)
        // A fragment cut short stays a truncated error.
        #expect(throws: DICOMError(.truncated, message: "")) { try DICOMFile(bytes: Array(bytes.dropLast(2))) }
    }

    @Test("Warnings never show values")
    func warningsHideValues() throws {
        let body =
            Self.header + B.explicit(.patientName, "PN", Array("Secret^Name".utf8))
            + B.explicit(.patientName, "PN", B.text("Other^Secret"))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.explicitLittle, dataSet: body))
        #expect(file.warnings.count == 2)
        for warning in file.warnings {
            #expect(!warning.description.contains("Secret"))
            #expect(warning.description.contains("(0010,0010)"))
        }
    }
}
