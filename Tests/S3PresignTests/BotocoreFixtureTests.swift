import Foundation
import Testing

@testable import S3Presign

/// Known answers from botocore (`Tests/Fixtures/botocore/presign.json`, written by
/// `scripts/generate-botocore-fixtures`): every URL must be equal byte for byte.
@Suite struct BotocoreFixtureTests {
    struct Document: Decodable {
        var botocoreVersion: String
        var cases: [Entry]

        enum CodingKeys: String, CodingKey {
            case cases
            case botocoreVersion = "botocore_version"
        }
    }

    struct Entry: Decodable {
        var name: String
        var input: Input
        var url: String
    }

    struct Input: Decodable {
        var method: String
        var bucket: String
        var key: String
        var expires: Int
        var time: Double
        var region: String
        var endpoint: String?
        var addressingStyle: String
        var accessKeyID: String
        var secretAccessKey: String
        var sessionToken: String?
        var headers: [String: String]
        var query: [[String]]

        enum CodingKeys: String, CodingKey {
            case method, bucket, key, expires, time, region, endpoint, headers, query
            case addressingStyle = "addressing_style"
            case accessKeyID = "access_key_id"
            case secretAccessKey = "secret_access_key"
            case sessionToken = "session_token"
        }
    }

    static let document: Document? = Fixtures.data("botocore/presign.json").flatMap {
        try? JSONDecoder().decode(Document.self, from: $0)
    }
    static let names = document?.cases.map(\.name) ?? []

    @Test func fixtureIsLoadedAndCoversWhatItMust() throws {
        let document = try #require(Self.document, "Tests/Fixtures/botocore/presign.json is missing or malformed")
        #expect(document.cases.count >= 12)
        #expect(!document.botocoreVersion.isEmpty)
        let inputs = document.cases.map(\.input)
        #expect(Set(inputs.map(\.method)) == ["GET", "PUT"])
        #expect(inputs.contains { $0.sessionToken != nil } && inputs.contains { $0.sessionToken == nil })
        #expect(Set(inputs.map(\.region)).count >= 2)
        #expect(inputs.contains { $0.endpoint == "http://127.0.0.1:8333" })
        #expect(inputs.contains { $0.expires == 1 } && inputs.contains { $0.expires == 604_800 })
        #expect(inputs.contains { $0.method == "PUT" && $0.headers["Content-Type"] != nil })
        for fragment in [" ", "+", "@", "=", "~", "ü"] {
            #expect(inputs.contains { $0.key.contains(fragment) }, "no key with \(fragment)")
        }
        #expect(inputs.contains { $0.key.hasPrefix("/") })
        #expect(inputs.contains { $0.key.split(separator: "/").count >= 3 })
    }

    @Test(arguments: names)
    func urlEqualsBotocore(_ name: String) throws {
        let entry = try #require(Self.document?.cases.first { $0.name == name })
        let input = entry.input
        let style: S3Presigner.AddressingStyle =
            switch input.addressingStyle {
            case "virtual": .virtualHosted
            case "path": .path
            default: .automatic
            }
        let presigner = try S3Presigner(
            credentials: AWSCredentials(
                accessKeyID: input.accessKeyID, secretAccessKey: input.secretAccessKey, sessionToken: input.sessionToken
            ),
            region: input.region, endpoint: input.endpoint, addressingStyle: style
        )
        let method = try #require(S3Presigner.Method(rawValue: input.method))
        let queryItems = input.query.compactMap { pair in pair.count == 2 ? (name: pair[0], value: pair[1]) : nil }
        #expect(queryItems.count == input.query.count)
        let url = try presigner.presignedURL(
            method: method, bucket: input.bucket, key: input.key, expiresIn: input.expires,
            date: Date(timeIntervalSince1970: input.time), headers: input.headers, queryItems: queryItems
        )
        #expect(url == entry.url)
    }
}
