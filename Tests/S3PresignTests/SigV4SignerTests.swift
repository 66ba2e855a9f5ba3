import Foundation
import Testing

@testable import S3Presign

@Suite struct SigV4SignerTests {
    static let exampleCredentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    )
    static let may2013 = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z

    /// The signing key of the AWS SigV4 documentation's example (IAM, 2015-08-30).
    @Test func signingKeyMatchesTheAWSDocumentation() throws {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        )
        let signer = try SigV4Signer(credentials: credentials, region: "us-east-1", service: "iam")
        #expect(
            SigV4Crypto.hex(signer.signingKey(day: "20150830"))
                == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"
        )
    }

    /// The S3 API reference's "GET Object" example, signed with headers.
    @Test func s3HeaderSigningMatchesTheS3Documentation() throws {
        let signer = try SigV4Signer(
            credentials: Self.exampleCredentials, region: "us-east-1", service: "s3", addsContentSHA256Header: true
        )
        let request = SigV4Request(
            method: "GET", path: "/test.txt",
            headers: [("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9")]
        )
        let signed = try signer.signHeaders(request, date: Self.may2013)
        #expect(signed.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.headers.map(\.name) == ["X-Amz-Date", "x-amz-content-sha256", "Authorization"])
    }

    /// The S3 API reference's presigned URL example (GET, one day).
    @Test func s3PresignedQueryMatchesTheS3Documentation() throws {
        let signer = try SigV4Signer(credentials: Self.exampleCredentials, region: "us-east-1", service: "s3")
        let request = SigV4Request(
            method: "GET", path: "/test.txt", headers: [("host", "examplebucket.s3.amazonaws.com")], payload: .unsigned
        )
        let presigned = try signer.presignQuery(request, expiresIn: 86_400, date: Self.may2013)
        #expect(presigned.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(
            presigned.queryString
                == "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1"
                + "%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        )
        #expect(presigned.canonicalRequest.hasSuffix("\nhost\nUNSIGNED-PAYLOAD"))
    }

    @Test func pathIsEncodedOnceOrTwice() throws {
        let request = SigV4Request(method: "get", path: "/a b/%/ü", headers: [("Host", "h")])
        let once = try SigV4Signer(credentials: Self.exampleCredentials, region: "r", service: "s")
        let twice = try SigV4Signer(
            credentials: Self.exampleCredentials, region: "r", service: "s", pathEncoding: .twice)
        #expect(try once.canonicalRequest(request).hasPrefix("GET\n/a%20b/%25/%C3%BC\n"))
        #expect(try twice.canonicalRequest(request).hasPrefix("GET\n/a%2520b/%2525/%25C3%25BC\n"))
    }

    @Test func canonicalQuerySortsByEncodedNameThenValue() throws {
        let signer = try SigV4Signer(credentials: Self.exampleCredentials, region: "r", service: "s")
        let request = SigV4Request(
            method: "GET", path: "/",
            queryItems: [("b", "2"), ("a", "z"), ("a", "y"), ("A", "1"), ("a b", ""), ("~", "/")],
            headers: [("Host", "h")]
        )
        let lines = try signer.canonicalRequest(request).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "A=1&a=y&a=z&a%20b=&b=2&~=%2F")
    }

    @Test func headersAreLowerCasedTrimmedJoinedAndSorted() throws {
        let signer = try SigV4Signer(credentials: Self.exampleCredentials, region: "r", service: "s")
        let request = SigV4Request(
            method: "GET", path: "/",
            headers: [("Host", "h"), ("X-B", "  two   words\t here "), ("x-a", "1"), ("X-A", "2")]
        )
        let text = try signer.canonicalRequest(request)
        #expect(text.contains("\nhost:h\nx-a:1,2\nx-b:two words here\n\nhost;x-a;x-b\n"))
    }

    @Test func headerSigningReplacesStaleAuthHeaders() throws {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token")
        let signer = try SigV4Signer(credentials: credentials, region: "r", service: "s")
        let request = SigV4Request(
            method: "GET", path: "/",
            headers: [
                ("Host", "h"), ("Authorization", "old"), ("X-Amz-Date", "old"), ("X-Amz-Security-Token", "old"),
            ]
        )
        let signed = try signer.signHeaders(request, date: Self.may2013)
        #expect(signed.signedHeaders == "host;x-amz-date;x-amz-security-token")
        #expect(!signed.canonicalRequest.contains("old"))
        #expect(signed.headers.first { $0.name == "X-Amz-Security-Token" }?.value == "token")
    }

    @Test func requestsWithoutExactlyOneHostAreRefused() throws {
        let signer = try SigV4Signer(credentials: Self.exampleCredentials, region: "r", service: "s")
        for headers: [(name: String, value: String)] in [[], [("Host", "a"), ("host", "b")]] {
            let request = SigV4Request(method: "GET", path: "/", headers: headers)
            #expect(throws: S3PresignError(.invalidHeader, field: "", reason: "")) {
                try signer.signHeaders(request, date: Self.may2013)
            }
        }
    }

    @Test func malformedRequestsAreRefused() throws {
        let signer = try SigV4Signer(credentials: Self.exampleCredentials, region: "r", service: "s")
        let host: [(name: String, value: String)] = [("Host", "h")]
        let cases: [(SigV4Request, S3PresignError.Code)] = [
            (SigV4Request(method: "", path: "/", headers: host), .invalidMethod),
            (SigV4Request(method: "GE T", path: "/", headers: host), .invalidMethod),
            (SigV4Request(method: "GET", path: "a", headers: host), .invalidPath),
            (SigV4Request(method: "GET", path: "", headers: host), .invalidPath),
            (SigV4Request(method: "GET", path: "/", headers: host + [("Bad:Name", "v")]), .invalidHeader),
            (SigV4Request(method: "GET", path: "/", headers: host + [("X", "a\nb")]), .invalidHeader),
            (SigV4Request(method: "GET", path: "/", headers: host + [("X", "a\u{0}b")]), .invalidHeader),
            (SigV4Request(method: "GET", path: "/", queryItems: [("", "v")], headers: host), .invalidQueryItem),
        ]
        for (request, code) in cases {
            let error = try #require(throws: S3PresignError.self) {
                try signer.signHeaders(request, date: Self.may2013)
            }
            #expect(error.code == code)
        }
    }

    @Test func presignRefusesReservedNamesAndBadExpiry() throws {
        let signer = try SigV4Signer(credentials: Self.exampleCredentials, region: "r", service: "s")
        let reserved = SigV4Request(
            method: "GET", path: "/", queryItems: [("X-Amz-Date", "x")], headers: [("Host", "h")])
        #expect(throws: S3PresignError(.invalidQueryItem, field: "", reason: "")) {
            try signer.presignQuery(reserved, expiresIn: 60, date: Self.may2013)
        }
        let plain = SigV4Request(method: "GET", path: "/", headers: [("Host", "h")])
        for expiry in [0, 604_801] {
            #expect(throws: S3PresignError(.invalidExpiry, field: "", reason: "")) {
                try signer.presignQuery(plain, expiresIn: expiry, date: Self.may2013)
            }
        }
    }

    @Test(arguments: ["", "US-EAST-1", "a/b", "a b", "-a", "a-", "12"])
    func invalidRegionOrServiceIsRefused(_ name: String) {
        #expect(throws: S3PresignError(.invalidRegion, field: "", reason: "")) {
            try SigV4Signer(credentials: Self.exampleCredentials, region: name, service: "s3")
        }
        #expect(throws: S3PresignError(.invalidService, field: "", reason: "")) {
            try SigV4Signer(credentials: Self.exampleCredentials, region: "us-east-1", service: name)
        }
    }

    @Test func payloadStandIns() {
        #expect(
            SigV4Request.Payload.bytes([]).hash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SigV4Request.Payload.unsigned.hash == "UNSIGNED-PAYLOAD")
        #expect(SigV4Request.Payload.sha256Hex("abc").hash == "abc")
    }
}
