import Testing

@testable import S3Presign

@Suite struct URIEncodingTests {
    @Test func unreservedBytesStayAsTheyAre() {
        let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        #expect(URIEncoding.encode(unreserved, keepingSlash: false) == unreserved)
    }

    @Test func reservedBytesAreEncodedWithUpperCaseHex() {
        #expect(URIEncoding.encode("a b+c@d=e&f", keepingSlash: false) == "a%20b%2Bc%40d%3De%26f")
        #expect(URIEncoding.encode("ü/ሴ", keepingSlash: false) == "%C3%BC%2F%E1%88%B4")
        #expect(URIEncoding.encode("%2F", keepingSlash: false) == "%252F")
    }

    @Test func slashIsKeptOnlyInPaths() {
        #expect(URIEncoding.encode("/a b/c/", keepingSlash: true) == "/a%20b/c/")
        #expect(URIEncoding.encode("/a b/c/", keepingSlash: false) == "%2Fa%20b%2Fc%2F")
    }
}
