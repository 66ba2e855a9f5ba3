/// Basic offset table and fragments of encapsulated pixel data (PS3.5 A.4).
///
/// ``frames(numberOfFrames:extendedOffsetTable:extendedOffsetTableLengths:)`` tells which fragments
/// make up each frame; ``DICOMFile/frames(numberOfFrames:)`` does it with the file's Number of
/// Frames and Extended Offset Table.
public struct EncapsulatedPixelData: Sendable, Equatable {
    /// The value of the first item: the basic offset table (often empty).
    public var basicOffsetTable: ArraySlice<UInt8>
    /// The values of the following items, one per fragment, in order.
    public var fragments: [ArraySlice<UInt8>]

    /// Creates encapsulated pixel data.
    public init(basicOffsetTable: some Sequence<UInt8> = [], fragments: [ArraySlice<UInt8>]) {
        self.basicOffsetTable = ArraySlice(basicOffsetTable)
        self.fragments = fragments
    }

    /// The frames, each as the fragments that hold it, without copying.
    ///
    /// Frames are found, in this order of preference (PS3.5 A.4, PS3.3 C.7.6.3.1.8):
    /// 1. the Extended Offset Table (7FE0,0001) with its lengths (7FE0,0002), when given: 64-bit
    ///    offsets of each frame's first item, and each frame's length (its last fragment is cut to
    ///    it, dropping the padding);
    /// 2. a non-empty Basic Offset Table: 32-bit offsets of each frame's first item, one per frame;
    /// 3. one fragment per frame, when there are as many fragments as frames;
    /// 4. every fragment for a single frame;
    /// 5. a new frame at each fragment that starts a JPEG or JPEG-LS codestream (SOI, `FF D8 FF`), a
    ///    JPEG 2000 codestream (SOC and SIZ, `FF 4F FF 51`) or a JP2 file (its signature box), when
    ///    that gives `numberOfFrames` frames.
    ///
    /// Offsets count from the first byte of the first item after the Basic Offset Table, item headers
    /// included, and must fall on item boundaries in increasing order. Nothing is allocated in
    /// proportion to what a table or `numberOfFrames` claims: the frames are at most the fragments.
    ///
    /// - Throws: ``DICOMError/Code/invalidOffsetTable`` when a table is malformed (a length not a
    ///   multiple of its entry size, only one of the two extended tables), counts other than
    ///   `numberOfFrames` frames, has offsets that are not increasing item boundaries or lengths
    ///   longer than their frames, or when the frames cannot be told apart;
    ///   ``DICOMError/Code/invalidValue`` when `numberOfFrames` is below 1.
    public func frames(
        numberOfFrames: Int, extendedOffsetTable: ArraySlice<UInt8>? = nil,
        extendedOffsetTableLengths: ArraySlice<UInt8>? = nil
    ) throws(DICOMError) -> [EncapsulatedFrame] {
        guard numberOfFrames >= 1 else {
            throw DICOMError(.invalidValue, tag: .numberOfFrames, message: "the number of frames is below 1")
        }
        guard !fragments.isEmpty else {
            throw offsetTableError("encapsulated pixel data without fragments holds no frame")
        }
        guard numberOfFrames <= fragments.count else {
            throw offsetTableError("more frames than fragments")
        }
        if extendedOffsetTable != nil || extendedOffsetTableLengths != nil {
            guard let extendedOffsetTable, let extendedOffsetTableLengths else {
                throw offsetTableError("an Extended Offset Table without its lengths, or lengths without the table")
            }
            return try framesFromExtendedTable(
                numberOfFrames: numberOfFrames, offsets: extendedOffsetTable, lengths: extendedOffsetTableLengths
            )
        }
        if !basicOffsetTable.isEmpty {
            guard basicOffsetTable.count % 4 == 0 else {
                throw offsetTableError("a Basic Offset Table whose length is not a multiple of 4")
            }
            guard basicOffsetTable.count / 4 == numberOfFrames else {
                throw offsetTableError("a Basic Offset Table with another number of entries than frames")
            }
            let offsets = (0..<numberOfFrames).map { UInt64(littleEndian: basicOffsetTable, at: $0 * 4, size: 4) }
            return try framesFromOffsets(offsets, lengths: nil)
        }
        if fragments.count == numberOfFrames {
            return fragments.map { EncapsulatedFrame(fragments: [$0]) }
        }
        if numberOfFrames == 1 {
            return [EncapsulatedFrame(fragments: fragments)]
        }
        var starts: [Int] = []
        for (index, fragment) in fragments.enumerated() where startsCodestream(fragment) {
            starts.append(index)
            if starts.count > numberOfFrames {
                break
            }
        }
        guard starts.first == 0, starts.count == numberOfFrames else {
            throw offsetTableError(
                "no offset table, more fragments than frames, and the fragments' codestream markers do not give the"
                    + " number of frames"
            )
        }
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1] : fragments.count
            return EncapsulatedFrame(fragments: Array(fragments[starts[index]..<end]))
        }
    }

    /// Frames from the Extended Offset Table and its lengths.
    private func framesFromExtendedTable(
        numberOfFrames: Int, offsets table: ArraySlice<UInt8>, lengths: ArraySlice<UInt8>
    ) throws(DICOMError) -> [EncapsulatedFrame] {
        guard table.count % 8 == 0, lengths.count % 8 == 0 else {
            throw offsetTableError("an Extended Offset Table or its lengths not a multiple of 8 bytes long")
        }
        guard table.count == lengths.count else {
            throw offsetTableError("an Extended Offset Table with another number of entries than its lengths")
        }
        guard table.count / 8 == numberOfFrames else {
            throw offsetTableError("an Extended Offset Table with another number of entries than frames")
        }
        let offsets = (0..<numberOfFrames).map { UInt64(littleEndian: table, at: $0 * 8, size: 8) }
        let frameLengths = (0..<numberOfFrames).map { UInt64(littleEndian: lengths, at: $0 * 8, size: 8) }
        return try framesFromOffsets(offsets, lengths: frameLengths)
    }

    /// Frames starting at the items at `offsets` (from the first item after the Basic Offset Table),
    /// each cut to its length when `lengths` gives them.
    private func framesFromOffsets(_ offsets: [UInt64], lengths: [UInt64]?) throws(DICOMError) -> [EncapsulatedFrame] {
        // The offset of each fragment's item, and past the last one.
        var itemOffsets: [UInt64] = []
        itemOffsets.reserveCapacity(fragments.count + 1)
        var position: UInt64 = 0
        for fragment in fragments {
            itemOffsets.append(position)
            position += 8 + UInt64(fragment.count)
        }
        itemOffsets.append(position)
        var firstFragments: [Int] = []
        firstFragments.reserveCapacity(offsets.count)
        var searchFrom = 0
        for offset in offsets {
            guard let index = itemOffsets[searchFrom..<fragments.count].firstIndex(where: { $0 >= offset }),
                itemOffsets[index] == offset, firstFragments.last.map({ index > $0 }) ?? true
            else {
                throw offsetTableError("an offset that is not the start of a fragment item after the previous frame's")
            }
            firstFragments.append(index)
            searchFrom = index
        }
        guard firstFragments.first == 0 else {
            throw offsetTableError("the first frame does not start at the first fragment")
        }
        var frames: [EncapsulatedFrame] = []
        frames.reserveCapacity(firstFragments.count)
        for (frame, first) in firstFragments.enumerated() {
            let end = frame + 1 < firstFragments.count ? firstFragments[frame + 1] : fragments.count
            var parts = Array(fragments[first..<end])
            if let lengths {
                var left = lengths[frame]
                var kept: [ArraySlice<UInt8>] = []
                for part in parts where left > 0 {
                    let take = Int(min(UInt64(part.count), left))
                    kept.append(part.prefix(take))
                    left -= UInt64(take)
                }
                guard left == 0 else {
                    throw offsetTableError("an Extended Offset Table length longer than its frame's fragments")
                }
                parts = kept
            }
            frames.append(EncapsulatedFrame(fragments: parts))
        }
        return frames
    }

    /// Whether `fragment` starts a JPEG, JPEG-LS or JPEG 2000 codestream, or a JP2 file.
    private func startsCodestream(_ fragment: ArraySlice<UInt8>) -> Bool {
        let head = Array(fragment.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) || head.starts(with: [0xFF, 0x4F, 0xFF, 0x51]) {
            return true
        }
        return head.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A])
    }

    private func offsetTableError(_ message: String) -> DICOMError {
        DICOMError(.invalidOffsetTable, tag: .pixelData, message: message)
    }
}

