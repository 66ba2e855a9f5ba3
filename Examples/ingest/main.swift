// ingest: the whole upload flow of MedicalUploadKit on local files.
//
//   swift run -c release ingest [--clamd HOST:PORT | --clamd-socket PATH] [--storage DIR] [--audit FILE]
//                               [--kind images|dicom] [--actor ID] [--scan-timeout S] [--scan-attempts N] FILE...
//
// Each FILE is its own upload: size limit, clamd scan, content checks, and for DICOM parse, required
// attributes (Patient ID, Study Date) and de-identification, then storage in DIR. One JSON object a line on
// stdout; audit events appended to FILE. Exit 0 when every file was stored or rejected, 2 when any could not
// be decided (nothing is stored for it), 64 on a usage error. See Options.swift for every option.

import AuditLog
import ClamClient
import DICOMKitCore
import Foundation
import MedicalUploadKit

#if canImport(Glibc)
import Glibc
#endif

// A closed stdout (`ingest … | head`) must not kill the process between storing a file and reporting it:
// the write fails instead, and ingest stops there with status 2.
signal(SIGPIPE, SIG_IGN)

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let key = deidentificationKey()
let pipeline: UploadPipeline
do {
    let clamd = ClamdClient(
        endpoint: options.endpoint,
        configuration: .init(writeTimeout: options.scanTimeout, readTimeout: options.scanTimeout))
    pipeline = UploadPipeline(
        configuration: .init(scanAttempts: options.scanAttempts),
        scanner: ClamdScanner(client: clamd),
        storage: try LocalDirectoryStorage(root: options.storage),
        auditLogger: try JSONLinesAuditLog(path: options.audit),
        deidentifier: try Deidentifier(secretKey: key))
} catch {
    FileHandle.standardError.write(Data("ingest: cannot start: \(error)\n".utf8))
    exit(2)
}

var undecided = 0
for file in options.files {
    let report = await pipeline.ingest(
        Upload(fileName: file, contents: .file(path: file), kind: options.kind),
        context: RequestContext(actorID: options.actor, clientIP: "127.0.0.1", userAgent: "ingest-cli"))
    if case .failed = report.outcome { undecided += 1 }
    let line = Array((resultLine(file: file, report: report) + "\n").utf8)
    var written = 0
    while written < line.count {
        let result = line[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else {
            FileHandle.standardError.write(Data("ingest: stdout is closed; stopping after \(file)\n".utf8))
            exit(2)
        }
        written += result
    }
}
exit(undecided == 0 ? 0 : 2)
