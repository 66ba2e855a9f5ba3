import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Deidentifier")
struct DeidentifierTests {
    static let key = Array(0..<16 as Range<UInt8>)
    static let studyUID = "1.2.826.0.1.3680043.8.498.1001"
    static let seriesUID = "1.2.826.0.1.3680043.8.498.1002"
    static let referencedUID = "1.2.826.0.1.3680043.8.498.1003"

    /// Values that must not survive anywhere in the output.
    static let phi = [
        "Doe^Jane", "PID-12345", "19750304", "20240102", "Saint Example Hospital", "Dr^Who", "ACC998877",
        "Knee pain follow-up", "1.2.826.0.1.3680043.8.498.1001", "1.2.826.0.1.3680043.8.498.1002",
        "1.2.826.0.1.3680043.8.498.1003", "1.2.826.0.1.3680043.8.498.555", "PrivateSecret", "Nested^Person",
        "OTHER-ID-42", "Overlay words", "ACME PRIVATE",
    ]

    /// A file with PHI at top level and two levels deep, private tags, overlays and curves.
    static func phiFile(sopInstance: String = "1.2.826.0.1.3680043.8.498.555") -> [UInt8] {
        let deepest =
            B.explicit(.patientName, "PN", B.text("Nested^Person"))
            + B.explicit(.patientID, "LO", B.text("OTHER-ID-42"))
            + B.explicit(Tag(0x0008, 0x1155), "UI", B.uid(referencedUID))
            + B.explicit(Tag(0x0011, 0x0010), "LO", B.text("ACME PRIVATE"))
            + B.explicit(Tag(0x0011, 0x1001), "LO", B.text("PrivateSecret"))
        let middle =
            B.explicitSequence(Tag(0x0040, 0xA730), items: [B.item(deepest, undefined: true)], undefined: true)
            + B.explicit(.studyDate, "DA", B.text("20240102"))
            + B.explicit(Tag(0x0008, 0x1030), "LO", B.text("Knee pain follow-up"))
            + B.explicit(.studyInstanceUID, "UI", B.uid(studyUID))
        // Kept sequences (not in the table) two levels deep: their PHI is de-identified in place.
        let keptMiddle =
            B.explicitSequence(Tag(0x0054, 0x0016), items: [B.item(deepest, undefined: true)], undefined: true)
            + B.explicit(Tag(0x0008, 0x0021), "DA", B.text("20240102"))
            + B.explicit(.seriesInstanceUID, "UI", B.uid(seriesUID))
        var body = B.explicit(Tag(0x0008, 0x0000), "UL", B.uint32(0))
        body += B.explicit(.specificCharacterSet, "CS", B.text("ISO_IR 192"))
        body += B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        body += B.explicit(.sopInstanceUID, "UI", B.uid(sopInstance))
        body += B.explicit(.studyDate, "DA", B.text("20240102"))
        body += B.explicit(Tag(0x0008, 0x0021), "DA", B.text("20240102"))
        body += B.explicit(Tag(0x0008, 0x0022), "DA", B.text("20240102"))
        body += B.explicit(Tag(0x0008, 0x0023), "DA", B.text("20240102"))
        body += B.explicit(.accessionNumber, "SH", B.text("ACC998877"))
        body += B.explicit(.modality, "CS", B.text("OT"))
        body += B.explicit(Tag(0x0008, 0x0080), "LO", B.text("Saint Example Hospital"))
        body += B.explicit(Tag(0x0008, 0x0090), "PN", B.text("Dr^Who"))
        body += B.explicit(Tag(0x0008, 0x1030), "LO", B.text("Knee pain follow-up"))
        body += B.explicitSequence(Tag(0x0008, 0x1110), items: [B.item(middle)])
        body += B.explicitSequence(Tag(0x0008, 0x1115), items: [B.item(keptMiddle)])
        body += B.explicitSequence(Tag(0x0008, 0x2112), items: [B.item(deepest)])
        body += B.explicit(Tag(0x0009, 0x0010), "LO", B.text("ACME PRIVATE"))
        body += B.explicit(Tag(0x0009, 0x1001), "LO", B.text("PrivateSecret"))
        body += B.explicit(.patientName, "PN", B.text("Doe^Jane"))
        body += B.explicit(.patientID, "LO", B.text("PID-12345"))
        body += B.explicit(.patientBirthDate, "DA", B.text("19750304"))
        body += B.explicit(Tag(0x0010, 0x1010), "AS", B.text("048Y"))
        body += B.explicit(.studyInstanceUID, "UI", B.uid(studyUID))
        body += B.explicit(.seriesInstanceUID, "UI", B.uid(seriesUID))
        body += B.explicit(.frameOfReferenceUID, "UI", B.uid(studyUID + "\\" + seriesUID))
        body += B.explicit(.burnedInAnnotation, "CS", B.text("NO"))
        body += B.explicit(Tag(0x5000, 0x3000), "OW", B.text("CurveCurve"))
        body += B.explicit(Tag(0x6000, 0x0010), "US", B.uint16(4))
        body += B.explicit(Tag(0x6000, 0x4000), "LT", B.text("Overlay words"))
        body += B.explicit(Tag(0x6002, 0x3000), "OW", [1, 2, 3, 4])
        body += B.explicit(.pixelData, "OW", [0, 0, 0, 0])
        return B.file(transferSyntax: B.explicitLittle, dataSet: body)
    }

