import Testing

@testable import DICOMKitCore

@Suite("BasicProfile")
struct BasicProfileTests {
    @Test("Actions by tag, repeating groups by mask, private by rule")
    func actions() {
        #expect(BasicProfile.action(for: .patientName) == .zero)
        #expect(BasicProfile.action(for: .patientID) == .zeroOrDummy)
        #expect(BasicProfile.action(for: .sopInstanceUID) == .replaceUID)
        #expect(BasicProfile.action(for: Tag(0x0008, 0x0080)) == .removeOrZeroOrDummy)
        #expect(BasicProfile.action(for: Tag(0x0008, 0x2112)) == .removeOrZeroOrReplaceUID)
        #expect(BasicProfile.action(for: Tag(0x0040, 0xA730)) == .dummy)
        #expect(BasicProfile.action(for: Tag(0x6000, 0x3000)) == .remove)
        #expect(BasicProfile.action(for: Tag(0x601E, 0x4000)) == .remove)
        #expect(BasicProfile.action(for: Tag(0x5002, 0x0005)) == .remove)
        #expect(BasicProfile.action(for: Tag(0x6000, 0x0010)) == nil)
        #expect(BasicProfile.action(for: Tag(0x0009, 0x1001)) == nil)
        #expect(BasicProfile.action(for: .modality) == nil)
        // 2026c additions are in the table.
        #expect(BasicProfile.action(for: Tag(0x0010, 0x0011)) != nil)
        #expect(BasicProfile.count == 655)
    }
}
