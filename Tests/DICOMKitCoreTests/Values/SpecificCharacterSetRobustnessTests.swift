import Testing

@testable import DICOMKitCore

@Suite("Specific Character Set: arbitrary bytes never trap")
struct SpecificCharacterSetRobustnessTests {
    /// A fixed-seed generator, so that every run decodes the same inputs.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    static let termSets: [[String]] = [
        [], ["ISO_IR 100"], ["ISO_IR 13"], ["ISO_IR 166"], ["ISO_IR 192"], ["GB18030"], ["GBK"],
        ["", "ISO 2022 IR 87", "ISO 2022 IR 159"], ["ISO 2022 IR 13", "ISO 2022 IR 87"], ["", "ISO 2022 IR 149"],
        ["", "ISO 2022 IR 58"], ["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"], ["nonsense"],
    ]

    @Test("Random bytes rich in ESC, delimiters and high bytes decode under every term set", arguments: termSets)
    func randomBytes(terms: [String]) {
        var generator = SplitMix(state: 0x5EED)
        let characterSet = SpecificCharacterSet(terms: terms)
        let interesting: [UInt8] = [0x1B, 0x24, 0x28, 0x29, 0x2D, 0x42, 0x4A, 0x43, 0x41, 0x5C, 0x5E, 0x3D, 0x0D, 0x8F]
        for length in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(length % 40) {
                if Bool.random(using: &generator) {
                    bytes.append(interesting.randomElement(using: &generator) ?? 0)
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            }
            for vr in [VR.PN, .LO, .LT, .CS] {
                let decoded = characterSet.decode(bytes[...], vr: vr)
                // Every byte yields at most one character.
                #expect(decoded.text.unicodeScalars.count <= bytes.count)
                let element = DataElement(tag: Tag(0x0010, 0x0010), vr: vr, bytes: bytes)
                _ = element.personNames(characterSet: characterSet)
                #expect(element.decodedStrings(characterSet: characterSet).values.count <= bytes.count + 1)
            }
        }
    }
}

@Suite("Specific Character Set: concurrent decoding")
struct SpecificCharacterSetConcurrencyTests {
    @Test("Many tasks decode with pooled iconv converters and get the same text")
    func concurrent() async {
        let bytes =
            TextBytes.toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + TextBytes.toASCII + TextBytes.ascii("^")
            + TextBytes.toKSX1001 + [0xC8, 0xAB]
        let characterSet = SpecificCharacterSet(terms: ["", "ISO 2022 IR 87", "ISO 2022 IR 149"])
        let results = await withTaskGroup(of: Set<String>.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var texts: Set<String> = []
                    for _ in 0..<200 {
                        texts.insert(characterSet.decode(bytes[...], vr: .PN).text)
                        texts.insert(SpecificCharacterSet(terms: ["GBK"]).decode([0xCD, 0xF5], vr: .LO).text)
                    }
                    return texts
                }
            }
            var all: Set<String> = []
            for await texts in group {
                all.formUnion(texts)
            }
            return all
        }
        #expect(results == ["山田^홍", "王"])
    }
}
