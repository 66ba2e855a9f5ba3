/// A client of the ClamAV daemon, clamd, over TCP or a Unix socket.
///
/// ```swift
/// let clamd = ClamdClient(endpoint: .tcp(host: "127.0.0.1", port: 3310))
/// try await clamd.ping()
/// switch try await clamd.scan(fileAt: "/srv/uploads/incoming/3f2a.dcm") {
/// case .clean: accept()
/// case .infected(let signature): quarantine(signature)
/// }
/// ```
///
/// Each call opens its own connection, so one client serves any number of concurrent tasks.
/// Sockets are non-blocking and driven by the client's own `poll` thread, and file reads and host
/// name resolution run on threads of its own: a waiting scan occupies none of Swift's cooperative
/// threads. Every call honours task cancellation (throwing ``ClamdError/Code/cancelled`` and closing
/// its socket) and every wait has a deadline from ``Configuration``.
///
/// Fail-closed: only clamd's exact `stream: OK` is ``ClamdVerdict/clean``. A scan limit alert
/// (`Heuristics.Limits.Exceeded.*`), an error reply, a short or odd reply or a reply that comes
/// before the whole stream was sent is a thrown ``ClamdError``. Run clamd with
/// `AlertExceedsMax yes`, or it answers `stream: OK` for data it stopped scanning at a limit.
public struct ClamdClient: Sendable {
    /// Where clamd listens.
    public var endpoint: ClamdEndpoint
    /// Timeouts and limits.
    public var configuration: Configuration

    /// Creates a client. Nothing connects until a call is made.
    public init(endpoint: ClamdEndpoint, configuration: Configuration = .init()) {
        self.endpoint = endpoint
        self.configuration = configuration
    }

    /// Sends `zPING` and expects exactly `PONG`.
    public func ping() async throws(ClamdError) {
        try configuration.validate(endpoint: endpoint)
        let connection = try await ClamdConnection.open(to: endpoint, configuration: configuration)
        defer { connection.close() }
        let reply = try await connection.command("PING")
        try ClamdReply.expect("PONG", command: "PING", reply: reply, endpoint: endpoint)
    }

    /// Scans bytes held in memory with INSTREAM.
    ///
    /// Empty input is a valid stream: clamd scans zero bytes and answers `stream: OK`, which is
    /// returned as ``ClamdVerdict/clean`` (a clean verdict about an empty stream). Callers that
    /// treat empty uploads as invalid should check before scanning.
    ///
    /// - Throws: ``ClamdError``; ``ClamdError/Code/sizeLimitExceeded`` before connecting when
    ///   ``Configuration/maxStreamLength`` is set and `bytes` is longer.
    public func scan(_ bytes: some Collection<UInt8> & Sendable) async throws(ClamdError) -> ClamdVerdict {
        try configuration.validate(endpoint: endpoint)
        let count = bytes.count
        try checkStreamLength(count, what: "the data")
        var source = CollectionInstreamSource(bytes)
        let connection = try await ClamdConnection.open(to: endpoint, configuration: configuration)
        defer { connection.close() }
        return try await connection.instream(&source)
    }

    /// Scans the regular file at `path` with INSTREAM, reading it in chunks on the client's own
    /// threads (never the cooperative pool) and never holding more than one chunk in memory.
    ///
    /// The file is opened before connecting, and read to its end. An empty file is a
    /// ``ClamdVerdict/clean`` empty stream, as for ``scan(_:)``.
    ///
    /// - Throws: ``ClamdError``; ``ClamdError/Code/fileReadFailed`` when the file cannot be opened
    ///   or read or is not a regular file (the message holds the `errno`, never the path).
    public func scan(fileAt path: String) async throws(ClamdError) -> ClamdVerdict {
        try configuration.validate(endpoint: endpoint)
        let source = try await FileInstreamSource.open(path: path)
        defer { source.close() }
        try checkStreamLength(source.sizeAtOpen, what: "the file")
        let connection = try await ClamdConnection.open(to: endpoint, configuration: configuration)
        defer { connection.close() }
        var stream = source
        return try await connection.instream(&stream)
    }

    private func checkStreamLength(_ length: Int, what: String) throws(ClamdError) {
        if let limit = configuration.maxStreamLength, length > limit {
            throw ClamdError(
                code: .sizeLimitExceeded, endpoint: endpoint,
                detail: "\(what) is \(length) bytes, more than maxStreamLength (\(limit) bytes); nothing was sent")
        }
    }
}
