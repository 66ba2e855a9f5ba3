import Testing

@testable import CryptoSupport

/// Known answers from FIPS 180-4 examples and RFC 4231.
@Suite struct CryptoSupportTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256OneShot(input: String, expected: String) {
        #expect(SHA256Hasher.hash(Array(input.utf8)).hexString == expected)
    }

    @Test func sha256IncrementalMatchesOneShot() {
        let data = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256Hasher()
        for chunk in stride(from: 0, to: data.count, by: 997) {
            hasher.update(data[chunk..<min(chunk + 997, data.count)])
        }
        #expect(hasher.finalize() == SHA256Hasher.hash(data))
    }

    @Test func sha256CopiesDoNotShareState() {
        var first = SHA256Hasher()
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        #expect(second.finalize().hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(first.finalize() == SHA256Hasher.hash(Array("ab".utf8)))
        first.update(Array("c".utf8))
        #expect(first.finalize() == second.finalize())
    }

    @Test func hmacRFC4231Case1() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        let tag = HMACSHA256.authenticationCode(key: key, message: "Hi There")
        #expect(tag.hexString == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func hmacRFC4231Case2() {
        let tag = HMACSHA256.authenticationCode(key: Array("Jefe".utf8), message: "what do ya want for nothing?")
        #expect(tag.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacEmptyKeyAndMessage() {
        let tag = HMACSHA256.authenticationCode(key: [UInt8](), message: [UInt8]())
        #expect(tag.hexString == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func randomBytesHaveRequestedLengthAndDiffer() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        let first = SecureRandom.bytes(count: 32)
        let second = SecureRandom.bytes(count: 32)
        #expect(first.count == 32)
        #expect(first != second)
    }

    @Test func constantTimeCompare() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(constantTimeEquals([UInt8](), [UInt8]()))
    }
}
