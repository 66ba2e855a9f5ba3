public import AuditLog
import CryptoSupport
public import DICOMKitCore
public import Foundation
import IOSupport
import UploadPolicy

/// Decides and stores uploads, one file a call: size limit, malware scan, content checks, and for DICOM parse,
/// required attributes and de-identification; then storage. Every step writes one audit event, and every
/// infected (or not fully scanned) file also a `security.alert` event.
///
/// Each call holds the file, its parsed form and its de-identified copy in memory (about three times the
/// file's size for DICOM); bound the number of concurrent ``ingest(_:context:)`` calls in the host.
///
/// The pipeline fails closed: a file is stored only when every step succeeded and was audited. A scanner
/// that cannot answer makes the upload `failed`, never `stored`. Scans are retried here (and only here), as
/// ``Configuration/scanAttempts`` says.
///
/// ```swift
/// let pipeline = UploadPipeline(
///     scanner: ClamdScanner(client: ClamdClient(endpoint: .tcp(host: "127.0.0.1", port: 3310))),
///     storage: try LocalDirectoryStorage(root: "/var/lib/uploads"),
///     auditLogger: try JSONLinesAuditLog(path: "/var/log/uploads-audit.jsonl"),
///     deidentifier: try Deidentifier(secretKey: key))
/// let outcome = await pipeline.ingest(
///     Upload(fileName: "study.dcm", contents: .file(path: path)), context: RequestContext(actorID: "user-42"))
/// ```
public struct UploadPipeline: Sendable {
    /// The pipeline's knobs.
    public struct Configuration: Sendable {
        /// DICOM attributes that must be present and non-empty for a DICOM upload to be accepted.
        public var requiredDICOMAttributes: [Tag]
        /// How many times a scan is tried before the upload is `failed` (at least 1).
        public var scanAttempts: Int
        /// The pause between scan attempts.
        public var scanRetryDelay: Duration
        /// Whether DICOM files whose Burned In Annotation (0028,0301) is `YES` are refused. The Basic Profile
        /// does not touch pixel data, so text burned into the image (often the patient's name) would survive
        /// de-identification; refusing is the fail-closed default.
        public var rejectsBurnedInAnnotation: Bool

        /// Creates a configuration; the defaults require Patient ID and Study Date, refuse burned-in
        /// annotation, and try a scan twice, 250 ms apart.
        public init(
            requiredDICOMAttributes: [Tag] = [.patientID, .studyDate], scanAttempts: Int = 2,
            scanRetryDelay: Duration = .milliseconds(250), rejectsBurnedInAnnotation: Bool = true
        ) {
            self.requiredDICOMAttributes = requiredDICOMAttributes
            self.scanAttempts = scanAttempts
            self.scanRetryDelay = scanRetryDelay
            self.rejectsBurnedInAnnotation = rejectsBurnedInAnnotation
        }
    }

    /// The pipeline's knobs.
    public let configuration: Configuration
    private let scanner: any MalwareScanner
    private let storage: any ObjectStorage
    private let auditLogger: any AuditLogger
    private let deidentifier: Deidentifier
    private let clock: @Sendable () -> Date

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - configuration: the knobs.
    ///   - scanner: the malware scanner, usually ``ClamdScanner``.
    ///   - storage: where accepted uploads go.
    ///   - auditLogger: where audit events go.
    ///   - deidentifier: de-identifies DICOM uploads with the deployment's secret key.
    ///   - clock: the time of audit events and storage keys (inject for tests).
    public init(
        configuration: Configuration = Configuration(), scanner: any MalwareScanner, storage: any ObjectStorage,
        auditLogger: any AuditLogger, deidentifier: Deidentifier, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.scanner = scanner
        self.storage = storage
        self.auditLogger = auditLogger
        self.deidentifier = deidentifier
        self.clock = clock
    }

    /// Decides `upload` and stores it when every check passes.
    ///
    /// - Returns: the report, whose outcome is `stored` with the media record, `rejected` with the reason, or
    ///   `failed` when the upload could not be decided. In the last two cases nothing is stored.
    public func ingest(_ upload: Upload, context: RequestContext) async -> IngestReport {
        let trail = AuditTrail(
            logger: auditLogger, context: context, uploadID: UUID().uuidString.lowercased(), clock: clock)
        var report = IngestReport(uploadID: trail.uploadID, outcome: .failed(IngestError(.cancelled, "not run")))
        do {
            report.outcome = try await run(upload, trail: trail, report: &report)
        } catch let error as IngestRejection {
            report.outcome = .rejected(error)
        } catch let error as IngestError {
            report.outcome = .failed(error)
        } catch {
            // Only cancellation reaches here. Nothing was stored: the store step, once begun, is not cancelled.
            report.outcome = .failed(IngestError(.cancelled, "the upload was cancelled before a decision"))
            do {
                try await trail.record(.uploadCancelled, .error, [:])
            } catch {
                report.outcome = .failed(error)
            }
        }
        return report
    }

