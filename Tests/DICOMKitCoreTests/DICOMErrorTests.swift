import Testing

@testable import DICOMKitCore

@Suite("DICOMError")
struct DICOMErrorTests {
    @Test("Equality on code only; description names offset and tag")
    func basics() {
        let one = DICOMError(.truncated, offset: 10, tag: .pixelData, message: "a")
        let two = DICOMError(.truncated, offset: 99, message: "b")
        #expect(one == two)
        #expect(one != DICOMError(.invalidLength, offset: 10, message: "a"))
        #expect(one.description == "DICOMError.truncated at offset 10, tag (7FE0,0010): a")
        #expect(DICOMError(.invalidKey, message: "short").description == "DICOMError.invalidKey: short")
        #expect(Set([one, two]).count == 1)
        #expect(DICOMError.Code.unsupportedTransferSyntax.description == "unsupportedTransferSyntax")
    }
}
