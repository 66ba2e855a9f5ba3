// presign: prints presigned S3 URLs (AWS Signature Version 4). It signs; it never sends anything.
//
//   presign --method get|put --bucket B --key K --expires N [--region R] [--endpoint URL]
//           [--addressing-style auto|virtual|path] [--header 'Name: value']... [--query name=value]...
//       One URL for now, with credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
//       AWS_SESSION_TOKEN (optional). The secret is never printed; a session token is, as it must
//       be, inside the URL it signs. The region defaults to AWS_REGION, then us-east-1.
//
//   presign --json < cases.json
//       A JSON array of cases, the shape of the inputs in Tests/Fixtures/botocore/presign.json:
//       {method, bucket, key, expires, time (seconds since 1970), region, endpoint (or null),
//        addressing_style, access_key_id, secret_access_key, session_token (or null),
//        headers {name: value}, query [[name, value]]}.
//       Prints one URL a line, or `ERROR <code> <field>` for a case that cannot be presigned,
//       and exits 1 if any case failed.

import Foundation
import S3Presign

struct PresignCase: Decodable {
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

enum UsageError: Error, CustomStringConvertible {
    case message(String)

    var description: String {
        switch self {
        case .message(let text): return text
        }
    }
}

func addressingStyle(_ text: String) throws -> S3Presigner.AddressingStyle {
    switch text {
    case "auto": return .automatic
    case "virtual": return .virtualHosted
    case "path": return .path
    default: throw UsageError.message("addressing style must be auto, virtual or path")
    }
}

func method(_ text: String) throws -> S3Presigner.Method {
    guard let method = S3Presigner.Method(rawValue: text.uppercased()) else {
        throw UsageError.message("method must be get or put")
    }
    return method
}

func presign(_ item: PresignCase) throws -> String {
    let credentials = AWSCredentials(
        accessKeyID: item.accessKeyID, secretAccessKey: item.secretAccessKey, sessionToken: item.sessionToken
    )
    let presigner = try S3Presigner(
        credentials: credentials, region: item.region, endpoint: item.endpoint,
        addressingStyle: addressingStyle(item.addressingStyle)
    )
    var queryItems: [(name: String, value: String)] = []
    for pair in item.query {
        guard pair.count == 2 else { throw UsageError.message("a query item is a [name, value] pair") }
        queryItems.append((pair[0], pair[1]))
    }
    return try presigner.presignedURL(
        method: method(item.method), bucket: item.bucket, key: item.key, expiresIn: item.expires,
        date: Date(timeIntervalSince1970: item.time), headers: item.headers, queryItems: queryItems
    )
}

func runJSON() -> Int32 {
    let input = FileHandle.standardInput.readDataToEndOfFile()
    let cases: [PresignCase]
    do {
        cases = try JSONDecoder().decode([PresignCase].self, from: input)
    } catch {
        FileHandle.standardError.write(Data("presign: stdin is not a JSON array of cases\n".utf8))
        return 2
    }
    var output = ""
    var failures = 0
    for item in cases {
        do {
            output += try presign(item) + "\n"
        } catch let error as S3PresignError {
            failures += 1
            output += "ERROR \(error.code) \(error.field)\n"
        } catch {
            failures += 1
            output += "ERROR \(error)\n"
        }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
    return failures == 0 ? 0 : 1
}

func runSingle(_ arguments: [String]) throws -> String {
    var options: [String: String] = [:]
    var headers: [String: String] = [:]
    var queryItems: [(name: String, value: String)] = []
    var index = 0
    while index < arguments.count {
        let name = arguments[index]
        guard index + 1 < arguments.count else { throw UsageError.message("\(name) needs a value") }
        let value = arguments[index + 1]
        switch name {
        case "--method", "--bucket", "--key", "--expires", "--region", "--endpoint", "--addressing-style":
            options[name] = value
        case "--header":
            guard let colon = value.firstIndex(of: ":") else {
                throw UsageError.message("--header takes 'Name: value'")
            }
            headers[String(value[..<colon])] = String(value[value.index(after: colon)...])
        case "--query":
            let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            queryItems.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
        default:
            throw UsageError.message("unknown option \(name)")
        }
        index += 2
    }
    let environment = ProcessInfo.processInfo.environment
    guard let methodText = options["--method"], let bucket = options["--bucket"], let key = options["--key"],
        let expiresText = options["--expires"]
    else { throw UsageError.message("--method, --bucket, --key and --expires are required") }
    guard let expires = Int(expiresText) else { throw UsageError.message("--expires takes whole seconds") }
    guard let accessKeyID = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
        throw UsageError.message("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    }
    let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    let credentials = AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token)
    let presigner = try S3Presigner(
        credentials: credentials,
        region: options["--region"] ?? environment["AWS_REGION"] ?? "us-east-1",
        endpoint: options["--endpoint"],
        addressingStyle: addressingStyle(options["--addressing-style"] ?? "auto")
    )
    return try presigner.presignedURL(
        method: method(methodText), bucket: bucket, key: key, expiresIn: expires, date: Date(),
        headers: headers, queryItems: queryItems
    )
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--json"] {
    exit(runJSON())
}
do {
    print(try runSingle(arguments))
} catch {
    FileHandle.standardError.write(Data("presign: \(error)\n".utf8))
    FileHandle.standardError.write(
        Data(
            ("usage: presign --method get|put --bucket B --key K --expires N [--region R] [--endpoint URL] "
                + "[--addressing-style auto|virtual|path] [--header 'Name: value']... [--query name=value]...\n"
                + "       presign --json < cases.json\n").utf8
        )
    )
    exit(2)
}
