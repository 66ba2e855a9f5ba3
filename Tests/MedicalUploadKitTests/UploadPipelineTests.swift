import AuditLog
import ClamClient
import DICOMKitCore
import Foundation
import Testing
import UploadPolicy

@testable import MedicalUploadKit

/// The pipeline against the real clamd that scripts/test starts (CLAMD_TCP).
@Suite(.scratchDirectory) struct UploadPipelineTests {
    let context = RequestContext(actorID: "tester", clientIP: "198.51.100.4", userAgent: "tests")

    @Test func storesADeidentifiedDICOMFileWithOneAuditEventPerStep() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let bytes = try syntheticDICOM()
        let report = await pipeline.ingest(
            Upload(fileName: "study.dcm", contents: .bytes(bytes)), context: context)
        let record = try #require(report.record, "outcome: \(report.outcome)")
        #expect(record.contentType == "application/dicom")
        #expect(record.scan == "clean")
        #expect(record.storageKey.hasPrefix("dicom/"))
        #expect(record.size == bytes.count)
        let summary = try #require(record.dicom)
        #expect(summary.patientPseudonym.hasPrefix("MUK-"))
        #expect(summary.modality == "CT")
        #expect(summary.studyInstanceUID?.hasPrefix("2.25.") == true)

        let events = try auditEvents(in: directory)
        #expect(
            events.map(\.action) == [
                .uploadSizeCheck, .uploadMalwareScan, .uploadContentCheck, .uploadDICOMParse,
                .uploadDICOMDeidentify, .uploadStore,
            ])
        #expect(events.allSatisfy { $0.outcome == .success && $0.resourceID == report.uploadID })
        #expect(events.allSatisfy { $0.actorID == "tester" && $0.clientIP == "198.51.100.4" })

        // The stored copy is de-identified and parses.
        let stored = try String(
            decoding: Data(contentsOf: URL(fileURLWithPath: directory + "/storage/" + record.storageKey)), as: UTF8.self
        )
        let storedFile = try DICOMFile(
            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/storage/" + record.storageKey))))
        #expect(storedFile.dataSet.string(.patientID) == summary.patientPseudonym)
        for value in SyntheticPHI.all {
            #expect(!stored.contains(value), "a PHI value survived in the stored copy")
        }
    }

    @Test func noPHIInTheReportOrTheAuditTrail() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        var outputs: [String] = []
        for bytes in [
            try syntheticDICOM(), try syntheticDICOM(patientID: nil), Array(try syntheticDICOM().prefix(300)),
        ] {
            let report = await pipeline.ingest(Upload(fileName: "s.dcm", contents: .bytes(bytes)), context: context)
            outputs.append("\(report)")
            if let record = report.record {
                outputs.append(String(decoding: try JSONEncoder().encode(record), as: UTF8.self))
            }
        }
        outputs.append(try String(contentsOfFile: directory + "/audit.jsonl", encoding: .utf8))
        let everything = outputs.joined(separator: "\n")
        for value in SyntheticPHI.all {
            #expect(!everything.contains(value), "a PHI value appears in the pipeline's output")
        }
    }

    @Test func nonDICOMNamedDCMIsRejectedByTheContentChecks() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(
            Upload(fileName: "scan.dcm", contents: .bytes(Array("just some text, not DICOM\n".utf8))),
            context: context)
        let rejection = try #require(report.rejection)
        #expect(rejection.code == .unrecognizedContent)
        #expect(rejection.description.contains("matches no format"))
        #expect(report.scan == .clean)
        #expect(storedObjects(in: directory).isEmpty)
        #expect(try auditEvents(in: directory).last?.action == .uploadContentCheck)
    }

    @Test func emptyFileIsRejected() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let path = directory + "/empty.dcm"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let report = await pipeline.ingest(Upload(fileName: "empty.dcm", contents: .file(path: path)), context: context)
        let rejection = try #require(report.rejection)
        #expect(rejection.code == .empty)
        #expect(rejection.description == "empty: the file is empty")
        #expect(try auditEvents(in: directory).map(\.action) == [.uploadSizeCheck])
        #expect(storedObjects(in: directory).isEmpty)
    }

    @Test func truncatedDICOMIsRejectedAsMalformed() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let whole = try syntheticDICOM()
        let report = await pipeline.ingest(
            Upload(fileName: "cut.dcm", contents: .bytes(Array(whole.prefix(whole.count - 3)))), context: context)
        let rejection = try #require(report.rejection)
        #expect(rejection.code == .malformedDICOM)
        #expect(rejection.description.contains("truncated"), "\(rejection)")
        #expect(storedObjects(in: directory).isEmpty)
        let last = try #require(try auditEvents(in: directory).last)
        #expect(last.action == .uploadDICOMParse && last.outcome == .rejected)
    }

    static let missingCases: [(String?, String?, String)] = [
        (nil, SyntheticPHI.studyDate, "(0010,0020)"), (SyntheticPHI.patientID, nil, "(0008,0020)"),
        ("", SyntheticPHI.studyDate, "(0010,0020)"),
    ]

    @Test(arguments: missingCases)
    func missingRequiredAttributeIsRejected(patientID: String?, studyDate: String?, tag: String) async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(
            Upload(fileName: "s.dcm", contents: .bytes(try syntheticDICOM(patientID: patientID, studyDate: studyDate))),
            context: context)
        let rejection = try #require(report.rejection)
        #expect(rejection.code == .missingAttribute)
        #expect(rejection.message.contains(tag))
        #expect(storedObjects(in: directory).isEmpty)
    }

    /// Regression: a file the writer cannot produce (no SOP Class or Instance UID) was reported as an
    /// undecided `error` (exit 2), though retrying can never help: it is a property of the file.
    @Test func dicomThatCannotBeDeidentifiedIsRejected() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let bytes = handBuiltPart10(
            transferSyntax: "1.2.840.10008.1.2.1",
            dataSet: [(0x0008, 0x0020, "DA", "20190607"), (0x0010, 0x0020, "LO", "PID-1")])
        let report = await pipeline.ingest(Upload(fileName: "nosop.dcm", contents: .bytes(bytes)), context: context)
        #expect(report.rejection?.code == .malformedDICOM, "outcome: \(report.outcome)")
        #expect(storedObjects(in: directory).isEmpty)
        let last = try #require(try auditEvents(in: directory).last)
        #expect(last.action == .uploadDICOMDeidentify && last.outcome == .rejected)
    }

    /// Regression: DICOM whose preamble starts with a JPEG signature was stored verbatim as an image, PHI and
    /// all. It must take the DICOM path (and be de-identified) or be refused.
    @Test func dicomDisguisedAsAJPEGIsNeverStoredAsAnImage() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        var bytes = try syntheticDICOM()
        bytes.replaceSubrange(0..<4, with: [0xFF, 0xD8, 0xFF, 0xE0])
        for kind in [nil, UploadKind.images] {
            let report = await pipeline.ingest(
                Upload(fileName: "photo.jpg", contents: .bytes(bytes), kind: kind), context: context)
            #expect(report.rejection?.code == .notAccepted, "outcome: \(report.outcome)")
        }
        #expect(storedObjects(in: directory).isEmpty)
        let asDICOM = await pipeline.ingest(Upload(fileName: "study.dcm", contents: .bytes(bytes)), context: context)
        let record = try #require(asDICOM.record)
        #expect(record.contentType == "application/dicom" && record.dicom != nil)
    }

    @Test func burnedInAnnotationIsRejectedByDefault() async throws {
        let directory = try temporaryDirectory()
        let bytes = try syntheticDICOM(burnedInAnnotation: "YES")
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(Upload(fileName: "s.dcm", contents: .bytes(bytes)), context: context)
        #expect(report.rejection?.code == .burnedInAnnotation)
        #expect(storedObjects(in: directory).isEmpty)

        let permissive = try makePipeline(
            directory: directory, endpoint: try clamdFromEnvironment(),
            configuration: .init(scanRetryDelay: .milliseconds(10), rejectsBurnedInAnnotation: false))
        #expect(
            await permissive.ingest(Upload(fileName: "s.dcm", contents: .bytes(bytes)), context: context).record != nil)
        let withNo = try syntheticDICOM(burnedInAnnotation: "NO")
        #expect(
            await pipeline.ingest(Upload(fileName: "s.dcm", contents: .bytes(withNo)), context: context).record != nil)
    }

    /// A file that reads with warnings is decided as usual; the audit event names the warning codes only.
    @Test func readerWarningsAreAuditedByCode() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let bytes = handBuiltPart10(
            transferSyntax: "1.2.840.10008.1.2.1",
            dataSet: [
                (0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7"), (0x0008, 0x0018, "UI", SyntheticPHI.instanceUID),
                (0x0008, 0x0020, "DA", SyntheticPHI.studyDate), (0x0010, 0x0020, "LO", SyntheticPHI.patientID),
                (0x0010, 0x0020, "LO", "SECOND-ID-COPY"),
            ])
        let report = await pipeline.ingest(Upload(fileName: "dup.dcm", contents: .bytes(bytes)), context: context)
        let record = try #require(report.record, "outcome: \(report.outcome)")
        let parse = try #require(try auditEvents(in: directory).first { $0.action == .uploadDICOMParse })
        #expect(parse.detail["warnings"] == "duplicateElement")
        let stored = try String(
            decoding: Data(contentsOf: URL(fileURLWithPath: directory + "/storage/" + record.storageKey)), as: UTF8.self)
        #expect(!stored.contains("SECOND-ID-COPY") && !stored.contains(SyntheticPHI.patientID))
    }

    @Test func unsupportedTransferSyntaxIsNamed() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let bytes = handBuiltPart10(
            transferSyntax: "1.2.840.10008.1.2.6.1", dataSet: [(0x0008, 0x0020, "DA", "20190607")])
        let report = await pipeline.ingest(Upload(fileName: "be.dcm", contents: .bytes(bytes)), context: context)
        #expect(report.rejection?.code == .unsupportedTransferSyntax, "outcome: \(report.outcome)")
    }

    @Test(arguments: ["notadate", "2019.06.07", "20191307", "20190600", "2019060"])
    func invalidStudyDateIsRejected(date: String) async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(
            Upload(fileName: "s.dcm", contents: .bytes(try syntheticDICOM(studyDate: date))), context: context)
        #expect(report.rejection?.code == .invalidAttribute, "outcome: \(report.outcome)")
        #expect(report.rejection?.message.contains(date) == false)
    }

    @Test func eicarIsRejectedWithASecurityAlertEvenWhenContentChecksWouldAlsoReject() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(Upload(fileName: "photo.jpg", contents: .bytes(eicar)), context: context)
        let rejection = try #require(report.rejection)
        #expect(rejection.code == .infected)
        guard case .infected(let signature) = report.scan else {
            Issue.record("scan verdict \(String(describing: report.scan))")
            return
        }
        #expect(signature.hasSuffix(".UNOFFICIAL"))
        let events = try auditEvents(in: directory)
        #expect(events.map(\.action) == [.uploadSizeCheck, .uploadMalwareScan, .securityAlert])
        #expect(events.last?.detail["signature"] == signature)
        #expect(storedObjects(in: directory).isEmpty)
    }

    @Test func tooLargeForTheKindIsRejectedBeforeScanning() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0, count: 10_000_000)
        let report = await pipeline.ingest(
            Upload(fileName: "big.jpg", contents: .bytes(jpeg), kind: .images), context: context)
        #expect(report.rejection?.code == .tooLarge)
        #expect(try auditEvents(in: directory).map(\.action) == [.uploadSizeCheck])
    }

    @Test func auditFailureStoresNothing() async throws {
        let directory = try temporaryDirectory()
        // /dev/full accepts the open and fails every write with ENOSPC: a real failing audit store.
        let pipeline = try makePipeline(
            directory: directory, endpoint: try clamdFromEnvironment(), auditPath: "/dev/full")
        let report = await pipeline.ingest(
            Upload(fileName: "study.dcm", contents: .bytes(try syntheticDICOM())), context: context)
        #expect(report.error?.code == .auditFailed)
        #expect(storedObjects(in: directory).isEmpty)
    }
}

/// Kind selection when the client names none.
@Suite(.scratchDirectory) struct KindSelectionTests {
    let context = RequestContext(actorID: "tester")

    @Test func pngNamedDCMIsJudgedAsAnImageAndRefusedForItsExtension() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        let report = await pipeline.ingest(Upload(fileName: "study.dcm", contents: .bytes(png)), context: context)
        #expect(report.rejection?.code == .notAccepted)
        #expect(try auditEvents(in: directory).first?.detail["kind"] == "images")
    }

    @Test func unknownContentWithoutExtensionIsUnrecognised() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(
            Upload(fileName: "README", contents: .bytes(Array("hello".utf8))), context: context)
        #expect(report.rejection?.code == .unrecognizedContent)
        #expect(report.scan == .clean)
        #expect(try auditEvents(in: directory).first?.detail["kind"] == "undetermined")
    }

    @Test func emptyFileWithoutKindIsEmpty() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try makePipeline(directory: directory, endpoint: try clamdFromEnvironment())
        let report = await pipeline.ingest(Upload(fileName: "x", contents: .bytes([])), context: context)
        #expect(report.rejection?.code == .empty)
    }
}
