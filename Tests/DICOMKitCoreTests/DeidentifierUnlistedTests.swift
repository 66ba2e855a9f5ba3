import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Deidentifier: attributes Table E.1-1 does not list")
struct DeidentifierUnlistedTests {
    static let key = [UInt8](repeating: 0x5A, count: 32)

    /// One attribute planted in the synthetic file: its tag, the VR written in Explicit VR (UN for
    /// a value sent as UN), its value, and what must become of it.
    struct Planted {
        enum Fate {
            case removed
            case dummy(VR, String)
        }

        let tag: Tag
        let vr: String
        let value: String
        let fate: Fate
    }

    /// The planted attributes at nesting `level`; each value carries the level, so a leak names it.
    static func planted(level: Int) -> [Planted] {
        let mark = "L\(level)"
        return [
            // Public tags the dictionary does not know: removed, whatever the VR.
            Planted(tag: Tag(0x0008, 0x9990), vr: "LO", value: "UNKNOWN PUBLIC \(mark)", fate: .removed),
            Planted(tag: Tag(0x0010, 0x00EF), vr: "UN", value: "UNKNOWN UN BLOB \(mark)", fate: .removed),
            // File meta information in the data set: removed.
            Planted(tag: Tag(0x0002, 0x0016), vr: "AE", value: "META AE \(mark)", fate: .removed),
            Planted(tag: Tag(0x0002, 0x0102), vr: "OB", value: "META PRIVATE \(mark)", fate: .removed),
            // Unlisted names and dates: dummies (the dictionary's VR for one sent as UN).
            Planted(
                tag: Tag(0x0008, 0x041F), vr: "DT", value: "2019031710101\(level)",
                fate: .dummy(.DT, "19000101000000")),
            Planted(tag: Tag(0x0014, 0x0102), vr: "DA", value: "2022111\(level)", fate: .dummy(.DA, "19000101")),
            Planted(
                tag: Tag(0x0014, 0x0104), vr: "PN", value: "Reviewer^Secret\(mark)", fate: .dummy(.PN, "ANONYMIZED^")),
            Planted(
                tag: Tag(0x0014, 0x2006), vr: "UN", value: "Evaluator^Hidden\(mark)", fate: .dummy(.PN, "ANONYMIZED^")),
            // Unlisted free text: removed (one sent as UN, whose dictionary VR is LT).
            Planted(tag: Tag(0x0018, 0x7006), vr: "LT", value: "Detector of Jane Roe \(mark)", fate: .removed),
            Planted(tag: Tag(0x0014, 0x0105), vr: "ST", value: "Repair note Jane Roe \(mark)", fate: .removed),
            Planted(tag: Tag(0x0040, 0xA160), vr: "UT", value: "Text value Jane Roe \(mark)", fate: .removed),
            Planted(tag: Tag(0x0040, 0x0400), vr: "UN", value: "Call Mrs Roe at home \(mark)", fate: .removed),
            // Regression: unlisted locators and UC free text survived (a Retrieve URL holds the original
            // Study Instance UID).
            Planted(
                tag: Tag(0x0008, 0x1190), vr: "UR", value: "https://pacs/studies/1.2.3.99\(level)", fate: .removed),
            Planted(tag: Tag(0x0040, 0x4073), vr: "UR", value: "file:///mrn-778\(level)/x", fate: .removed),
            Planted(tag: Tag(0x0018, 0x9908), vr: "UC", value: "Reason Jane Roe \(mark)", fate: .removed),
            // The supplementary table.
            Planted(tag: Tag(0x0040, 0x1006), vr: "SH", value: "PLACER1-\(mark)", fate: .removed),
            Planted(tag: Tag(0x0040, 0x1007), vr: "SH", value: "FILLER1-\(mark)", fate: .removed),
            Planted(tag: Tag(0x0040, 0x2006), vr: "SH", value: "PLACER2-\(mark)", fate: .removed),
            Planted(tag: Tag(0x0040, 0x2007), vr: "SH", value: "FILLER2-\(mark)", fate: .removed),
            Planted(tag: Tag(0x0010, 0x0033), vr: "LO", value: "BIRTH-ALT-\(mark)", fate: .removed),
            Planted(tag: Tag(0x0074, 0x100C), vr: "LO", value: "Contact Jane Roe \(mark)", fate: .removed),
            Planted(tag: Tag(0x6000, 0x0022), vr: "LO", value: "Overlay of Roe \(mark)", fate: .removed),
            Planted(tag: Tag(0x6002, 0x0022), vr: "LO", value: "Overlay two Roe \(mark)", fate: .removed),
        ]
    }

    /// The planted elements of `level` plus `extra`, encoded, in tag order but with `first` (if any)
    /// before them all: at the top level a group 0002 element must follow a data set element, or
    /// the reader takes it for file meta information.
    static func encode(level: Int, explicit: Bool, first: [UInt8] = [], extra: [(Tag, [UInt8])]) -> [UInt8] {
        var elements = extra
        for planted in planted(level: level) {
            let value = B.text(planted.value)
            elements.append(
                (planted.tag, explicit ? B.explicit(planted.tag, planted.vr, value) : B.implicit(planted.tag, value))
            )
        }
        return first + elements.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }

    /// A file with the planted attributes at the top level, one level deep (in a kept sequence) and
    /// two levels deep (in a kept sequence inside that one).
    static func file(explicit: Bool) -> [UInt8] {
        func sequence(_ tag: Tag, _ item: [UInt8]) -> [UInt8] {
            explicit
                ? B.explicitSequence(tag, items: [B.item(item)])
                : B.implicitSequence(tag, items: [B.item(item)], undefined: true)
        }
        func element(_ tag: Tag, _ vr: String, _ value: [UInt8]) -> [UInt8] {
            explicit ? B.explicit(tag, vr, value) : B.implicit(tag, value)
        }
        let level2 = encode(level: 2, explicit: explicit, extra: [])
        // (0008,1115) and (0054,0016) are not in the table: kept, their items de-identified.
        let level1 = encode(
            level: 1, explicit: explicit, extra: [(Tag(0x0054, 0x0016), sequence(Tag(0x0054, 0x0016), level2))]
        )
        let top = encode(
            level: 0, explicit: explicit, first: element(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7")),
            extra: [
                (.sopInstanceUID, element(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.77"))),
                (Tag(0x0008, 0x1115), sequence(Tag(0x0008, 0x1115), level1)),
            ]
        )
        return B.file(transferSyntax: explicit ? B.explicitLittle : B.implicitLittle, dataSet: top)
    }

    @Test(
        "Unknown public, group 0002, unlisted PN/DA/DT/LT/ST/UT and supplementary attributes: no value survives",
        arguments: [true, false]
    )
    func noValueSurvives(explicit: Bool) throws {
        let original = try DICOMFile(bytes: Self.file(explicit: explicit))
        // The input holds every planted attribute where it was put (a check of the fixture), except
        // the top-level group 0002 elements, which the reader drops with a warning.
        let originalLevel1 = try #require(original.dataSet.items(Tag(0x0008, 0x1115))?.first)
        let originalLevel2 = try #require(originalLevel1.items(Tag(0x0054, 0x0016))?.first)
        for (level, dataSet) in [original.dataSet, originalLevel1, originalLevel2].enumerated() {
            for planted in Self.planted(level: level) {
                let dropped = level == 0 && planted.tag.isFileMetaInformation
                #expect(dataSet.contains(planted.tag) != dropped, "fixture: \(planted.tag) at level \(level)")
            }
        }
        #expect(
            original.warnings.filter { $0.code == .fileMetaElementInDataSet }.compactMap(\.tag) == [
                Tag(0x0002, 0x0016), Tag(0x0002, 0x0102),
            ])

        let clean = try Deidentifier(secretKey: Self.key).deidentify(original)
        let bytes = try clean.serialized()
        for level in 0...2 {
            for planted in Self.planted(level: level) {
                #expect(!contains(bytes, Array(planted.value.utf8)), "\(planted.tag) at level \(level) survived")
            }
        }

        let reread = try DICOMFile(bytes: bytes)
        #expect(reread.dataSet == clean.dataSet)
        let level1 = try #require(reread.dataSet.items(Tag(0x0008, 0x1115))?.first)
        let level2 = try #require(level1.items(Tag(0x0054, 0x0016))?.first)
        for (level, dataSet) in [reread.dataSet, level1, level2].enumerated() {
            #expect(!dataSet.contains(where: { $0.tag.isFileMetaInformation }), "group 0002 at level \(level)")
            for planted in Self.planted(level: level) {
                switch planted.fate {
                case .removed:
                    #expect(!dataSet.contains(planted.tag), "\(planted.tag) at level \(level) not removed")
                case .dummy(let vr, let value):
                    #expect(dataSet[planted.tag]?.vr == vr, "\(planted.tag) at level \(level)")
                    #expect(dataSet.string(planted.tag) == value, "\(planted.tag) at level \(level)")
                }
            }
        }
        #expect(reread.dataSet.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.7")
    }

    @Test("The rules for unlisted attributes, in order")
    func rules() {
        func action(_ tag: Tag, _ vr: VR) -> BasicProfile.Action {
            Deidentifier.unlistedAction(for: DataElement(tag: tag, vr: vr, bytes: []))
        }
        #expect(action(Tag(0x0008, 0x9990), .US) == .remove)  // unknown to the dictionary, any VR
        #expect(action(Tag(0x0008, 0x9990), .UN) == .remove)
        #expect(action(Tag(0xE010, 0x0030), .DA) == .remove)
        #expect(action(Tag(0x0008, 0x041F), .DT) == .dummy)
        #expect(action(Tag(0x0008, 0x041F), .UN) == .dummy)  // the dictionary's VR for a UN value
        #expect(action(Tag(0x0018, 0x7006), .UN) == .remove)  // LT in the dictionary
        #expect(action(Tag(0x0008, 0x1090), .LO) == .keep)  // Manufacturer's Model Name
        #expect(action(Tag(0x0008, 0x1090), .PN) == .dummy)  // the element's own VR counts too
        #expect(action(Tag(0x0008, 0x1090), .UT) == .remove)
        #expect(action(.rows, .US) == .keep)
        #expect(action(Tag(0x601E, 0x0022), .LO) == .remove)
        for entry in SupplementaryActions.entries {
            let tag = Tag(rawValue: entry.value)
            #expect(action(tag, .LO) == entry.action, "\(tag)")
            #expect(BasicProfile.action(for: tag) == nil, "\(tag) is in Table E.1-1: no supplementary entry needed")
            #expect(DataDictionary.entry(for: tag) != nil, "\(tag) is not a dictionary attribute")
            #expect(!entry.reason.isEmpty)
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