    @Test("No original value survives anywhere in the output bytes; the output parses")
    func noPHISurvives() throws {
        let deidentifier = try Deidentifier(secretKey: Self.key)
        let clean = try deidentifier.deidentify(try DICOMFile(bytes: Self.phiFile()))
        let bytes = try clean.serialized()
        for value in Self.phi {
            #expect(!contains(bytes, Array(value.utf8)), "\(value) survived")
        }
        let reread = try DICOMFile(bytes: bytes)
        #expect(reread.dataSet == clean.dataSet)
        #expect(reread == clean)  // the meta group too: what is in memory is what was written
        #expect(reread.dataSet.string(.patientIdentityRemoved) == "YES")
        #expect(reread.dataSet.string(.deidentificationMethod) == Deidentifier.methodDescription)
        #expect(reread.dataSet.items(.deidentificationMethodCodeSequence)?.first?.string(.codeValue) == "113100")
        #expect(reread.dataSet.string(.burnedInAnnotation) == "NO")
        #expect(reread.dataSet.string(.modality) == "OT")
        #expect(reread.dataSet.string(.specificCharacterSet) == "ISO_IR 192")
    }

    @Test("Actions at every level: private and group lengths removed, pseudonyms, dummies, zeros")
    func actions() throws {
        let deidentifier = try Deidentifier(secretKey: Self.key)
        let clean = try deidentifier.deidentify(try DICOMFile(bytes: Self.phiFile())).dataSet
        #expect(!clean.contains(where: { $0.tag.isPrivate || $0.tag.isGroupLength }))
        #expect(clean.string(.patientID) == deidentifier.pseudonym(forPatientID: "PID-12345"))
        #expect(clean[.patientName]?.bytes?.isEmpty == true)  // Z
        #expect(clean[.patientBirthDate]?.bytes?.isEmpty == true)  // Z
        #expect(clean[.accessionNumber]?.bytes?.isEmpty == true)  // Z
        #expect(clean[Tag(0x0008, 0x0022)]?.bytes?.isEmpty == true)  // X/Z -> Z
        #expect(clean.string(Tag(0x0008, 0x0021)) == "19000101")  // X/D -> D
        #expect(clean.string(Tag(0x0008, 0x0023)) == "19000101")  // Z/D -> D
        #expect(clean.string(Tag(0x0008, 0x0080)) == "ANONYMIZED")  // X/Z/D -> D
        #expect(clean[Tag(0x0008, 0x0090)]?.bytes?.isEmpty == true)  // Z
        #expect(clean[Tag(0x0008, 0x1030)] == nil)  // X
        #expect(clean[Tag(0x0010, 0x1010)] == nil)  // X
        #expect(clean[Tag(0x5000, 0x3000)] == nil)  // (50xx,xxxx) X
        #expect(clean[Tag(0x6000, 0x4000)] == nil)  // (60xx,4000) X
        #expect(clean[Tag(0x6002, 0x3000)] == nil)  // (60xx,3000) X
        #expect(clean.uint16(Tag(0x6000, 0x0010)) == 4)  // not listed: kept
        #expect(clean.items(Tag(0x0008, 0x1110)) == [])  // X/Z on a sequence -> empty sequence
        // Kept sequences keep their structure; the table applies two levels down.
        let level1 = try #require(clean.items(Tag(0x0008, 0x1115))?.first)
        #expect(level1.string(Tag(0x0008, 0x0021)) == "19000101")
        #expect(level1.string(.seriesInstanceUID) == deidentifier.replacementUID(for: Self.seriesUID))
        let level2 = try #require(level1.items(Tag(0x0054, 0x0016))?.first)
        #expect(level2[.patientName]?.bytes?.isEmpty == true)
        #expect(level2.string(.patientID) == deidentifier.pseudonym(forPatientID: "OTHER-ID-42"))
        #expect(level2.string(Tag(0x0008, 0x1155)) == deidentifier.replacementUID(for: Self.referencedUID))
        #expect(!level2.contains(where: { $0.tag.isPrivate }))
        // X/Z/U* on a sequence: kept, its items de-identified (UIDs replaced, names emptied, private gone).
        let source = try #require(clean.items(Tag(0x0008, 0x2112))?.first)
        #expect(source.string(Tag(0x0008, 0x1155)) == deidentifier.replacementUID(for: Self.referencedUID))
        #expect(source[.patientName]?.bytes?.isEmpty == true)
        #expect(source.string(.patientID) == deidentifier.pseudonym(forPatientID: "OTHER-ID-42"))
        #expect(!source.contains(where: { $0.tag.isPrivate }))
        #expect(
            clean.strings(.frameOfReferenceUID) == [
                deidentifier.replacementUID(for: Self.studyUID), deidentifier.replacementUID(for: Self.seriesUID),
            ]
        )
    }

    @Test("D on a sequence gives one empty item; dummy values fit their VRs")
    func dummies() throws {
        let deidentifier = try Deidentifier(secretKey: Self.key)
        var dataSet = DataSet()
        dataSet.set(DataElement(tag: .sopClassUID, vr: .UI, string: "1.2.3"))
        dataSet.set(DataElement(tag: .sopInstanceUID, vr: .UI, string: "1.2.4"))
        dataSet.set(
            DataElement(tag: Tag(0x0040, 0xA730), items: [DataSet([DataElement(tag: .modality, vr: .CS, string: "X")])])
        )
        dataSet.set(DataElement(tag: Tag(0x0040, 0xA120), vr: .DT, string: "20240102101010"))
        dataSet.set(DataElement(tag: Tag(0x0040, 0xA122), vr: .TM, string: "101010"))
        dataSet.set(DataElement(tag: Tag(0x0070, 0x0084), vr: .PN, string: "Creator^Name"))
        dataSet.set(DataElement(tag: Tag(0x0072, 0x005F), vr: .AS, string: "033Y"))
        dataSet.set(DataElement(tag: Tag(0x0018, 0x1000), vr: .LO, string: "SERIAL-9"))
        dataSet.set(DataElement(tag: Tag(0x0008, 0x1010), vr: .SH, string: "STATION-LONG-NAME"))
        let clean = try deidentifier.deidentify(DICOMFile(dataSet: dataSet, transferSyntax: .explicitVRLittleEndian))
            .dataSet
        #expect(clean.items(Tag(0x0040, 0xA730)) == [DataSet()])
        #expect(clean.string(Tag(0x0040, 0xA120)) == "19000101000000")
        #expect(clean.string(Tag(0x0040, 0xA122)) == "000000")
        #expect(clean.string(Tag(0x0070, 0x0084)) == "ANONYMIZED^")
        #expect(clean.string(Tag(0x0072, 0x005F)) == "000Y")
        #expect(clean.string(Tag(0x0018, 0x1000)) == "ANONYMIZED")
        #expect(clean.string(Tag(0x0008, 0x1010)) == "ANONYMIZED")
        for vr in VR.allCases where vr != .SQ {
            let value = Deidentifier.dummyValue(for: vr)
            #expect(!value.isEmpty, "\(vr)")
            if let maximum = vr.maximumValueLength {
                #expect(value.count <= maximum, "\(vr)")
            }
        }
    }

    @Test("UIDs map consistently per key, differ across keys; the meta group follows")
    func uidConsistency() throws {
        let deidentifier = try Deidentifier(secretKey: Self.key)
        let first = try deidentifier.deidentify(try DICOMFile(bytes: Self.phiFile(sopInstance: "1.2.3.100")))
        let second = try deidentifier.deidentify(try DICOMFile(bytes: Self.phiFile(sopInstance: "1.2.3.200")))
        #expect(first.dataSet.string(.studyInstanceUID) == second.dataSet.string(.studyInstanceUID))
        #expect(first.dataSet.string(.seriesInstanceUID) == second.dataSet.string(.seriesInstanceUID))
        #expect(first.dataSet.string(.sopInstanceUID) != second.dataSet.string(.sopInstanceUID))
        #expect(first.dataSet.string(.studyInstanceUID) != Self.studyUID)
        #expect(first.dataSet.string(.studyInstanceUID) == deidentifier.replacementUID(for: Self.studyUID))

        let other = try Deidentifier(secretKey: Array(repeating: 7, count: 32))
        let third = try other.deidentify(try DICOMFile(bytes: Self.phiFile(sopInstance: "1.2.3.100")))
        #expect(third.dataSet.string(.studyInstanceUID) != first.dataSet.string(.studyInstanceUID))
        #expect(third.dataSet.string(.patientID) != first.dataSet.string(.patientID))

        let meta = try DICOMFile(bytes: try first.serialized()).fileMetaInformation
        #expect(meta.string(.mediaStorageSOPInstanceUID) == first.dataSet.string(.sopInstanceUID))
        #expect(meta.string(.mediaStorageSOPClassUID) == "1.2.840.10008.5.1.4.1.1.7")
        #expect(first.fileMetaInformation.string(.mediaStorageSOPInstanceUID) == first.dataSet.string(.sopInstanceUID))
    }

    @Test("Known answers: pseudonym and replacement UID")
    func knownAnswers() throws {
        let deidentifier = try Deidentifier(secretKey: Self.key)
        #expect(deidentifier.pseudonym(forPatientID: "PID-12345") == "MUK-9D2883F55BA820BA")
        #expect(deidentifier.pseudonym(forPatientID: " PID-12345 ") == "MUK-9D2883F55BA820BA")
        #expect(
            deidentifier.replacementUID(for: "1.2.826.0.1.3680043.8.498.1")
                == "2.25.172231216666241641105173585090238380148"
        )
        #expect(
            deidentifier.replacementUID(for: "1.2.826.0.1.3680043.8.498.1\0")
                == deidentifier.replacementUID(for: "1.2.826.0.1.3680043.8.498.1"))
        #expect(deidentifier.replacementUID(for: "1.2.3").count <= 64)
    }

    @Test("Keys shorter than 16 bytes are refused; the key is never described")
    func keys() throws {
        #expect(throws: DICOMError(.invalidKey, message: "")) {
            try Deidentifier(secretKey: Array(repeating: 1, count: 15))
        }
        let deidentifier = try Deidentifier(secretKey: Array(repeating: 0xAB, count: 16))
        #expect(!String(describing: deidentifier).lowercased().contains("ab, "))
        #expect(!String(describing: deidentifier).contains("171"))
        var dumped = ""
        dump(deidentifier, to: &dumped)
        #expect(!dumped.contains("171"))
        #expect(!String(reflecting: deidentifier).contains("171"))
    }

    @Test("decimalString of big-endian integers")
    func decimal() {
        #expect(decimalString(bigEndian: [UInt8]()) == "0")
        #expect(decimalString(bigEndian: [0, 0]) == "0")
        #expect(decimalString(bigEndian: [0x01, 0x00]) == "256")
        #expect(decimalString(bigEndian: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == "1099511627775")
        #expect(
            decimalString(bigEndian: [UInt8](repeating: 0xFF, count: 16)) == "340282366920938463463374607431768211455")
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