    private func run(_ upload: Upload, trail: AuditTrail, report: inout IngestReport) async throws -> UploadOutcome {
        let fileName = FileName(upload.fileName)
        let (bytes, kind) = try await checkSize(upload, fileName: fileName, trail: trail)
        report.size = bytes.count

        try Task.checkCancellation()
        try await scanForMalware(bytes, trail: trail, report: &report)

        let (acceptedKind, contentType) = try await checkContent(bytes, kind: kind, fileName: fileName, trail: trail)
        report.contentType = contentType.mimeType

        var stored = bytes
        var summary: DICOMSummary?
        if contentType == .dicom {
            try Task.checkCancellation()
            (stored, summary) = try await processDICOM(bytes, limit: acceptedKind.maxFileSize, trail: trail)
        }

        try Task.checkCancellation()
        let (key, digest) = try await store(stored, kind: acceptedKind, contentType: contentType, trail: trail)
        return .stored(
            MediaRecord(
                uploadID: trail.uploadID, displayName: fileName.displayName, contentType: contentType.mimeType,
                size: bytes.count, storedSize: stored.count, sha256: digest, storageKey: key, scan: "clean",
                dicom: summary))
    }

    /// Step 1: reads the bytes within the limit of the requested kind (or of the largest kind when none was
    /// requested; a file on disk over it is refused before any byte is read), chooses the kind, and checks
    /// the size against it.
    private func checkSize(
        _ upload: Upload, fileName: FileName, trail: AuditTrail
    ) async throws -> (bytes: [UInt8], kind: UploadKind?) {
        let readLimit = upload.kind?.maxFileSize ?? UploadKind.all.map(\.maxFileSize).max() ?? 0
        let bytes: [UInt8]
        do {
            bytes = try await Self.readBounded(upload.contents, limit: readLimit)
        } catch let rejection as IngestRejection {
            try await trail.record(.uploadSizeCheck, .rejected, ["code": rejection.code.rawValue])
            throw rejection
        } catch let error as IngestError {
            try await trail.record(.uploadSizeCheck, .error, ["code": error.code.rawValue])
            throw error
        }
        let kind = upload.kind ?? Self.chooseKind(prefix: bytes.prefix(ContentSniffer.prefixLength), name: fileName)
        do throws(UploadRejection) {
            if let kind {
                try UploadValidator(kind: kind).checkSize(bytes.count)
            } else if bytes.isEmpty {
                // No kind: the read limit was the largest kind's, and the content checks will refuse it.
                throw UploadRejection(.empty, "the file is empty")
            }
        } catch {
            try await trail.record(
                .uploadSizeCheck, .rejected, ["code": error.code.description, "size": "\(bytes.count)"])
            throw IngestRejection(.init(error.code), error.message)
        }
        try await trail.record(
            .uploadSizeCheck, .success, ["size": "\(bytes.count)", "kind": kind?.name ?? "undetermined"])
        return (bytes, kind)
    }

    /// Step 2: scans exactly the bytes that may be stored. Anything but a clean verdict ends the upload;
    /// malware and incomplete scans also raise a security alert.
    private func scanForMalware(_ bytes: [UInt8], trail: AuditTrail, report: inout IngestReport) async throws {
        let verdict = try await scanWithRetries(bytes, trail: trail)
        report.scan = verdict
        switch verdict {
        case .clean:
            try await trail.record(.uploadMalwareScan, .success, ["verdict": "clean"])
        case .infected(let signature):
            try await trail.record(.uploadMalwareScan, .rejected, ["verdict": "infected", "signature": signature])
            try await trail.record(
                .securityAlert, .rejected, ["reason": "malware", "signature": signature, "size": "\(bytes.count)"])
            throw IngestRejection(.infected, "malware found: \(signature)")
        case .notFullyScanned(let reason):
            try await trail.record(.uploadMalwareScan, .rejected, ["verdict": "notFullyScanned", "reason": reason])
            try await trail.record(.securityAlert, .rejected, ["reason": "notFullyScanned", "detail": reason])
            throw IngestRejection(.notFullyScanned, "the scanner could not scan the whole file: \(reason)")
        }
    }

