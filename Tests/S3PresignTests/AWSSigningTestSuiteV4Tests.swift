import Foundation
import Testing

@testable import S3Presign

/// The newer AWS signing test suite (`Tests/Fixtures/aws-sigv4/aws-signing-test-suite-v4`, as
/// carried in aws-c-auth), each case run twice through the generic signer: with headers
/// (``SigV4Signer/signHeaders(_:date:)``, compared with `header-canonical-request.txt`,
/// `header-string-to-sign.txt`, `header-signature.txt` and the headers of
/// `header-signed-request.txt`) and presigned in the query
/// (``SigV4Signer/presignQuery(_:expiresIn:date:)``, compared with the `query-*` files and the
/// query items of `query-signed-request.txt`). `context.json` supplies the credentials, the
/// time, the expiry, `omit_session_token` (token added after signing) and `sign_body`
/// (`x-amz-content-sha256` added to header signing).
///
/// The signer follows S3: it never normalises paths. Excluded, therefore, are the six cases whose
/// expected canonical path needs normalisation; each has an `-unnormalized` twin that runs:
///
/// - `get-relative-normalized` (`/example/..` is expected as `/`)
/// - `get-relative-relative-normalized` (`/example1/example2/../..` as `/`)
/// - `get-slash-dot-slash-normalized` (`/./` as `/`)
/// - `get-slash-normalized` (`//` as `/`)
/// - `get-slash-pointless-dot-normalized` (`/./example` as `/example`)
/// - `get-slashes-normalized` (`//example//` as `/example/`)
///
/// `get-space-normalized` stays in: normalising does not change its path. ``excludedCasesNeedNormalization()``
/// checks that every excluded case really does differ without normalisation. All 32 other cases
/// must pass in both variants.
@Suite struct AWSSigningTestSuiteV4Tests {
    static let folder = "aws-sigv4/aws-signing-test-suite-v4"
    static let excluded: Set<String> = [
        "get-relative-normalized", "get-relative-relative-normalized", "get-slash-dot-slash-normalized",
        "get-slash-normalized", "get-slash-pointless-dot-normalized", "get-slashes-normalized",
    ]
    static let allCases = Fixtures.directories(folder)
    static let runCases = allCases.filter { !excluded.contains($0) }

    struct Context: Decodable {
        struct Credentials: Decodable {
            var accessKeyID: String
            var secretAccessKey: String
            var token: String?

            enum CodingKeys: String, CodingKey {
                case accessKeyID = "access_key_id"
                case secretAccessKey = "secret_access_key"
                case token
            }
        }

        var credentials: Credentials
        var expirationInSeconds: Int
        var normalize: Bool
        var region: String
        var service: String
        var signBody: Bool
        var timestamp: String
        var omitSessionToken: Bool?

        enum CodingKeys: String, CodingKey {
            case credentials, normalize, region, service, timestamp
            case expirationInSeconds = "expiration_in_seconds"
            case signBody = "sign_body"
            case omitSessionToken = "omit_session_token"
        }
    }

    struct Case {
        var context: Context
        var request: SuiteRequest
        var signer: SigV4Signer
        var date: Date
    }

    static func file(_ name: String, _ file: String) throws -> String {
        try #require(Fixtures.text("\(folder)/\(name)/\(file)"), "missing \(name)/\(file)")
    }

    static func load(_ name: String) throws -> Case {
        let data = try #require(Fixtures.data("\(folder)/\(name)/context.json"))
        let context = try JSONDecoder().decode(Context.self, from: data)
        let request = try #require(SuiteRequest(try file(name, "request.txt")), "unparsable \(name)/request.txt")
        let credentials = AWSCredentials(
            accessKeyID: context.credentials.accessKeyID, secretAccessKey: context.credentials.secretAccessKey,
            sessionToken: context.credentials.token
        )
        let signer = try SigV4Signer(
            credentials: credentials, region: context.region, service: context.service, pathEncoding: .once,
            signsSessionToken: !(context.omitSessionToken ?? false), addsContentSHA256Header: context.signBody
        )
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        return Case(context: context, request: request, signer: signer, date: date)
    }

    @Test func suiteIsCompleteAndExclusionsExist() {
        #expect(Self.allCases.count == 38)
        #expect(Self.runCases.count == 32)
        #expect(Self.excluded.isSubset(of: Set(Self.allCases)))
    }

    @Test(arguments: runCases)
    func headerVariantMatches(_ name: String) throws {
        let test = try Self.load(name)
        let signed = try test.signer.signHeaders(test.request.sigV4Request, date: test.date)
        #expect(signed.canonicalRequest == (try Self.file(name, "header-canonical-request.txt")))
        #expect(signed.stringToSign == (try Self.file(name, "header-string-to-sign.txt")))
        #expect(signed.signature == (try Self.file(name, "header-signature.txt")))
        let sent = try #require(SuiteRequest(try Self.file(name, "header-signed-request.txt")))
        #expect(signed.authorization == sent.headers.first { $0.name == "Authorization" }?.value)
        #expect(
            sortedPairs(test.request.headers + signed.headers, lowercasingNames: true)
                == sortedPairs(sent.headers, lowercasingNames: true)
        )
    }

    @Test(arguments: runCases)
    func queryVariantMatches(_ name: String) throws {
        let test = try Self.load(name)
        let presigned = try test.signer.presignQuery(
            test.request.sigV4Request, expiresIn: test.context.expirationInSeconds, date: test.date
        )
        #expect(presigned.canonicalRequest == (try Self.file(name, "query-canonical-request.txt")))
        #expect(presigned.stringToSign == (try Self.file(name, "query-string-to-sign.txt")))
        #expect(presigned.signature == (try Self.file(name, "query-signature.txt")))
        let sent = try #require(SuiteRequest(try Self.file(name, "query-signed-request.txt")))
        #expect(sent.path == test.request.path)
        #expect(
            sortedPairs(presigned.queryItems, lowercasingNames: false)
                == sortedPairs(sent.queryItems, lowercasingNames: false))
        #expect(presigned.queryItems.last?.name == "X-Amz-Signature")
    }

    @Test(arguments: excluded.sorted())
    func excludedCasesNeedNormalization(_ name: String) throws {
        let test = try Self.load(name)
        #expect(test.context.normalize)
        let signed = try test.signer.signHeaders(test.request.sigV4Request, date: test.date)
        let expected = try Self.file(name, "header-canonical-request.txt")
        let expectedPath = expected.split(separator: "\n", omittingEmptySubsequences: false)[1]
        let ourPath = signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(ourPath != expectedPath)
        let twin = name.replacingOccurrences(of: "-normalized", with: "-unnormalized")
        #expect(Self.runCases.contains(twin))
    }
}
