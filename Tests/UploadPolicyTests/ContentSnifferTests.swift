import Testing

@testable import UploadPolicy

/// Leading bytes of each format, built here.
enum Samples {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    static let gif87: [UInt8] = Array("GIF87a".utf8) + [1, 0, 1, 0, 0, 0, 0]
    static let gif89: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0]
    static func webp(_ chunk: String) -> [UInt8] {
        Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [10, 0, 0, 0]
    }
    static let dicom: [UInt8] = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + [2, 0, 0, 0]
    static let text: [UInt8] = Array("This is a plain text file, not an image.\n".utf8)
}

@Suite struct ContentSnifferTests {
    @Test func recognisesEachFormat() {
        #expect(ContentSniffer.sniff(Samples.jpeg) == .jpeg)
        #expect(ContentSniffer.sniff(Samples.png) == .png)
        #expect(ContentSniffer.sniff(Samples.gif87) == .gif)
        #expect(ContentSniffer.sniff(Samples.gif89) == .gif)
        #expect(ContentSniffer.sniff(Samples.webp("VP8 ")) == .webp)
        #expect(ContentSniffer.sniff(Samples.webp("VP8L")) == .webp)
        #expect(ContentSniffer.sniff(Samples.webp("VP8X")) == .webp)
        #expect(ContentSniffer.sniff(Samples.dicom) == .dicom)
    }

    /// Regression: a DICOM file whose preamble starts with an image signature was sniffed as that image, so it
    /// was stored verbatim as an image, skipping de-identification.
    @Test(arguments: [Samples.jpeg, Samples.png, Samples.gif89, Samples.webp("VP8 "), Array("MZ\u{90}\u{0}".utf8)])
    func dicomMarkerWinsOverAnImageSignatureInThePreamble(preambleStart: [UInt8]) {
        var file = Samples.dicom
        file.replaceSubrange(0..<preambleStart.count, with: preambleStart)
        #expect(ContentSniffer.sniff(file) == .dicom)
    }

    @Test func rejectsNearMisses() {
        #expect(ContentSniffer.sniff(Samples.text) == nil)
        #expect(ContentSniffer.sniff([UInt8]()) == nil)
        #expect(ContentSniffer.sniff([0xFF, 0xD8]) == nil)
        #expect(ContentSniffer.sniff(Array("GIF88a".utf8)) == nil)
        #expect(ContentSniffer.sniff(Array(Samples.png.dropLast(Samples.png.count - 7))) == nil)
        // A RIFF file that is not WebP (WAVE) and a WEBP form with an unknown first chunk.
        #expect(ContentSniffer.sniff(Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WAVEfmt ".utf8)) == nil)
        #expect(ContentSniffer.sniff(Samples.webp("ABCD")) == nil)
        // 'DICM' anywhere but at offset 128, and a file that ends inside the marker.
        #expect(ContentSniffer.sniff(Array("DICM".utf8) + [UInt8](repeating: 0, count: 200)) == nil)
        #expect(ContentSniffer.sniff([UInt8](repeating: 0, count: 128) + Array("DIC".utf8)) == nil)
    }
}
