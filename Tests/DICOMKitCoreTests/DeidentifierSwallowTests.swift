import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

/// Regression: a kept attribute whose declared length covers the elements after it carried their values
/// (Device Serial Number, Institution Name, ...) through de-identification inside the kept value.
@Suite("Deidentifier: a kept value that swallows other elements")
struct DeidentifierSwallowTests {
    static let key = [UInt8](repeating: 0x33, count: 32)

    /// KVP (0018,0060, DS, kept) or Manufacturer (0008,0070, LO, kept) declaring a length that covers the
    /// identifying elements after it.
    static func swallowingFile(_ tag: Tag, vr: String, honest: Bool) -> [UInt8] {
        let swallowed =
            B.explicit(Tag(0x0018, 0x1000), "LO", B.text("PHISERIAL4711"))
            + B.explicit(Tag(0x0018, 0x1030), "LO", B.text("PHIPROTOCOL Roe"))
        let value = B.text("120")
        let kept =
            honest
            ? B.explicit(tag, vr, value) + swallowed
            : B.explicitHeader(tag, vr, length: UInt32(value.count + swallowed.count)) + value + swallowed
        let dataSet =
            B.explicit(.sopClassUID, "UI", B.uid("1.2.840.10008.5.1.4.1.1.7"))
            + B.explicit(.sopInstanceUID, "UI", B.uid("1.2.826.0.1.3680043.8.498.91")) + kept
        return B.file(transferSyntax: B.explicitLittle, dataSet: dataSet)
    }

    @Test(
        "A kept value holding element headers is refused",
        arguments: [(Tag(0x0018, 0x0060), "DS"), (Tag(0x0008, 0x0070), "LO")])
    func swallowingValueIsRefused(tag: Tag, vr: String) throws {
        let file = try DICOMFile(bytes: Self.swallowingFile(tag, vr: vr, honest: false))
        let error = try #require(throws: DICOMError.self) { try Deidentifier(secretKey: Self.key).deidentify(file) }
        #expect(error.code == .invalidValue)
        #expect(error.tag == tag)
        #expect(!error.description.contains("PHI"))
    }

    @Test(
        "The same attributes, honestly encoded, are de-identified",
        arguments: [(Tag(0x0018, 0x0060), "DS"), (Tag(0x0008, 0x0070), "LO")])
    func honestFileIsDeidentified(tag: Tag, vr: String) throws {
        let file = try DICOMFile(bytes: Self.swallowingFile(tag, vr: vr, honest: true))
        let output = try Deidentifier(secretKey: Self.key).deidentify(file).serialized()
        #expect(!String(decoding: output, as: UTF8.self).contains("PHISERIAL4711"))
    }

    @Test("Text with formatting in LT, escapes and trailing NUL padding are not control bytes")
    func allowedBytes() throws {
        try Deidentifier.checkKeptText(
            DataElement(tag: Tag(0x0008, 0x0070), vr: .LO, bytes: Array("ACME\u{0}\u{0}".utf8)))
        try Deidentifier.checkKeptText(
            DataElement(tag: Tag(0x0008, 0x0070), vr: .LO, bytes: [0x1B, 0x24, 0x42] + Array("ACME".utf8)))
        try Deidentifier.checkKeptText(DataElement(tag: Tag(0x0018, 0x7006), vr: .LT, bytes: Array("a\r\nb\tc".utf8)))
        #expect(throws: DICOMError.self) {
            try Deidentifier.checkKeptText(DataElement(tag: Tag(0x0008, 0x0070), vr: .LO, bytes: Array("a\nb".utf8)))
        }
        #expect(throws: DICOMError.self) {
            try Deidentifier.checkKeptText(DataElement(tag: Tag(0x0008, 0x0070), vr: .LO, bytes: [0x41, 0x00, 0x42]))
        }
    }
}