    /// Step 3: the sniffed content must be a format of the kind, named by the file's extension.
    private func checkContent(
        _ bytes: [UInt8], kind: UploadKind?, fileName: FileName, trail: AuditTrail
    ) async throws -> (UploadKind, ContentType) {
        let accepted: (UploadKind, ContentType)
        do throws(UploadRejection) {
            guard let kind else {
                throw UploadRejection(.unrecognizedContent, "the content matches no format accepted by any kind")
            }
            let contentType = try UploadValidator(kind: kind).checkContent(
                fileName: fileName, prefix: bytes.prefix(ContentSniffer.prefixLength))
            accepted = (kind, contentType)
        } catch {
            try await trail.record(.uploadContentCheck, .rejected, ["code": error.code.description])
            throw IngestRejection(.init(error.code), error.message)
        }
        try await trail.record(.uploadContentCheck, .success, ["contentType": accepted.1.mimeType])
        return accepted
    }

    /// Step 5: stores the object, then audits it; a store that cannot be audited is undone.
    ///
    /// The step runs in a task of its own, which the upload's cancellation does not reach: once a put has
    /// begun, its audit event (or its undo) always follows, so a cancelled upload never leaves an object
    /// that the audit trail does not account for.
    private func store(
        _ bytes: [UInt8], kind: UploadKind, contentType: ContentType, trail: AuditTrail
    ) async throws -> (key: String, sha256: String) {
        let key = StorageKey.make(kind: kind, contentType: contentType, date: clock())
        let storage = self.storage
        return try await Task {
            try await Self.storeAndAudit(bytes, key: key, contentType: contentType, storage: storage, trail: trail)
        }.value
    }

    private static func storeAndAudit(
        _ bytes: [UInt8], key: String, contentType: ContentType, storage: any ObjectStorage, trail: AuditTrail
    ) async throws -> (key: String, sha256: String) {
        let digest = SHA256Hasher.hash(bytes).hexString
        do {
            try await storage.put(key: key, bytes: bytes, contentType: contentType.mimeType)
        } catch {
            try await trail.record(.uploadStore, .error, ["error": "\(error)"])
            throw IngestError(.storageFailed, "\(error)")
        }
        do {
            try await trail.record(.uploadStore, .success, ["key": key, "size": "\(bytes.count)", "sha256": digest])
        } catch {
            try? await storage.delete(key: key)
            throw error
        }
        return (key, digest)
    }

    /// The kind whose formats include the sniffed content, else the kind whose extensions include the
    /// name's, else `nil`.
    static func chooseKind(prefix: some Collection<UInt8>, name: FileName) -> UploadKind? {
        if let sniffed = ContentSniffer.sniff(prefix), let kind = UploadKind.accepting(sniffed) {
            return kind
        }
        return UploadKind.all.first { $0.allowedExtensions.contains(name.fileExtension) }
    }

    /// Scans, retrying failures as configured; audits and throws `scannerUnavailable` when no attempt answers.
    private func scanWithRetries(_ bytes: [UInt8], trail: AuditTrail) async throws -> MalwareScanVerdict {
        let attempts = max(1, configuration.scanAttempts)
        var lastError: any Error = IngestError(.scannerUnavailable, "no scan attempted")
        for attempt in 1...attempts {
            try Task.checkCancellation()
            do {
                return try await scanner.scan(bytes)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                lastError = error
                if attempt < attempts { try await Task.sleep(for: configuration.scanRetryDelay) }
            }
        }
        try await trail.record(
            .uploadMalwareScan, .error, ["error": "\(lastError)", "attempts": "\(attempts)"])
        throw IngestError(.scannerUnavailable, "no verdict after \(attempts) attempts: \(lastError)")
    }

