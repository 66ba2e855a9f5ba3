// ingest: the whole upload flow of MedicalUploadKit on local files.
//
//   swift run -c release ingest [--clamd HOST:PORT | --clamd-socket PATH] [--storage DIR] [--audit FILE]
//                               [--kind images|dicom] [--actor ID] FILE...
//
// Each FILE is its own upload: size limit, clamd scan, content checks, and for DICOM parse, required
// attributes (Patient ID, Study Date) and de-identification, then storage in DIR. One JSON object a line on
// stdout; audit events appended to FILE. Exit 0 when every file was stored or rejected, 2 when any could not
// be decided (nothing is stored for it), 64 on a usage error.
//
// The de-identification key (hex, at least 16 bytes) comes from the environment variable
// MEDICALUPLOADKIT_DEID_KEY; without it a random key is used for this run only (stderr says so).

import AuditLog
import ClamClient
import DICOMKitCore
import Foundation
import MedicalUploadKit
import UploadPolicy

#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var endpoint: ClamdEndpoint = .tcp(host: "127.0.0.1", port: 3310)
    var storage = "ingest-storage"
    var audit = "ingest-audit.jsonl"
    var kind: UploadKind?
    var actor = "ingest-cli"
    var files: [String] = []
}

let usage = """
    usage: ingest [--clamd HOST:PORT | --clamd-socket PATH] [--storage DIR] [--audit FILE]
                  [--kind images|dicom] [--actor ID] FILE...
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ingest: \(message)\n\(usage)\n".utf8))
    exit(64)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func value(_ flag: String) -> String {
        index += 1
        guard index < arguments.count else { fail("\(flag) needs a value") }
        return arguments[index]
    }
    while index < arguments.count {
        let argument = arguments[index]
        switch argument {
        case "--clamd":
            let text = value(argument)
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                (1...65535).contains(port), colon != text.startIndex
            else { fail("--clamd takes HOST:PORT") }
            options.endpoint = .tcp(host: String(text[..<colon]), port: port)
        case "--clamd-socket": options.endpoint = .unixSocket(path: value(argument))
        case "--storage": options.storage = value(argument)
        case "--audit": options.audit = value(argument)
        case "--actor": options.actor = value(argument)
        case "--kind":
            let name = value(argument)
            guard let kind = UploadKind.named(name) else { fail("unknown kind \(name); use images or dicom") }
            options.kind = kind
        case "-h", "--help":
            print(usage)
            exit(0)
        case "--":
            options.files.append(contentsOf: arguments[(index + 1)...])
            index = arguments.count
        default:
            if argument.hasPrefix("--") { fail("unknown option \(argument)") }
            options.files.append(argument)
        }
        index += 1
    }
    if options.files.isEmpty { fail("no FILE given") }
    return options
}

func deidentificationKey() -> [UInt8] {
    guard let hex = ProcessInfo.processInfo.environment["MEDICALUPLOADKIT_DEID_KEY"], !hex.isEmpty else {
        FileHandle.standardError.write(
            Data("ingest: MEDICALUPLOADKIT_DEID_KEY is not set; using a random key for this run only\n".utf8))
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
    var bytes: [UInt8] = []
    var digits = hex.utf8.makeIterator()
    while let high = digits.next() {
        guard let low = digits.next(), let byte = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
        else { fail("MEDICALUPLOADKIT_DEID_KEY must be hexadecimal") }
        bytes.append(byte)
    }
    return bytes
}

/// One output line. Every key is always present; absent values are `null`.
struct Line: Encodable {
    var file: String
    var status: String
    var reason: String?
    var key: String?
    var contentType: String?
    var size: Int?
    var scan: String?
    var dicom: DICOMSummary?

    enum CodingKeys: String, CodingKey { case file, status, reason, key, contentType, size, scan, dicom }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(status, forKey: .status)
        try container.encode(reason, forKey: .reason)
        try container.encode(key, forKey: .key)
        try container.encode(contentType, forKey: .contentType)
        try container.encode(size, forKey: .size)
        try container.encode(scan, forKey: .scan)
        try container.encode(dicom, forKey: .dicom)
    }

    init(file: String, report: IngestReport) {
        self.file = file
        size = report.size
        scan = report.scan?.description
        contentType = report.contentType
        switch report.outcome {
        case .stored(let record):
            status = "stored"
            key = record.storageKey
            dicom = record.dicom
        case .rejected(let rejection):
            status = "rejected"
            reason = rejection.description
        case .failed(let error):
            status = "error"
            reason = error.description
        }
    }
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let pipeline: UploadPipeline
do {
    pipeline = UploadPipeline(
        scanner: ClamdScanner(client: ClamdClient(endpoint: options.endpoint)),
        storage: try LocalDirectoryStorage(root: options.storage),
        auditLogger: try JSONLinesAuditLog(path: options.audit),
        deidentifier: try Deidentifier(secretKey: deidentificationKey()))
} catch {
    FileHandle.standardError.write(Data("ingest: cannot start: \(error)\n".utf8))
    exit(2)
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.withoutEscapingSlashes]
var undecided = 0
for file in options.files {
    let report = await pipeline.ingest(
        Upload(fileName: file, contents: .file(path: file), kind: options.kind),
        context: RequestContext(actorID: options.actor, clientIP: "127.0.0.1", userAgent: "ingest-cli"))
    if case .failed = report.outcome { undecided += 1 }
    let line = Line(file: file, report: report)
    guard let data = try? encoder.encode(line) else {
        FileHandle.standardError.write(Data("ingest: cannot encode the result line\n".utf8))
        exit(2)
    }
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}
exit(undecided == 0 ? 0 : 2)
