import Testing

@testable import DICOMKitCore

@Suite("TransferSyntax")
struct TransferSyntaxTests {
    @Test("The registry holds every transfer syntax, with the named ones equal to their entries")
    func registry() {
        #expect(TransferSyntax.all.count == 59)
        #expect(Set(TransferSyntax.all.map(\.uid)).count == TransferSyntax.all.count)
        for named in [
            TransferSyntax.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian,
            .deflatedExplicitVRLittleEndian,
        ] {
            #expect(TransferSyntax(uid: named.uid) == named)
        }
    }

    @Test("Encodings and support")
    func encodings() throws {
        #expect(
            TransferSyntax.implicitVRLittleEndian.isSupported && !TransferSyntax.implicitVRLittleEndian.isExplicitVR)
        #expect(TransferSyntax.explicitVRLittleEndian.isSupported && TransferSyntax.explicitVRLittleEndian.isExplicitVR)
        #expect(TransferSyntax.explicitVRBigEndian.isSupported && !TransferSyntax.explicitVRBigEndian.isLittleEndian)
        #expect(TransferSyntax.deflatedExplicitVRLittleEndian.isSupported)
        #expect(TransferSyntax.deflatedExplicitVRLittleEndian.isDeflated)
        let jpeg = try #require(TransferSyntax(uid: "1.2.840.10008.1.2.4.50"))
        #expect(jpeg.isEncapsulated && jpeg.isSupported && jpeg.isExplicitVR)
        #expect(jpeg.name == "JPEG Baseline (Process 1)")
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.5")?.isEncapsulated == true)
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.4.94")?.isEncapsulated == false)
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.4.95")?.isDeflated == true)
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.6.1")?.isSupported == false)
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.1\0")?.uid == "1.2.840.10008.1.2.1")
        #expect(TransferSyntax(uid: "1.2.3.4") == nil)
        #expect(TransferSyntax.explicitVRLittleEndian.description == "Explicit VR Little Endian (1.2.840.10008.1.2.1)")
    }
}
