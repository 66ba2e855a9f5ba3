import AuditLog
import ClamClient
import DICOMKitCore
import Foundation
import Testing

@testable import MedicalUploadKit

/// The EICAR anti-virus test string, assembled so that this source file does not contain it.
let eicar: [UInt8] = Array(
    ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS" + "-TEST-FILE!$H+H*").utf8)

/// PHI values of the synthetic DICOM file; none may appear in anything the pipeline returns or audits.
enum SyntheticPHI {
    static let patientName = "Quuxington^Zelda"
    static let patientID = "PID-7734-QX"
    static let birthDate = "19480229"
    static let studyDate = "20190607"
    static let studyUID = "1.3.6.1.4.1.99999.42.1"
    static let seriesUID = "1.3.6.1.4.1.99999.42.2"
    static let instanceUID = "1.3.6.1.4.1.99999.42.3"
    static let accession = "ACC99887766"
    static let all = [patientName, patientID, birthDate, studyDate, studyUID, seriesUID, instanceUID, accession]
}

/// A small CT-like DICOM file with PHI at the top level, built here.
func syntheticDICOM(
    patientID: String? = SyntheticPHI.patientID, studyDate: String? = SyntheticPHI.studyDate,
    burnedInAnnotation: String? = nil
) throws -> [UInt8] {
    var elements = [
        DataElement(tag: .sopClassUID, vr: .UI, string: "1.2.840.10008.5.1.4.1.1.2"),
        DataElement(tag: .sopInstanceUID, vr: .UI, string: SyntheticPHI.instanceUID),
        DataElement(tag: .accessionNumber, vr: .SH, string: SyntheticPHI.accession),
        DataElement(tag: .modality, vr: .CS, string: "CT"),
        DataElement(tag: .patientName, vr: .PN, string: SyntheticPHI.patientName),
        DataElement(tag: .patientBirthDate, vr: .DA, string: SyntheticPHI.birthDate),
        DataElement(tag: .studyInstanceUID, vr: .UI, string: SyntheticPHI.studyUID),
        DataElement(tag: .seriesInstanceUID, vr: .UI, string: SyntheticPHI.seriesUID),
        DataElement(tag: .rows, uint16s: [2]),
        DataElement(tag: .columns, uint16s: [2]),
        DataElement(tag: .bitsAllocated, uint16s: [8]),
        DataElement(tag: .pixelData, vr: .OB, bytes: [1, 2, 3, 4]),
    ]
    if let patientID { elements.append(DataElement(tag: .patientID, vr: .LO, string: patientID)) }
    if let studyDate { elements.append(DataElement(tag: .studyDate, vr: .DA, string: studyDate)) }
    if let burnedInAnnotation {
        elements.append(DataElement(tag: .burnedInAnnotation, vr: .CS, string: burnedInAnnotation))
    }
    return try DICOMFile(dataSet: DataSet(elements), transferSyntax: .explicitVRLittleEndian).serialized()
}

/// A fresh temporary directory, inside the scratch directory of the running test when its suite has the
/// ``ScratchDirectory`` trait (which removes it when the test ends).
func temporaryDirectory() throws -> String {
    let base = ScratchDirectory.current ?? FileManager.default.temporaryDirectory.path
    let path = base + "/muk-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Gives every test of a suite a scratch directory that is removed when the test ends, so test runs leave
/// no stored files, audit logs or clamd logs behind.
struct ScratchDirectory: SuiteTrait, TestTrait, TestScoping {
    @TaskLocal static var current: String?

    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("muk-scratch-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await ScratchDirectory.$current.withValue(root) { try await function() }
    }
}

extension Trait where Self == ScratchDirectory {
    /// A scratch directory per test, removed afterwards.
    static var scratchDirectory: ScratchDirectory { ScratchDirectory() }
}

/// The clamd that `scripts/test` starts, from `CLAMD_TCP`. Records a failure (never a skip) when absent.
func clamdFromEnvironment() throws -> ClamdEndpoint {
    let value = ProcessInfo.processInfo.environment["CLAMD_TCP"] ?? ""
    guard let colon = value.lastIndex(of: ":"), let port = Int(value[value.index(after: colon)...]) else {
        Issue.record(
            """
            CLAMD_TCP is not set: these tests need a real clamd. Run scripts/test, or \
            eval "$(scripts/clamd-start /tmp/muk-clamd)" first.
            """)
        throw ClamdMissing()
    }
    return .tcp(host: String(value[..<colon]), port: port)
}

struct ClamdMissing: Error {}

/// A pipeline over a real clamd, a local directory and a JSON Lines audit file in `directory`.
func makePipeline(
    directory: String, endpoint: ClamdEndpoint, auditPath: String? = nil,
    configuration: UploadPipeline.Configuration = .init(scanRetryDelay: .milliseconds(10))
) throws -> UploadPipeline {
    UploadPipeline(
        configuration: configuration,
        scanner: ClamdScanner(
            client: ClamdClient(
                endpoint: endpoint, configuration: .init(connectTimeout: .seconds(2), readTimeout: .seconds(20)))),
        storage: try LocalDirectoryStorage(root: directory + "/storage"),
        auditLogger: try JSONLinesAuditLog(path: auditPath ?? directory + "/audit.jsonl"),
        deidentifier: try Deidentifier(secretKey: Array(repeating: 0x5A, count: 32)))
}

/// The audit events written to `directory/audit.jsonl`.
func auditEvents(in directory: String) throws -> [AuditEvent] {
    let text = try String(contentsOfFile: directory + "/audit.jsonl", encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONLinesAuditLog.decode(Array($0.utf8)) }
}

/// Every file below `directory/storage`, relative to it.
func storedObjects(in directory: String) -> [String] {
    let root = directory + "/storage"
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    return walker.compactMap { $0 as? String }.filter { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }
}

extension IngestReport {
    var record: MediaRecord? {
        if case .stored(let record) = outcome { return record }
        return nil
    }
    var rejection: IngestRejection? {
        if case .rejected(let rejection) = outcome { return rejection }
        return nil
    }
    var error: IngestError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }
}

/// A Part 10 file assembled byte by byte (Explicit VR Little Endian, short-length VRs only), for inputs the
/// library's own writer refuses to produce.
func handBuiltPart10(transferSyntax: String, dataSet: [(UInt16, UInt16, String, String)]) -> [UInt8] {
    func element(_ group: UInt16, _ number: UInt16, _ vr: String, _ text: String) -> [UInt8] {
        var value = Array(text.utf8)
        if value.count % 2 == 1 { value.append(vr == "UI" ? 0 : 0x20) }
        return [UInt8(group & 0xFF), UInt8(group >> 8), UInt8(number & 0xFF), UInt8(number >> 8)]
            + Array(vr.utf8) + [UInt8(value.count & 0xFF), UInt8(value.count >> 8)] + value
    }
    let meta = element(0x0002, 0x0010, "UI", transferSyntax)
    let groupLength: [UInt8] =
        [0x02, 0x00, 0x00, 0x00] + Array("UL".utf8) + [4, 0]
        + withUnsafeBytes(of: UInt32(meta.count).littleEndian, Array.init)
    let body = dataSet.flatMap { element($0.0, $0.1, $0.2, $0.3) }
    return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + groupLength + meta + body
}
