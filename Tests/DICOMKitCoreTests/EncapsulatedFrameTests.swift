import Testing

@testable import DICOMKitCore

private typealias B = PartTenBuilder

@Suite("Frames of encapsulated pixel data")
struct EncapsulatedFrameTests {
    static let jpegA: ArraySlice<UInt8> = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]
    static let jpegB: ArraySlice<UInt8> = [0xFF, 0xD8, 0xFF, 0xDB, 3, 4]
    static let tail: ArraySlice<UInt8> = [5, 6, 0xFF, 0xD9]
    static let j2k: ArraySlice<UInt8> = [0xFF, 0x4F, 0xFF, 0x51, 0, 0]

    private func error(_ body: () throws(DICOMError) -> [EncapsulatedFrame]) -> DICOMError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("An empty Basic Offset Table and one fragment per frame")
    func onePerFrame() throws {
        let pixels = EncapsulatedPixelData(fragments: [Self.jpegA, Self.tail, Self.jpegB])
        let frames = try pixels.frames(numberOfFrames: 3)
        #expect(frames.map(\.fragments) == [[Self.jpegA], [Self.tail], [Self.jpegB]])
        #expect(frames[0].bytes == Self.jpegA)
    }

    @Test("A non-empty Basic Offset Table: frames of several fragments")
    func basicOffsetTable() throws {
        // Items: jpegA (8+6), tail (8+4), jpegB (8+6): frame 2 starts at 14 + 12 = 26.
        let table = B.uint32(0) + B.uint32(26)
        let pixels = EncapsulatedPixelData(basicOffsetTable: table, fragments: [Self.jpegA, Self.tail, Self.jpegB])
        let frames = try pixels.frames(numberOfFrames: 2)
        #expect(frames.map(\.fragments) == [[Self.jpegA, Self.tail], [Self.jpegB]])
        #expect(Array(frames[0].bytes) == Array(Self.jpegA + Self.tail))
        #expect(frames[0].count == 10)
    }

    @Test("An Extended Offset Table with lengths wins over the Basic Offset Table, and cuts padding")
    func extendedOffsetTable() throws {
        func uint64(_ value: UInt64) -> [UInt8] {
            B.uint32(UInt32(value & 0xFFFF_FFFF)) + B.uint32(UInt32(value >> 32))
        }
        let pixels = EncapsulatedPixelData(basicOffsetTable: [1, 2, 3], fragments: [Self.jpegA, Self.jpegB, Self.j2k])
        let offsets = ArraySlice(uint64(0) + uint64(14) + uint64(28))
        let lengths = ArraySlice(uint64(6) + uint64(5) + uint64(6))
        let frames = try pixels.frames(
            numberOfFrames: 3, extendedOffsetTable: offsets, extendedOffsetTableLengths: lengths)
        #expect(frames.map(\.fragments) == [[Self.jpegA], [Self.jpegB.prefix(5)], [Self.j2k]])

        let longer = ArraySlice(uint64(6) + uint64(7) + uint64(6))
        #expect(
            error { () throws(DICOMError) in
                try pixels.frames(numberOfFrames: 3, extendedOffsetTable: offsets, extendedOffsetTableLengths: longer)
            }?.code == .invalidOffsetTable)
        #expect(
            error { () throws(DICOMError) in
                try pixels.frames(numberOfFrames: 3, extendedOffsetTable: offsets)
            }?.code == .invalidOffsetTable)
        #expect(
            error { () throws(DICOMError) in
                try pixels.frames(numberOfFrames: 2, extendedOffsetTable: offsets, extendedOffsetTableLengths: lengths)
            }?.code == .invalidOffsetTable)
    }

    @Test("All fragments for a single frame")
    func singleFrame() throws {
        let pixels = EncapsulatedPixelData(fragments: [Self.jpegA, Self.tail])
        let frames = try pixels.frames(numberOfFrames: 1)
        #expect(frames.count == 1)
        #expect(Array(frames[0].bytes) == Array(Self.jpegA + Self.tail))
    }

    @Test("No table, more fragments than frames: split at JPEG and JPEG 2000 start markers")
    func markers() throws {
        let pixels = EncapsulatedPixelData(fragments: [Self.jpegA, Self.tail, Self.j2k, Self.tail, Self.jpegB])
        let frames = try pixels.frames(numberOfFrames: 3)
        #expect(frames.map(\.fragments) == [[Self.jpegA, Self.tail], [Self.j2k, Self.tail], [Self.jpegB]])
        #expect(
            error { () throws(DICOMError) in try pixels.frames(numberOfFrames: 2) }?.code == .invalidOffsetTable)
        let unmarked = EncapsulatedPixelData(fragments: [Self.tail, Self.jpegA, Self.tail])
        #expect(
            error { () throws(DICOMError) in try unmarked.frames(numberOfFrames: 2) }?.code == .invalidOffsetTable)
    }

    @Test("Inconsistent tables and counts are typed errors")
    func inconsistent() {
        let fragments = [Self.jpegA, Self.tail, Self.jpegB]
        let cases: [(EncapsulatedPixelData, Int)] = [
            // A table length not a multiple of 4; another count than frames; an offset between items;
            // offsets out of order; a first frame after the first fragment; an offset past the end.
            (EncapsulatedPixelData(basicOffsetTable: [0, 0, 0], fragments: fragments), 1),
            (EncapsulatedPixelData(basicOffsetTable: B.uint32(0) + B.uint32(26), fragments: fragments), 3),
            (EncapsulatedPixelData(basicOffsetTable: B.uint32(0) + B.uint32(20), fragments: fragments), 2),
            (EncapsulatedPixelData(basicOffsetTable: B.uint32(26) + B.uint32(0), fragments: fragments), 2),
            (EncapsulatedPixelData(basicOffsetTable: B.uint32(14) + B.uint32(26), fragments: fragments), 2),
            (EncapsulatedPixelData(basicOffsetTable: B.uint32(0) + B.uint32(0xFFFF_FFF0), fragments: fragments), 2),
            // More frames than fragments; no fragment at all.
            (EncapsulatedPixelData(fragments: fragments), 4),
            (EncapsulatedPixelData(fragments: []), 1),
        ]
        for (pixels, count) in cases {
            #expect(
                error { () throws(DICOMError) in try pixels.frames(numberOfFrames: count) }?.code == .invalidOffsetTable
            )
        }
        let pixels = EncapsulatedPixelData(fragments: fragments)
        #expect(error { () throws(DICOMError) in try pixels.frames(numberOfFrames: 0) }?.code == .invalidValue)
        #expect(
            error { () throws(DICOMError) in try pixels.frames(numberOfFrames: Int.max) }?.code == .invalidOffsetTable)
    }

    @Test("DICOMFile.frames() takes Number of Frames and the Extended Offset Table from the data set")
    func fromFile() throws {
        func uint64(_ value: UInt64) -> [UInt8] {
            B.uint32(UInt32(value & 0xFFFF_FFFF)) + B.uint32(UInt32(value >> 32))
        }
        let pixelData = B.encapsulatedPixelData(offsetTable: [], fragments: [Array(Self.jpegA), Array(Self.jpegB)])
        var body = B.explicit(.numberOfFrames, "IS", B.text("2 "))
        body += B.explicit(Tag(0x7FE0, 0x0001), "OV", uint64(0) + uint64(14))
        body += B.explicit(Tag(0x7FE0, 0x0002), "OV", uint64(6) + uint64(6))
        let file = try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: body + pixelData))
        #expect(try file.frames().map(\.fragments) == [[Self.jpegA], [Self.jpegB]])
        #expect(try file.frames(numberOfFrames: 2).count == 2)

        let single = try DICOMFile(bytes: B.file(transferSyntax: B.jpegBaseline, dataSet: pixelData))
        #expect(try single.frames().count == 1)
        let native = try DICOMFile(
            bytes: B.file(transferSyntax: B.explicitLittle, dataSet: B.explicit(.pixelData, "OB", [1, 2])))
        #expect(error { () throws(DICOMError) in try native.frames() }?.code == .invalidPixelData)
        let badCount = try DICOMFile(
            bytes: B.file(
                transferSyntax: B.jpegBaseline, dataSet: B.explicit(.numberOfFrames, "IS", B.text("two")) + pixelData))
        #expect(error { () throws(DICOMError) in try badCount.frames() }?.code == .invalidValue)
    }
}
