/// Where the bytes of an INSTREAM come from, one chunk at a time.
///
/// A chunk comes back as a frame: ``headerLength`` reserved bytes (the writer fills in the
/// big-endian length there, sparing a copy) followed by 1...`maxLength` data bytes. `nil` means the
/// end; a source never returns a frame without data, because an empty chunk ends the stream.
protocol InstreamSource {
    /// The next frame, or `nil` at the end of the data.
    mutating func nextFrame(maxLength: Int) async throws(ClamdError) -> [UInt8]?
}

/// The size of an INSTREAM chunk header: a 4-byte big-endian length.
let instreamHeaderLength = 4

/// The chunks of an in-memory collection.
struct CollectionInstreamSource<Bytes: Collection<UInt8>>: InstreamSource {
    private let bytes: Bytes
    private var position: Bytes.Index

    init(_ bytes: Bytes) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func nextFrame(maxLength: Int) -> [UInt8]? {
        guard position != bytes.endIndex, maxLength > 0 else {
            return nil
        }
        let end = bytes.index(position, offsetBy: maxLength, limitedBy: bytes.endIndex) ?? bytes.endIndex
        let chunk = bytes[position..<end]
        var frame = [UInt8](repeating: 0, count: instreamHeaderLength)
        frame.reserveCapacity(instreamHeaderLength + chunk.count)
        frame.append(contentsOf: chunk)
        position = end
        return frame
    }
}
