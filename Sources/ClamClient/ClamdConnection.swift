/// One connection to clamd speaking the NUL-terminated (`z`-prefixed) protocol: a command and its
/// reply, or an INSTREAM upload and its verdict.
///
/// clamd closes a connection after answering a command outside a session, so a connection serves
/// one exchange. The socket is closed by ``close()`` and, as a backstop, when the connection is
/// released.
final class ClamdConnection {
    private let socket: SocketConnection
    private let configuration: ClamdClient.Configuration

    private var endpoint: ClamdEndpoint { socket.endpoint }

    private init(socket: SocketConnection, configuration: ClamdClient.Configuration) {
        self.socket = socket
        self.configuration = configuration
    }

    /// Connects within the configured connect timeout.
    static func open(
        to endpoint: ClamdEndpoint, configuration: ClamdClient.Configuration
    )
        async throws(ClamdError) -> ClamdConnection
    {
        if Task.isCancelled {
            throw ClamdError(code: .cancelled, endpoint: endpoint, detail: "cancelled before connecting")
        }
        let socket = try await SocketConnection.connect(to: endpoint, timeout: configuration.connectTimeout)
        return ClamdConnection(socket: socket, configuration: configuration)
    }

    /// Closes the connection; later calls do nothing.
    func close() {
        socket.close()
    }

    /// Sends `z<name>\0` and returns the reply without its terminator.
    func command(_ name: String) async throws(ClamdError) -> [UInt8] {
        _ = try await socket.write(Array("z\(name)\0".utf8), stallTimeout: configuration.writeTimeout)
        return try await readReply()
    }

    /// Streams `source` with INSTREAM and returns clamd's verdict.
    ///
    /// Each chunk is a 4-byte big-endian length and its bytes; a zero length ends the stream. Before
    /// each chunk, and while any write waits, the connection watches for clamd answering early
    /// (`INSTREAM size limit exceeded. ERROR` comes while the client is still sending): the answer
    /// is read and reported, and an early `stream: OK` (which cannot cover bytes not yet sent) is a
    /// protocol error, never a clean verdict.
    func instream(_ source: inout some InstreamSource) async throws(ClamdError) -> ClamdVerdict {
        let chunkSize = configuration.effectiveChunkSize
        var sent = 0
        do throws(ClamdError) {
            if try await socket.write(Array("zINSTREAM\0".utf8), stallTimeout: configuration.writeTimeout)
                == .peerSpoke
            {
                return try await earlyReply(sent: sent)
            }
            var chunks = 0
            while var frame = try await source.nextFrame(maxLength: chunkSize) {
                let length = frame.count - instreamHeaderLength
                guard length > 0 else { continue }
                if Task.isCancelled {
                    throw ClamdError(code: .cancelled, endpoint: endpoint, detail: "the task was cancelled")
                }
                if let limit = configuration.maxStreamLength, sent + length > limit {
                    throw ClamdError(
                        code: .sizeLimitExceeded, endpoint: endpoint,
                        detail: "the stream grew past maxStreamLength (\(limit) bytes) while being sent")
                }
                frame[0] = UInt8(truncatingIfNeeded: length >> 24)
                frame[1] = UInt8(truncatingIfNeeded: length >> 16)
                frame[2] = UInt8(truncatingIfNeeded: length >> 8)
                frame[3] = UInt8(truncatingIfNeeded: length)
                if socket.hasPendingInput() {
                    return try await earlyReply(sent: sent)
                }
                if try await socket.write(frame, stallTimeout: configuration.writeTimeout) == .peerSpoke {
                    return try await earlyReply(sent: sent)
                }
                sent += length
                chunks += 1
                if chunks % 16 == 0 {
                    // Writes into a roomy socket buffer never suspend: let other tasks run.
                    await Task.yield()
                }
            }
            if try await socket.write([0, 0, 0, 0], stallTimeout: configuration.writeTimeout) == .peerSpoke {
                return try await earlyReply(sent: sent)
            }
            return try ClamdReply.verdict(forStreamReply: try await readReply(), endpoint: endpoint)
        } catch  where error.code == .timeout || error.code == .connectionClosed {
            var error = error
            error.detail += " (\(sent) stream bytes sent)"
            throw error
        }
    }

    /// Reads and judges a reply that came before the whole stream was sent.
    private func earlyReply(sent: Int) async throws(ClamdError) -> ClamdVerdict {
        let reply = try await readReply()
        let verdict = try ClamdReply.verdict(forStreamReply: reply, endpoint: endpoint)
        if verdict == .clean {
            throw ClamdError(
                code: .protocolError, endpoint: endpoint, reply: ClamdReply.display(reply),
                detail: "clamd answered before the end of the stream, after \(sent) bytes")
        }
        // A signature reported early is still a finding; rejecting the upload is the safe side.
        return verdict
    }

    /// Reads the one reply of this exchange, then makes sure clamd closes the connection after it: bytes
    /// after the reply mean the two ends disagree on the framing, and nothing read then can be trusted.
    private func readReply() async throws(ClamdError) -> [UInt8] {
        let reply = try await socket.readReply(
            terminator: 0, timeout: configuration.readTimeout, maxLength: configuration.maxReplyLength)
        try await socket.expectEndOfStream(timeout: configuration.readTimeout)
        return reply
    }
}
