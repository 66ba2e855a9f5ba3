/// Recognises a file's real format from its first bytes ("magic bytes"), whatever its name says.
///
/// The sniffer looks only at the signature of each format; it does not validate the structure after it.
/// DICOM is tested first: a Part 10 file's 128-byte preamble is free-form and may itself start with an image
/// signature (a JPEG, PNG or TIFF header, or an executable), so `DICM` at offset 128 decides, whatever the
/// first bytes say. Otherwise such a polyglot would pass as an image and skip DICOM de-identification.
public enum ContentSniffer: Sendable {
    /// How many leading bytes ``sniff(_:)`` needs to recognise every format it knows (the DICOM marker
    /// ends at byte 132).
    public static let prefixLength = 132

    /// The format whose signature `prefix` starts with, or `nil` when none matches.
    ///
    /// - Parameter prefix: the file's first bytes; at least ``prefixLength`` of them when the file has that many.
    public static func sniff(_ prefix: some Collection<UInt8>) -> ContentType? {
        let bytes = Array(prefix.prefix(prefixLength))
        if bytes.count >= 132, bytes[128..<132].elementsEqual("DICM".utf8) { return .dicom }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if isWebP(bytes) { return .webp }
        return nil
    }

    /// RIFF container, form type `WEBP`, first chunk one of the three WebP bitstream chunks.
    private static func isWebP(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 16, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8)
        else { return false }
        let chunk = bytes[12..<16]
        return chunk.elementsEqual("VP8 ".utf8) || chunk.elementsEqual("VP8L".utf8) || chunk.elementsEqual("VP8X".utf8)
    }
}