/// One frame of encapsulated pixel data: the fragments that hold it, slices of the file's bytes.
public struct EncapsulatedFrame: Sendable, Equatable {
    /// The frame's fragments, in order (most frames have one). When an Extended Offset Table gave the
    /// frame's length, the last fragment is cut to it.
    public let fragments: [ArraySlice<UInt8>]

    /// Creates a frame of `fragments`.
    public init(fragments: [ArraySlice<UInt8>]) {
        self.fragments = fragments
    }

    /// The number of bytes of the frame.
    public var count: Int {
        fragments.reduce(0) { $0 + $1.count }
    }

    /// The frame's bytes: the fragment itself for a frame of one fragment (no copy), else the
    /// fragments joined into a new array.
    public var bytes: ArraySlice<UInt8> {
        if fragments.count == 1 {
            return fragments[0]
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(count)
        for fragment in fragments {
            joined.append(contentsOf: fragment)
        }
        return joined[...]
    }
}

extension UInt64 {
    /// The `size`-byte little-endian integer at `index` (from the start) of `bytes`, which must hold it.
    fileprivate init(littleEndian bytes: ArraySlice<UInt8>, at index: Int, size: Int) {
        var value: UInt64 = 0
        let base = bytes.startIndex + index
        for byte in (0..<size).reversed() {
            value = value << 8 | UInt64(bytes[base + byte])
        }
        self = value
    }
}
