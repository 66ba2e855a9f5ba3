import Foundation
import Testing

@testable import S3Presign

/// The classic AWS SigV4 test suite (`Tests/Fixtures/aws-sigv4/aws4_testsuite`), run through
/// ``SigV4Signer/signHeaders(_:date:)`` for service `service` in `us-east-1` at
/// 2015-08-30T12:36:00Z, comparing the canonical request (`.creq`), the string to sign (`.sts`)
/// and the `Authorization` value (`.authz`) exactly.
///
/// The signer follows S3: it never normalises paths. Excluded, therefore, are the six cases whose
/// expected canonical path needs normalisation (dot segments removed or slashes merged):
///
/// - `normalize-path/get-relative` (`/example/..` is expected as `/`)
/// - `normalize-path/get-relative-relative` (`/example1/example2/../..` as `/`)
/// - `normalize-path/get-slash` (`//` as `/`)
/// - `normalize-path/get-slash-dot-slash` (`/./` as `/`)
/// - `normalize-path/get-slash-pointless-dot` (`/./example` as `/example`)
/// - `normalize-path/get-slashes` (`//example//` as `/example/`)
///
/// `normalize-path/get-space` and `normalize-path/get-special-character` stay in: normalising
/// does not change their paths, so S3's rules give the suite's answer. ``excludedCasesNeedNormalization()``
/// checks that every excluded case really does differ without normalisation. All 28 other cases
/// must pass.
@Suite struct AWSSigV4TestSuiteTests {
    static let folder = "aws-sigv4/aws4_testsuite"
    static let excluded: Set<String> = [
        "normalize-path/get-relative", "normalize-path/get-relative-relative", "normalize-path/get-slash",
        "normalize-path/get-slash-dot-slash", "normalize-path/get-slash-pointless-dot", "normalize-path/get-slashes",
    ]
    /// Groups of cases in sub-folders of the suite.
    static let groups = ["normalize-path", "post-sts-token"]
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let stsToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    /// Every case of the suite, as `folder/name` for those in a group folder.
    static let allCases: [String] = Fixtures.directories(folder).flatMap { name in
        groups.contains(name) ? Fixtures.directories("\(folder)/\(name)").map { "\(name)/\($0)" } : [name]
    }
    static let runCases = allCases.filter { !excluded.contains($0) }

    /// The suite's signer for a case: `get-vanilla-with-session-token` signs with the token the
    /// suite expects, `post-sts-header-after` adds its token after signing.
    static func signer(for name: String) throws -> SigV4Signer {
        let token: String? =
            switch name {
            case "get-vanilla-with-session-token": "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"
            case "post-sts-token/post-sts-header-after": stsToken
            default: nil
            }
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: token
        )
        return try SigV4Signer(
            credentials: credentials, region: "us-east-1", service: "service",
            signsSessionToken: name != "post-sts-token/post-sts-header-after"
        )
    }

    static func file(_ name: String, _ suffix: String) throws -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return try #require(Fixtures.text("\(folder)/\(name)/\(base).\(suffix)"), "missing \(name).\(suffix)")
    }

    @Test func suiteIsCompleteAndExclusionsExist() {
        #expect(Self.allCases.count == 34)
        #expect(Self.runCases.count == 28)
        #expect(Self.excluded.isSubset(of: Set(Self.allCases)))
    }

    @Test(arguments: runCases)
    func caseMatches(_ name: String) throws {
        let request = try #require(SuiteRequest(try Self.file(name, "req")), "unparsable \(name).req")
        let signed = try Self.signer(for: name).signHeaders(request.sigV4Request, date: Self.date)
        #expect(signed.canonicalRequest == (try Self.file(name, "creq")))
        #expect(signed.stringToSign == (try Self.file(name, "sts")))
        #expect(signed.authorization == (try Self.file(name, "authz")))
        #expect(signed.headers.first { $0.name == "X-Amz-Date" }?.value == "20150830T123600Z")
    }

    @Test func sessionTokenAddedAfterSigningIsSentButNotSigned() throws {
        let name = "post-sts-token/post-sts-header-after"
        let request = try #require(SuiteRequest(try Self.file(name, "req")))
        let signed = try Self.signer(for: name).signHeaders(request.sigV4Request, date: Self.date)
        let sent = try #require(SuiteRequest(try Self.file(name, "sreq")))
        let sentToken = sent.headers.first { $0.name == "X-Amz-Security-Token" }?.value
        #expect(signed.headers.last?.name == "X-Amz-Security-Token")
        #expect(signed.headers.last?.value == sentToken)
        #expect(signed.signedHeaders == "host;x-amz-date")
    }

    @Test(arguments: excluded.sorted())
    func excludedCasesNeedNormalization(_ name: String) throws {
        let request = try #require(SuiteRequest(try Self.file(name, "req")))
        let signed = try Self.signer(for: name).signHeaders(request.sigV4Request, date: Self.date)
        let expectedPath = try Self.file(name, "creq").split(separator: "\n", omittingEmptySubsequences: false)[1]
        let ourPath = signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(ourPath != expectedPath)
        #expect(ourPath == Substring(URIEncoding.encode(request.path, keepingSlash: true)))
    }
}
