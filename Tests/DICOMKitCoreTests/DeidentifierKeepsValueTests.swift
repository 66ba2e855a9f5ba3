import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Deidentifier.keepsValue")
struct DeidentifierKeepsValueTests {
    /// Checks, element by element at every level, that `keepsValue` says true exactly for the elements
    /// whose value de-identification left as it was (empty values, which a zeroing also leaves empty,
    /// aside), and recurses into the items of kept sequences. Returns the number of kept elements.
    @discardableResult
    func check(original: DataSet, clean: DataSet) -> Int {
        var kept = 0
        for element in original {
            let output = clean[element.tag]
            if Deidentifier.keepsValue(of: element) {
                kept += 1
                if let items = element.items {
                    let cleanItems = output?.items
                    #expect(cleanItems?.count == items.count, "sequence \(element.tag) not kept")
                    for (item, cleanItem) in zip(items, cleanItems ?? []) {
                        kept += check(original: item, clean: cleanItem)
                    }
                } else {
                    #expect(output == element, "\(element.tag) said kept but changed")
                }
            } else {
                let wasEmpty = element.bytes?.isEmpty == true || element.items?.isEmpty == true
                #expect(output == nil || output != element || wasEmpty, "\(element.tag) said changed but kept")
            }
        }
        return kept
    }

    @Test("keepsValue agrees with deidentify at every nesting level")
    func agreesWithDeidentify() throws {
        let file = try DICOMFile(bytes: DeidentifierTests.phiFile())
        let clean = try Deidentifier(secretKey: DeidentifierTests.key).deidentify(file)
        let kept = check(original: file.dataSet, clean: clean.dataSet)
        #expect(kept >= 8)
        // Spot checks of the kinds of decision.
        let dataSet = file.dataSet
        #expect(Deidentifier.keepsValue(of: try #require(dataSet[.modality])))
        #expect(Deidentifier.keepsValue(of: try #require(dataSet[.sopClassUID])))
        #expect(Deidentifier.keepsValue(of: try #require(dataSet[Tag(0x0008, 0x1115)])))  // kept sequence
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[Tag(0x0008, 0x1110)])))  // X/Z sequence
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[.patientName])))  // Z
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[.patientID])))  // pseudonym
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[.sopInstanceUID])))  // U
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[Tag(0x0009, 0x1001)])))  // private
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[Tag(0x0008, 0x0000)])))  // group length
        #expect(!Deidentifier.keepsValue(of: try #require(dataSet[Tag(0x6000, 0x4000)])))  // X
    }

    @Test("unlisted attributes: kept by VR, removed when unknown, free text or dates")
    func unlisted() {
        let unknownPublic = DataElement(tag: Tag(0x0008, 0xFFF0), vr: .LO, bytes: B.text("x"))
        #expect(!Deidentifier.keepsValue(of: unknownPublic))
        // Code Meaning (0008,0104): LO, not in Table E.1-1, kept.
        #expect(Deidentifier.keepsValue(of: DataElement(tag: Tag(0x0008, 0x0104), vr: .LO, bytes: B.text("x"))))
        // A kept LO holding control bytes is refused by deidentify, so its value is not kept.
        let swallowing = DataElement(tag: Tag(0x0008, 0x0104), vr: .LO, bytes: Array("ab\u{1}cd".utf8))
        #expect(!Deidentifier.keepsValue(of: swallowing))
        // A DA the table does not list gets a dummy.
        #expect(!Deidentifier.keepsValue(of: DataElement(tag: Tag(0x0014, 0x0102), vr: .DA, bytes: B.text("x"))))
    }

    @Test("file meta information: version, SOP class and transfer syntax carried over, the rest not")
    func fileMetaInformation() throws {
        let body =
            B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
            + B.explicit(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.1"))
        var bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        var meta = B.explicit(.fileMetaInformationVersion, "OB", [0, 1])
        meta += B.explicit(.mediaStorageSOPClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
        meta += B.explicit(.mediaStorageSOPInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.1"))
        meta += B.explicit(.transferSyntaxUID, "UI", B.uid(B.explicitLittle))
        meta += B.explicit(.implementationClassUID, "UI", B.uid("1.2.3.4"))
        meta += B.explicit(Tag(0x0002, 0x0013), "SH", B.text("OTHER"))
        meta += B.explicit(Tag(0x0002, 0x0016), "AE", B.text("HOSPITALPACS"))
        bytes += B.explicit(.fileMetaInformationGroupLength, "UL", B.uint32(UInt32(meta.count))) + meta + body
        let file = try DICOMFile(bytes: bytes)
        let clean = try Deidentifier(secretKey: DeidentifierTests.key).deidentify(file)
        var carried = 0
        for element in file.fileMetaInformation {
            let output = clean.fileMetaInformation[element.tag]
            if Deidentifier.keepsFileMetaInformationValue(of: element) {
                carried += 1
                #expect(output?.bytes == element.bytes, "\(element.tag)")
            } else {
                #expect(output == nil || output?.bytes != element.bytes, "\(element.tag)")
            }
        }
        #expect(carried == 3)
        #expect(!Deidentifier.keepsFileMetaInformationValue(of: try #require(file.dataSet[.sopClassUID])))
    }
}
