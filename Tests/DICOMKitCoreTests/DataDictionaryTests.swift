import Testing

@testable import DICOMKitCore

@Suite("DataDictionary")
struct DataDictionaryTests {
    @Test("Lookup by tag gives VR, VM, keyword, name, retired")
    func byTag() throws {
        let entry = try #require(DataDictionary.entry(for: .patientName))
        #expect(entry.vrs == [.PN])
        #expect(entry.vm == "1")
        #expect(entry.keyword == "PatientName")
        #expect(entry.name == "Patient's Name")
        #expect(!entry.isRetired)
        #expect(entry.tagPattern == "(0010,0010)")
        #expect(DataDictionary.entry(for: Tag(0x0008, 0x0008))?.vm == "2-n")
        #expect(DataDictionary.entry(for: Tag(0x0008, 0x0040))?.isRetired == true)
        #expect(DataDictionary.entry(for: Tag(0x0010, 0x9999)) == nil)
        #expect(DataDictionary.count > 5_000)
    }

    @Test("Repeating groups resolve by mask")
    func repeatingGroups() throws {
        for group: UInt16 in [0x6000, 0x6002, 0x601E] {
            let entry = try #require(DataDictionary.entry(for: Tag(group, 0x3000)))
            #expect(entry.keyword == "OverlayData")
            #expect(entry.tag == Tag(group, 0x3000))
            #expect(entry.tagPattern == "(60xx,3000)")
            #expect(entry.vrs == [.OB, .OW])
        }
        #expect(DataDictionary.entry(for: Tag(0x5004, 0x3000))?.keyword == "CurveData")
        #expect(DataDictionary.entry(for: Tag(0x0020, 0x3105))?.keyword == "SourceImageIDs")
        #expect(DataDictionary.entry(for: Tag(0x0028, 0x0412))?.keyword == "CoefficientCoding")
        #expect(DataDictionary.entry(for: Tag(0x1000, 0x1235))?.keyword == "ShiftTableTriplet")
        #expect(DataDictionary.entry(forKeyword: "OverlayData")?.tag == Tag(0x6000, 0x3000))
    }

    @Test("Ambiguous VRs are kept as such")
    func ambiguous() throws {
        let usOrSS = try #require(DataDictionary.entry(for: Tag(0x0028, 0x0106)))
        #expect(usOrSS.vrs == [.US, .SS])
        #expect(usOrSS.isAmbiguousVR)
        #expect(usOrSS.vrDescription == "US or SS")
        #expect(DataDictionary.entry(for: Tag(0x0028, 0x1200))?.vrDescription == "US or SS or OW")
        #expect(DataDictionary.entry(for: .lutData)?.vrDescription == "US or OW")
        #expect(DataDictionary.entry(for: .pixelData)?.vrDescription == "OB or OW")
        #expect(DataDictionary.entry(for: .item)?.vrs == [])
        #expect(DataDictionary.entry(for: .item)?.vrDescription == "NONE")
        #expect(DataDictionary.entry(for: .patientName)?.isAmbiguousVR == false)
    }

    @Test("Group lengths are UL, private creators LO, other private tags unknown")
    func groupLengthsAndPrivate() throws {
        let length = try #require(DataDictionary.entry(for: Tag(0x0010, 0x0000)))
        #expect(length.vrs == [.UL])
        #expect(DataDictionary.entry(for: .fileMetaInformationGroupLength)?.keyword == "FileMetaInformationGroupLength")
        let creator = try #require(DataDictionary.entry(for: Tag(0x0029, 0x0010)))
        #expect(creator.vrs == [.LO])
        #expect(creator.keyword == "PrivateCreator")
        #expect(DataDictionary.entry(for: Tag(0x0029, 0x00FF))?.vrs == [.LO])
        #expect(DataDictionary.entry(for: Tag(0x0029, 0x1010)) == nil)
        #expect(DataDictionary.entry(for: Tag(0x6001, 0x3000)) == nil)
    }

    @Test("Lookup by keyword")
    func byKeyword() {
        #expect(DataDictionary.tag(forKeyword: "StudyInstanceUID") == .studyInstanceUID)
        #expect(Tag(keyword: "PixelData") == .pixelData)
        #expect(Tag(keyword: "NoSuchKeyword") == nil)
        #expect(DataDictionary.entry(forKeyword: "Rows")?.vrs == [.US])
    }

    @Test("Every Tag constant agrees with the dictionary")
    func constants() {
        let constants: [(Tag, String)] = [
            (.patientName, "PatientName"), (.patientID, "PatientID"), (.patientBirthDate, "PatientBirthDate"),
            (.studyDate, "StudyDate"), (.studyInstanceUID, "StudyInstanceUID"),
            (.seriesInstanceUID, "SeriesInstanceUID"), (.sopInstanceUID, "SOPInstanceUID"),
            (.sopClassUID, "SOPClassUID"), (.modality, "Modality"), (.rows, "Rows"), (.columns, "Columns"),
            (.numberOfFrames, "NumberOfFrames"), (.pixelData, "PixelData"), (.transferSyntaxUID, "TransferSyntaxUID"),
            (.mediaStorageSOPClassUID, "MediaStorageSOPClassUID"),
            (.mediaStorageSOPInstanceUID, "MediaStorageSOPInstanceUID"),
            (.patientIdentityRemoved, "PatientIdentityRemoved"), (.deidentificationMethod, "DeidentificationMethod"),
            (.burnedInAnnotation, "BurnedInAnnotation"), (.pixelRepresentation, "PixelRepresentation"),
            (.bitsAllocated, "BitsAllocated"), (.lutDescriptor, "LUTDescriptor"), (.lutData, "LUTData"),
            (.sequenceDelimitationItem, "SequenceDelimitationItem"), (.itemDelimitationItem, "ItemDelimitationItem"),
        ]
        for (tag, keyword) in constants {
            #expect(DataDictionary.entry(for: tag)?.keyword == keyword, "\(tag)")
        }
    }
}
