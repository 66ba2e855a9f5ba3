public import ClamClient

/// The default ``MalwareScanner``: a clamd daemon reached through `ClamdClient`.
///
/// clamd's verdicts map one to one; its size and scan-limit answers (`INSTREAM size limit exceeded`,
/// `Heuristics.Limits.Exceeded.*`) become ``MalwareScanVerdict/notFullyScanned(reason:)``, a rejection that
/// retrying cannot change. Every other clamd error (unreachable, timeout, protocol) is thrown, and the
/// pipeline retries it and, failing that, leaves the upload undecided.
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
        if error.code == .notFullyScanned || error.code == .sizeLimitExceeded {
            return .notFullyScanned(reason: error.reply ?? error.code.description)
        }
        if error.code == .cancelled { throw CancellationError() }
        throw error
    }
}
