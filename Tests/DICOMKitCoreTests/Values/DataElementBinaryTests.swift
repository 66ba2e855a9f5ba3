import Testing

@testable import DICOMKitCore

@Suite("DataElement binary values")
struct DataElementBinaryTests {
    @Test("Integer arrays of each width, little endian, either signedness")
    func integers() {
        let us = DataElement(tag: Tag(0x0028, 0x3002), vr: .US, bytes: [0x00, 0x10, 0xFF, 0xFF, 0x10, 0x00])
        #expect(us.uint16s == [4096, 65535, 16])
        #expect(us.int16s == [4096, -1, 16])
        #expect(DataElement(tag: .pixelData, vr: .OW, bytes: [1, 2, 3, 4]).uint16s == [0x0201, 0x0403])
        let ul = DataElement(tag: Tag(0x0028, 0x0008), vr: .UL, bytes: [1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(ul.uint32s == [1, 0xFFFF_FFFF])
        #expect(ul.int32s == [1, -1])
        #expect(DataElement(tag: .rows, vr: .OL, bytes: [2, 0, 0, 0]).uint32s == [2])
        let sv = DataElement(tag: .rows, vr: .SV, bytes: [0xFE] + [UInt8](repeating: 0xFF, count: 7))
        #expect(sv.int64s == [-2])
        #expect(sv.uint64s == [0xFFFF_FFFF_FFFF_FFFE])
        #expect(DataElement(tag: .rows, vr: .OV, bytes: [1, 0, 0, 0, 0, 0, 0, 0]).uint64s == [1])
    }

    @Test("Floats, doubles and tags")
    func others() {
        #expect(DataElement(tag: .rows, vr: .FL, bytes: [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0]).float32s == [1, -2])
        #expect(DataElement(tag: .rows, vr: .OF, bytes: [0, 0, 0x80, 0x3F]).float32s == [1])
        #expect(DataElement(tag: .rows, vr: .FD, bytes: [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]).float64s == [1])
        #expect(DataElement(tag: .rows, vr: .OD, bytes: [0, 0, 0, 0, 0, 0, 0, 0x40]).float64s == [2])
        let at = DataElement(
            tag: Tag(0x0020, 0x9165), vr: .AT, bytes: [0x10, 0x00, 0x10, 0x00, 0xE0, 0x7F, 0x10, 0x00])
        #expect(at.tags == [.patientName, .pixelData])
    }

    @Test("nil for another VR, a partial value or a sequence; empty for an empty value")
    func nilCases() {
        #expect(DataElement(tag: .rows, vr: .US, bytes: [1, 0, 2]).uint16s == nil)
        #expect(DataElement(tag: .rows, vr: .UL, bytes: [1, 0]).uint32s == nil)
        #expect(DataElement(tag: .rows, vr: .FD, bytes: [1, 0, 0, 0]).float64s == nil)
        #expect(DataElement(tag: .rows, vr: .OB, bytes: [1, 0]).uint16s == nil)
        #expect(DataElement(tag: .rows, vr: .FL, bytes: [0, 0, 0, 0]).float64s == nil)
        #expect(DataElement(tag: .rows, vr: .US, bytes: [0, 0]).float32s == nil)
        #expect(DataElement(tag: .rows, vr: .LO, string: "ab").tags == nil)
        #expect(DataElement(tag: Tag(0x0008, 0x1115), items: []).uint16s == nil)
        #expect(DataElement(tag: .rows, vr: .US, bytes: []).uint16s == [])
    }

    @Test("Values read from an unaligned slice of a larger buffer")
    func unaligned() {
        let buffer: [UInt8] = [9, 1, 0, 2, 0, 9]
        let element = DataElement(tag: .rows, vr: .US, value: .bytes(buffer[1..<5]))
        #expect(element.uint16s == [1, 2])
    }
}
