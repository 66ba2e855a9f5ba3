import Testing

@testable import DICOMKitCore

@Suite("UIDRegistry")
struct UIDRegistryTests {
    @Test("Lookup by UID (padding ignored) and by keyword")
    func lookup() throws {
        let ct = try #require(UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.2"))
        #expect(ct.keyword == "CTImageStorage")
        #expect(ct.name == "CT Image Storage")
        #expect(ct.type == .sopClass)
        #expect(!ct.isRetired)
        #expect(UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.2\0") == ct)
        #expect(UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.2 ") == ct)
        #expect(UIDRegistry.entry(forKeyword: "CTImageStorage") == ct)

        let bigEndian = try #require(UIDRegistry.entry(forKeyword: "ExplicitVRBigEndian"))
        #expect(bigEndian.uid == "1.2.840.10008.1.2.2")
        #expect(bigEndian.type == .transferSyntax)
        #expect(bigEndian.isRetired)
        #expect(UIDRegistry.entry(for: "1.2.840.10008.1.2.1")?.type.description == "Transfer Syntax")
        #expect(UIDRegistry.entry(for: "1.2.840.10008.1.1")?.keyword == "Verification")
        #expect(UIDRegistry.entry(for: "1.2.3.4") == nil)
        #expect(UIDRegistry.entry(forKeyword: "") == nil)
        #expect(UIDRegistry.entry(forKeyword: "NoSuchKeyword") == nil)
    }

    @Test("Every kind of the registry; the retired twin of a name keeps its own keyword")
    func kinds() throws {
        #expect(UIDRegistry.entries.count == 482)
        #expect(UIDRegistry.entries(of: .sopClass).count == 304)
        #expect(UIDRegistry.entries(of: .wellKnownSOPInstance).count == 19)
        #expect(UIDRegistry.entries(of: .wellKnownFrameOfReference).count == 28)
        #expect(UIDRegistry.entries(of: .metaSOPClass).count == 9)
        #expect(UIDRegistry.entries(of: .codingScheme).count == 15)
        #expect(UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.5")?.keyword == "NuclearMedicineImageStorageRetired")
        #expect(UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.5")?.isRetired == true)
        #expect(UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.40")?.keyword == "")
        // In UID order, component by component.
        let first = try #require(UIDRegistry.entries.first)
        #expect(first.uid == "1.2.840.10008.1.1")
    }

    @Test("The registry's transfer syntaxes are TransferSyntax.all, keyword and name alike")
    func transferSyntaxes() throws {
        let registered = UIDRegistry.entries(of: .transferSyntax)
        #expect(registered.count == TransferSyntax.all.count)
        for syntax in TransferSyntax.all {
            let entry = try #require(UIDRegistry.entry(for: syntax.uid))
            #expect(entry.keyword == syntax.keyword)
            #expect(entry.name == syntax.name)
            #expect(entry.isRetired == syntax.isRetired)
        }
    }
}
