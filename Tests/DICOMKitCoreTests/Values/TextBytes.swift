@testable import DICOMKitCore

/// Byte strings for character set tests, spelled as the standard's examples spell them.
enum TextBytes {
    /// ESC ( B: ASCII in G0.
    static let toASCII: [UInt8] = [0x1B, 0x28, 0x42]
    /// ESC ( J: JIS X 0201 Romaji in G0.
    static let toRomaji: [UInt8] = [0x1B, 0x28, 0x4A]
    /// ESC $ B: JIS X 0208 in G0.
    static let toJISX0208: [UInt8] = [0x1B, 0x24, 0x42]
    /// ESC $ ( D: JIS X 0212 in G0.
    static let toJISX0212: [UInt8] = [0x1B, 0x24, 0x28, 0x44]
    /// ESC $ ) C: KS X 1001 in G1.
    static let toKSX1001: [UInt8] = [0x1B, 0x24, 0x29, 0x43]
    /// ESC $ ) A: GB 2312 in G1.
    static let toGB2312: [UInt8] = [0x1B, 0x24, 0x29, 0x41]
    /// ESC - L: ISO 8859-5 (Cyrillic) in G1.
    static let toCyrillic: [UInt8] = [0x1B, 0x2D, 0x4C]

    /// The ASCII bytes of `text`.
    static func ascii(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    /// Decodes `bytes` as an element of `vr` with the Specific Character Set `terms`.
    static func decode(_ bytes: [UInt8], terms: [String], vr: VR = .PN) -> DecodedText {
        SpecificCharacterSet(terms: terms).decode(bytes[...], vr: vr)
    }

    /// The warning codes of `result`.
    static func codes(_ result: DecodedText) -> [CharacterSetWarning.Code] {
        result.warnings.map(\.code)
    }
}