    /// Step 4 (DICOM only): parse, required attributes, de-identification, re-encoding. Every failure here is
    /// a property of the file (retrying cannot change it), so it is a rejection.
    private func processDICOM(
        _ bytes: [UInt8], limit: Int, trail: AuditTrail
    ) async throws -> (bytes: [UInt8], summary: DICOMSummary) {
        let file: DICOMFile
        do {
            file = try DICOMFile(bytes: bytes)
        } catch {
            let code: IngestRejection.Code =
                error.code == .unsupportedTransferSyntax ? .unsupportedTransferSyntax : .malformedDICOM
            try await trail.record(.uploadDICOMParse, .rejected, ["code": code.rawValue, "error": "\(error)"])
            throw IngestRejection(code, "\(error)")
        }
        for tag in configuration.requiredDICOMAttributes {
            if let rejection = Self.checkRequired(tag, in: file.dataSet) {
                try await trail.record(
                    .uploadDICOMParse, .rejected, ["code": rejection.code.rawValue, "tag": tag.description])
                throw rejection
            }
        }
        if configuration.rejectsBurnedInAnnotation, file.dataSet.string(.burnedInAnnotation)?.uppercased() == "YES" {
            try await trail.record(
                .uploadDICOMParse, .rejected,
                ["code": IngestRejection.Code.burnedInAnnotation.rawValue, "tag": Tag.burnedInAnnotation.description])
            throw IngestRejection(
                .burnedInAnnotation,
                "Burned In Annotation \(Tag.burnedInAnnotation) is YES: the pixels may show identifying text")
        }
        var parsed = ["transferSyntax": file.transferSyntaxUID, "elements": "\(file.dataSet.count)"]
        if !file.warnings.isEmpty {
            // Warning codes only (each names a deviation such as a duplicate element), never a value.
            parsed["warnings"] = Set(file.warnings.map(\.code.description)).sorted().joined(separator: ",")
        }
        try await trail.record(.uploadDICOMParse, .success, parsed)

        let output: [UInt8]
        let deidentified: DICOMFile
        do {
            deidentified = try deidentifier.deidentify(file)
            output = try deidentified.serialized()
        } catch {
            try await trail.record(
                .uploadDICOMDeidentify, .rejected,
                ["code": IngestRejection.Code.malformedDICOM.rawValue, "error": "\(error)"])
            throw IngestRejection(.malformedDICOM, "cannot be de-identified: \(error)")
        }
        // The writer may grow a file a little (explicit lengths, item delimiters), so the copy gets an eighth
        // of headroom; what the element cap does not already bound (amplification) stays refused.
        if output.count > limit + limit / 8 {
            try await trail.record(
                .uploadDICOMDeidentify, .rejected,
                ["code": IngestRejection.Code.tooLarge.rawValue, "size": "\(output.count)"])
            throw IngestRejection(
                .tooLarge,
                "the de-identified copy is \(output.count) bytes, over \(limit + limit / 8) (the limit and an eighth)")
        }
        let summary = DICOMSummary(deidentified: deidentified)
        try await trail.record(
            .uploadDICOMDeidentify, .success,
            ["profile": "basic", "patientPseudonym": summary.patientPseudonym, "size": "\(output.count)"])
        return (output, summary)
    }

    /// A rejection when required attribute `tag` is absent, empty, or (for a date) not a valid `YYYYMMDD` date.
    static func checkRequired(_ tag: Tag, in dataSet: DataSet) -> IngestRejection? {
        guard let value = dataSet.string(tag), !value.isEmpty else {
            return IngestRejection(.missingAttribute, "required attribute \(tag) is absent or empty")
        }
        if DataDictionary.entry(for: tag)?.vrs == [.DA], !isValidDate(value) {
            return IngestRejection(.invalidAttribute, "required attribute \(tag) is not a valid date (YYYYMMDD)")
        }
        return nil
    }

    /// `YYYYMMDD` with a month of 01...12 and a day of 01...31 (DICOM DA; the retired `YYYY.MM.DD` is refused).
    static func isValidDate(_ value: String) -> Bool {
        let digits = Array(value.utf8)
        guard digits.count == 8, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        let number = { (range: Range<Int>) in digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        return (1...12).contains(number(4..<6)) && (1...31).contains(number(6..<8))
    }

    /// Reads the upload's bytes, refusing (without reading) a file on disk larger than `limit`, and never
    /// reading more than `limit + 1` bytes of a file that grows while it is read.
    static func readBounded(_ contents: Upload.Contents, limit: Int) async throws -> [UInt8] {
        switch contents {
        case .bytes(let bytes):
            if bytes.count > limit {
                throw IngestRejection(.tooLarge, "\(bytes.count) bytes, over the limit of \(limit)")
            }
            return bytes
        case .file(let path):
            return try await BlockingIOThreads.shared.run {
                try BoundedFileReader.readFile(path: path, limit: limit)
            }
        }
    }
}
