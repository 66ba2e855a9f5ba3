import Foundation
import Testing

@testable import S3Presign

/// Bad input to ``S3Presigner`` gets a typed error that names the parameter and never echoes it.
@Suite struct S3PresignerValidationTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret")
    static let date = Date(timeIntervalSince1970: 1_735_787_045)

    static func presign(
        bucket: String = "medical-uploads",
        key: String = "a.dcm",
        expiresIn: Int = 60,
        headers: [String: String] = [:],
        queryItems: [(name: String, value: String)] = [],
        endpoint: String? = nil,
        style: S3Presigner.AddressingStyle = .automatic
    ) throws(S3PresignError) -> String {
        let presigner = try S3Presigner(
            credentials: credentials, region: "us-east-1", endpoint: endpoint, addressingStyle: style
        )
        return try presigner.presignedURL(
            method: .put, bucket: bucket, key: key, expiresIn: expiresIn, date: date, headers: headers,
            queryItems: queryItems
        )
    }

    @Test(arguments: [0, -1, 604_801, Int.max, Int.min])
    func expiryOutsideOneSecondToSevenDaysIsRefused(_ expiry: Int) {
        #expect(throws: S3PresignError(.invalidExpiry, field: "", reason: "")) { try Self.presign(expiresIn: expiry) }
    }

    @Test(arguments: [1, 604_800])
    func expiryAtTheLimitsIsAccepted(_ expiry: Int) throws {
        #expect(try Self.presign(expiresIn: expiry).contains("X-Amz-Expires=\(expiry)&"))
    }

    @Test func emptyKeyIsRefused() {
        #expect(throws: S3PresignError(.invalidKey, field: "", reason: "")) { try Self.presign(key: "") }
    }

    @Test func keyLongerThan1024BytesIsRefused() throws {
        #expect(throws: S3PresignError(.invalidKey, field: "", reason: "")) {
            try Self.presign(key: String(repeating: "ü", count: 513))
        }
        _ = try Self.presign(key: String(repeating: "ü", count: 512))
    }

    @Test(arguments: [".", "..", "a/./b", "a/../b", "a/..", "./a"])
    func dotSegmentsAreRefused(_ key: String) throws {
        let error = try #require(throws: S3PresignError.self) { try Self.presign(key: key) }
        #expect(error.code == .invalidKey)
        #expect(error.offset != nil)
    }

    @Test(arguments: [".a", "a.", "...", "a/.../b", ".hidden/x"])
    func dotsInsideSegmentsAreFine(_ key: String) throws {
        _ = try Self.presign(key: key)
    }

    @Test(arguments: [
        "ab", String(repeating: "a", count: 64), "My-Bucket", "my_bucket", "-bucket", "bucket-", "my..bucket",
        "192.168.1.1", "xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket", "bucket-s3alias", "bucket--ol-s3",
        "bucket.mrap", "bucket--x-s3", "bucket--table-s3", "arn:aws:s3:::bucket", "bücket", "",
    ])
    func invalidBucketNamesAreRefused(_ bucket: String) {
        #expect(throws: S3PresignError(.invalidBucketName, field: "", reason: "")) { try Self.presign(bucket: bucket) }
    }

    @Test(arguments: ["abc", String(repeating: "a", count: 63), "a.b.c", "a-.b", "1bucket", "192.168.1.1a"])
    func validBucketNamesAreAccepted(_ bucket: String) throws {
        _ = try Self.presign(bucket: bucket)
    }

    @Test(arguments: [
        ["Host": "evil.example.com"], ["Authorization": "x"], ["X-Amz-Date": "x"], ["x-amz-security-token": "x"],
        ["X-Amz-Content-SHA256": "x"], ["User-Agent": "x"], ["Expect": "100-continue"], ["Bad Name": "x"],
        ["": "x"], ["Content-Type": "a\r\nb"], ["Content-Type": "café"], ["Content-Type": "   "],
        ["Content-Type": "a/b", "content-type": "a/b"],
        ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
    ])
    func unsignableHeadersAreRefused(_ headers: [String: String]) {
        #expect(throws: S3PresignError(.invalidHeader, field: "", reason: "")) { try Self.presign(headers: headers) }
    }

    @Test func signedHeadersAreListedLowerCaseAndSorted() throws {
        let url = try Self.presign(headers: ["X-Amz-Meta-Study": "ct", "Content-Type": "application/dicom"])
        #expect(url.contains("X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-meta-study&"))
    }

    @Test func queryItemsGoFirstInTheGivenOrder() throws {
        let url = try Self.presign(queryItems: [("versionId", "v 1"), ("response-content-type", "a/b")])
        #expect(url.contains("?versionId=v%201&response-content-type=a%2Fb&X-Amz-Algorithm=AWS4-HMAC-SHA256&"))
    }

    @Test(arguments: [
        [(name: "", value: "x")], [(name: "a", value: "1"), (name: "a", value: "2")],
        [(name: "X-Amz-Signature", value: "x")], [(name: "x-amz-credential", value: "x")],
        [(name: "X-Amz-Security-Token", value: "x")],
    ])
    func badQueryItemsAreRefused(_ items: [(name: String, value: String)]) {
        #expect(throws: S3PresignError(.invalidQueryItem, field: "", reason: "")) {
            try Self.presign(queryItems: items)
        }
    }

    @Test(arguments: ["", "US-EAST-1", "us_east_1", "-us-east-1", "aws-global", "aws-cn-global", "123", "us east"])
    func invalidRegionsAreRefused(_ region: String) {
        #expect(throws: S3PresignError(.invalidRegion, field: "", reason: "")) {
            try S3Presigner(credentials: Self.credentials, region: region)
        }
    }

    @Test(arguments: [
        AWSCredentials(accessKeyID: "", secretAccessKey: "s"), AWSCredentials(accessKeyID: "a/b", secretAccessKey: "s"),
        AWSCredentials(accessKeyID: "a b", secretAccessKey: "s"), AWSCredentials(accessKeyID: "a", secretAccessKey: ""),
        AWSCredentials(accessKeyID: "a", secretAccessKey: "s", sessionToken: ""),
        AWSCredentials(accessKeyID: "a", secretAccessKey: "s", sessionToken: "t\r\nx"),
    ])
    func invalidCredentialsAreRefused(_ credentials: AWSCredentials) {
        #expect(throws: S3PresignError(.invalidCredentials, field: "", reason: "")) {
            try S3Presigner(credentials: credentials, region: "us-east-1")
        }
    }

    @Test func dottedBucketInFrontOfAnIPAddressIsRefused() throws {
        for endpoint in ["http://127.0.0.1:8333", "http://[::1]:9000"] {
            #expect(throws: S3PresignError(.unsupportedEndpoint, field: "", reason: "")) {
                try Self.presign(bucket: "a.b", endpoint: endpoint, style: .virtualHosted)
            }
            #expect(try Self.presign(bucket: "a.b", endpoint: endpoint, style: .path).contains("/a.b/a.dcm?"))
        }
        #expect(
            try Self.presign(bucket: "a.b", endpoint: "http://minio.local", style: .virtualHosted)
                .hasPrefix("http://a.b.minio.local/a.dcm?"))
    }

    @Test func datesOutsideTheFormatAreRefused() throws {
        let presigner = try S3Presigner(credentials: Self.credentials, region: "us-east-1")
        let outside = [.nan, .infinity, -.infinity, -62_135_596_801, 253_402_300_800].map(
            Date.init(timeIntervalSince1970:))
        for date in outside {
            #expect(throws: S3PresignError(.invalidDate, field: "", reason: "")) {
                try presigner.presignedURL(method: .get, bucket: "abc", key: "k", expiresIn: 1, date: date)
            }
        }
    }

    @Test func errorsNeverEchoTheValue() throws {
        let secretKey = "patients/Jane Doe 1970-01-01/../scan.dcm"
        let error = try #require(throws: S3PresignError.self) { try Self.presign(key: secretKey) }
        #expect(!error.description.contains("Jane"))
        #expect(error.description.contains("key"))
        let headerError = try #require(throws: S3PresignError.self) {
            try Self.presign(headers: ["x-amz-meta-name": "Jane\nDoe"])
        }
        #expect(!headerError.description.contains("Jane"))
        #expect(headerError.offset == 4)
    }
}
