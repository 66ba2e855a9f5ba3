public import ClamClient

/// The default ``MalwareScanner``: a clamd daemon reached through `ClamdClient`.
///
/// clamd's verdicts map one to one. Its scan-limit alerts (`Heuristics.Limits.Exceeded.*`, raised with
/// `AlertExceedsMax` when a file or an archive inside it exceeds `MaxFileSize`, `MaxScanSize`, `MaxRecursion`
/// or `MaxFiles`) become ``MalwareScanVerdict/notFullyScanned(reason:)``: the file could not be scanned whole,
/// which is a rejection. Every other clamd error is thrown, and the pipeline retries it and, failing that,
/// leaves the upload undecided; that includes `INSTREAM size limit exceeded`, which says clamd's
/// `StreamMaxLength` is below the upload limits (a deployment error, not a property of the file: configure
/// clamd with `StreamMaxLength`, `MaxFileSize` and `MaxScanSize` of at least the largest kind's limit).
public struct ClamdScanner: MalwareScanner {
    /// The client used for every scan.
    public let client: ClamdClient

    /// Scans through `client`.
    public init(client: ClamdClient) {
        self.client = client
    }

    /// Streams `bytes` to clamd with INSTREAM and maps the answer.
    public func scan(_ bytes: [UInt8]) async throws -> MalwareScanVerdict {
        let verdict: ClamdVerdict
        do {
            verdict = try await client.scan(bytes)
        } catch {
            return try Self.verdict(for: error)
        }
        switch verdict {
        case .clean: return .clean
        case .infected(let signature): return .infected(signature: signature)
        }
    }

    /// clamd's limit answers are a verdict ("not fully scanned"); every other error is thrown.
    private static func verdict(for error: ClamdError) throws -> MalwareScanVerdict {
        if error.code == .notFullyScanned {
            return .notFullyScanned(reason: error.reply ?? error.code.description)
        }
        if error.code == .cancelled { throw CancellationError() }
        throw error
    }
}
