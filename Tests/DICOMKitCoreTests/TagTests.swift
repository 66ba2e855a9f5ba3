import Testing

@testable import DICOMKitCore

@Suite("Tag")
struct TagTests {
    @Test("Description, order, raw value")
    func basics() {
        #expect(Tag.patientName.description == "(0010,0010)")
        #expect(Tag(0x7FE0, 0x0010).description == "(7FE0,0010)")
        #expect(Tag(0xFFFE, 0xE0DD).description == "(FFFE,E0DD)")
        #expect(Tag(0x0008, 0xFFFF) < Tag(0x0009, 0x0000))
        #expect(Tag(0x0010, 0x0010) < Tag(0x0010, 0x0020))
        #expect(Tag(rawValue: 0x0020_000D) == .studyInstanceUID)
        #expect(Tag.studyInstanceUID.rawValue == 0x0020_000D)
        #expect(Tag(group: 1, element: 2) == Tag(1, 2))
    }

    @Test("Private, private creator, group length, meta")
    func kinds() {
        #expect(Tag(0x0009, 0x1001).isPrivate)
        #expect(!Tag(0x0009, 0x1001).isPrivateCreator)
        #expect(Tag(0x0009, 0x0010).isPrivateCreator)
        #expect(Tag(0x0009, 0x00FF).isPrivateCreator)
        #expect(!Tag(0x0010, 0x0010).isPrivate)
        #expect(Tag(0x0010, 0x0000).isGroupLength)
        #expect(Tag.transferSyntaxUID.isFileMetaInformation)
    }
}
