import Testing

@testable import DICOMKitCore

@Suite("VR")
struct VRTests {
    @Test("Every VR parses from its two bytes and round-trips")
    func parsing() {
        for vr in VR.allCases {
            let code = Array(vr.rawValue.utf8)
            #expect(VR(first: code[0], second: code[1]) == vr)
            #expect(vr.codeBytes == (code[0], code[1]))
        }
        #expect(VR(first: 0x7A, second: 0x7A) == nil)
        #expect(VR(first: 0x20, second: 0x20) == nil)
    }

    @Test("Length field sizes and padding (PS3.5 7.1.2, 6.2)")
    func properties() {
        let long: Set<VR> = [.OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV]
        for vr in VR.allCases {
            #expect(vr.hasLongLength == long.contains(vr), "\(vr)")
        }
        #expect(VR.UI.paddingByte == 0)
        #expect(VR.OB.paddingByte == 0)
        #expect(VR.PN.paddingByte == 0x20)
        #expect(VR.LT.ignoresLeadingSpaces == false)
        #expect(VR.LO.ignoresLeadingSpaces)
        #expect(!VR.UT.allowsMultipleValues)
        #expect(VR.US.binaryValueSize == 2 && VR.FD.binaryValueSize == 8 && VR.OB.binaryValueSize == nil)
    }
}
