import Testing

@testable import S3Presign

@Suite struct S3CustomEndpointTests {
    @Test(arguments: [
        ("http://127.0.0.1:8333", "127.0.0.1:8333", "127.0.0.1:8333", true, ""),
        ("https://minio.example.com", "minio.example.com", "minio.example.com", false, ""),
        ("HTTPS://Storage.Example.COM:443/", "Storage.Example.COM:443", "storage.example.com", false, "/"),
        ("http://h.example.com:80/base", "h.example.com:80", "h.example.com", false, "/base"),
        ("https://h.example.com:80/a/b/", "h.example.com:80", "h.example.com:80", false, "/a/b/"),
        ("http://[::1]:9000", "[::1]:9000", "[::1]:9000", true, ""),
        ("http://[2001:DB8::1]", "[2001:DB8::1]", "[2001:db8::1]", true, ""),
        ("http://minio_1:9000", "minio_1:9000", "minio_1:9000", false, ""),
    ])
    func parsesAuthorityHostHeaderAndPath(
        _ text: String, _ authority: String, _ hostHeader: String, _ isIP: Bool, _ path: String
    ) throws {
        let endpoint = try S3CustomEndpoint(text)
        #expect(endpoint.authority == authority)
        #expect(endpoint.hostHeader == hostHeader)
        #expect(endpoint.isIPAddress == isIP)
        #expect(endpoint.path == path)
    }

    @Test(arguments: [
        "", "127.0.0.1:8333", "ftp://h", "http://", "http://:80", "http://h:0", "http://h:65536", "http://h:080",
        "http://h:", "http://h:8a", "http://user@h", "http://h?x=1", "http://h/#f", "http://h/a//b", "http://h/./a",
        "http://h/a/..", "http://h/a%20b", "http://h/a b", "http://-h", "http://h-.com", "http://h..com",
        "http://256.1.1.1", "http://1.2.3", "http://[::1", "http://[::g]", "http://[1:2:3:4:5:6:7:8:9]",
        "http://[1::2::3]",
        "http://[::1]x", "http://h ost",
    ])
    func malformedEndpointsAreRefused(_ text: String) {
        #expect(throws: S3PresignError(.invalidEndpoint, field: "", reason: "")) { try S3CustomEndpoint(text) }
    }

    @Test(arguments: ["https://s3-accelerate.amazonaws.com", "https://s3-accelerate.dualstack.amazonaws.com"])
    func accelerateEndpointsAreUnsupported(_ text: String) {
        #expect(throws: S3PresignError(.unsupportedEndpoint, field: "", reason: "")) { try S3CustomEndpoint(text) }
    }

    @Test(arguments: ["::1", "::", "1::", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "fe80::1:2", "1:2:3:4:5:6:1.2.3.4"])
    func acceptsIPv6Literals(_ text: String) {
        #expect(S3CustomEndpoint.isIPv6Literal(Substring(text)))
    }

    @Test(arguments: ["1", ":::", "1:2:3:4:5:6:7", "12345::", "::1.2.3.256", "1.2.3.4::", "a::b::c"])
    func refusesMalformedIPv6Literals(_ text: String) {
        #expect(!S3CustomEndpoint.isIPv6Literal(Substring(text)))
    }
}
