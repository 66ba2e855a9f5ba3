import Glibc

/// A connected, non-blocking stream socket driven by ``PollLoop``.
///
/// Owned by one task at a time. The descriptor is closed by ``close()`` (idempotent) and, as a
/// backstop, when the object is released, so no path leaks it. Writes use `MSG_NOSIGNAL`, so a peer
/// that went away yields `EPIPE` instead of killing the process with `SIGPIPE`.
final class SocketConnection {
    /// How a write ended.
    enum WriteOutcome: Equatable {
        /// Every byte was handed to the kernel.
        case written
        /// The peer sent data, hung up or reset before every byte was written: read its reply
        /// instead of writing on.
        case peerSpoke
    }

    private var fd: Int32
    /// The endpoint, for error messages.
    let endpoint: ClamdEndpoint

    private init(fd: Int32, endpoint: ClamdEndpoint) {
        self.fd = fd
        self.endpoint = endpoint
    }

    deinit {
        close()
    }

    /// Closes the socket; later calls do nothing.
    func close() {
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    // MARK: Connect

    /// Connects to `endpoint`, trying each resolved address in turn, all within `timeout`.
    static func connect(to endpoint: ClamdEndpoint, timeout: Duration) async throws(ClamdError) -> SocketConnection {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let addresses: [SocketAddress]
        switch endpoint {
        case .unixSocket(let path):
            addresses = [try SocketAddress(unixPath: path, endpoint: endpoint)]
        case .tcp(let host, let port):
            addresses = try await SocketAddress.resolve(host: host, port: port, endpoint: endpoint, deadline: deadline)
        }
        var failures: [String] = []
        for address in addresses {
            do throws(ClamdError) {
                return try await connect(to: address, endpoint: endpoint, deadline: deadline, timeout: timeout)
            } catch  where error.code == .connectionFailed {
                failures.append(error.detail)
            }
        }
        throw ClamdError(code: .connectionFailed, endpoint: endpoint, detail: failures.joined(separator: "; "))
    }

    private static func connect(
        to address: SocketAddress, endpoint: ClamdEndpoint, deadline: ContinuousClock.Instant, timeout: Duration
    ) async throws(ClamdError) -> SocketConnection {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(address.family, type, 0)
        guard fd >= 0 else {
            throw ClamdError(
                code: .connectionFailed, endpoint: endpoint, detail: "socket(): \(describeErrno(errno))")
        }
        let connection = SocketConnection(fd: fd, endpoint: endpoint)
        if address.family != AF_UNIX {
            // The command, the chunks and the 4-byte terminator are small writes: do not let Nagle
            // hold the terminator back for a delayed ACK.
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        while true {
            if address.withSockaddr({ Glibc.connect(fd, $0, $1) }) == 0 {
                return connection
            }
            let code = errno
            switch code {
            case EINPROGRESS, EINTR, EALREADY:
                // In progress: writable means finished, SO_ERROR says how.
                _ = try await connection.wait(
                    events: Int16(POLLOUT), deadline: deadline,
                    timeoutDetail: "connecting to \(address) did not complete within \(timeout)")
                var socketError: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length) != 0 {
                    socketError = errno
                }
                if socketError == 0 {
                    return connection
                }
                throw ClamdError(
                    code: .connectionFailed, endpoint: endpoint,
                    detail: "connect to \(address): \(describeErrno(socketError))")
            case EAGAIN:
                // A Unix socket whose listen queue is full: retry shortly, within the deadline.
                let retryAt = min(ContinuousClock.now.advanced(by: .milliseconds(10)), deadline)
                switch await PollLoop.shared.sleep(until: retryAt) {
                case .cancelled:
                    throw ClamdError(code: .cancelled, endpoint: endpoint, detail: "cancelled while connecting")
                default:
                    if ContinuousClock.now >= deadline {
                        throw ClamdError(
                            code: .timeout, endpoint: endpoint,
                            detail: "\(address) kept its listen queue full for \(timeout)")
                    }
                }
            default:
                throw ClamdError(
                    code: .connectionFailed, endpoint: endpoint, detail: "connect to \(address): \(describeErrno(code))"
                )
            }
        }
    }

    // MARK: Write

    /// Writes all of `bytes`, waiting for the socket to drain when the kernel buffer is full.
    ///
    /// While waiting it also watches for input: a peer that answers (or hangs up) before taking
    /// every byte ends the write with ``WriteOutcome/peerSpoke`` so the caller reads the answer.
    /// `stallTimeout` bounds each wait for the peer to accept more bytes.
    func write(_ bytes: [UInt8], stallTimeout: Duration) async throws(ClamdError) -> WriteOutcome {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            let code = sent < 0 ? errno : EAGAIN
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                let revents = try await wait(
                    events: Int16(POLLOUT) | Int16(POLLIN), deadline: ContinuousClock.now.advanced(by: stallTimeout),
                    timeoutDetail: "clamd accepted no bytes for \(stallTimeout)")
                if revents & (Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)) != 0 {
                    return .peerSpoke
                }
            case EPIPE, ECONNRESET:
                return .peerSpoke
            default:
                throw ClamdError(code: .connectionClosed, endpoint: endpoint, detail: "send: \(describeErrno(code))")
            }
        }
        return .written
    }

    /// Whether the peer has already sent something (or hung up), checked without waiting.
    func hasPendingInput() -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents != 0
    }

    // MARK: Read

    /// Reads one reply up to (not including) `terminator`, within `timeout` from now.
    ///
    /// Throws `connectionClosed` when the peer closes or resets before the terminator (the partial
    /// reply, if any, is in the error), `protocolError` when more than `maxLength` bytes come
    /// without it or when bytes follow the terminator in the same read (clamd sends one reply and
    /// nothing after it, so anything more means the two ends disagree on the framing), `timeout` when
    /// the deadline passes.
    func readReply(terminator: UInt8, timeout: Duration, maxLength: Int) async throws(ClamdError) -> [UInt8] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                let chunk = buffer[0..<received]
                let end = chunk.firstIndex(of: terminator)
                reply.append(contentsOf: chunk[..<(end ?? received)])
                guard reply.count <= maxLength else {
                    throw ClamdError(
                        code: .protocolError, endpoint: endpoint, reply: ClamdReply.display(reply),
                        detail: "the reply is longer than \(maxLength) bytes")
                }
                if let end {
                    guard chunk.index(after: end) == chunk.endIndex else {
                        throw ClamdError(
                            code: .protocolError, endpoint: endpoint, reply: ClamdReply.display(reply),
                            detail: "\(chunk.endIndex - chunk.index(after: end)) bytes follow the reply's terminator")
                    }
                    return reply
                }
                continue
            }
            let code = received == 0 ? 0 : errno
            switch code {
            case 0:
                throw ClamdError(
                    code: .connectionClosed, endpoint: endpoint, reply: reply.isEmpty ? nil : ClamdReply.display(reply),
                    detail: reply.isEmpty
                        ? "clamd closed the connection without a reply"
                        : "clamd closed the connection before the end of its reply (\(reply.count) bytes)")
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                _ = try await wait(
                    events: Int16(POLLIN), deadline: deadline, timeoutDetail: "no reply within \(timeout)")
            default:
                throw ClamdError(
                    code: .connectionClosed, endpoint: endpoint, reply: reply.isEmpty ? nil : ClamdReply.display(reply),
                    detail: "recv: \(describeErrno(code)) after \(reply.count) reply bytes")
            }
        }
    }

    /// Waits, within `timeout` from now, for the peer to close the connection after its reply, and throws
    /// `protocolError` if any byte comes instead. A reset also counts as the end.
    func expectEndOfStream(timeout: Duration) async throws(ClamdError) {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                throw ClamdError(
                    code: .protocolError, endpoint: endpoint, reply: ClamdReply.display(Array(buffer[0..<received])),
                    detail: "\(received) or more bytes followed the reply")
            }
            if received == 0 { return }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                _ = try await wait(
                    events: Int16(POLLIN), deadline: deadline,
                    timeoutDetail: "clamd kept the connection open \(timeout) after its reply")
            default: return
            }
        }
    }

    // MARK: Waiting

    private func wait(
        events: Int16, deadline: ContinuousClock.Instant, timeoutDetail: @autoclosure () -> String
    )
        async throws(ClamdError) -> Int16
    {
        switch await PollLoop.shared.wait(for: fd, events: events, deadline: deadline) {
        case .ready(let revents):
            return revents
        case .timedOut:
            throw ClamdError(code: .timeout, endpoint: endpoint, detail: timeoutDetail())
        case .cancelled:
            throw ClamdError(code: .cancelled, endpoint: endpoint, detail: "the task was cancelled")
        case .pollFailed(let code):
            throw ClamdError(code: .connectionClosed, endpoint: endpoint, detail: "poll: \(describeErrno(code))")
        }
    }
}

/// `strerror` text with the number, e.g. `Connection refused (errno 111)`.
func describeErrno(_ code: Int32) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
}
