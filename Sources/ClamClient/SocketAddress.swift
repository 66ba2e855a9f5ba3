import Glibc

/// A socket address ready for `connect(2)`: the raw `sockaddr` bytes, their length and family.
struct SocketAddress: Sendable, CustomStringConvertible {
    /// The `sockaddr_in`, `sockaddr_in6` or `sockaddr_un` bytes.
    let bytes: [UInt8]
    /// `AF_INET`, `AF_INET6` or `AF_UNIX`.
    let family: Int32

    /// The largest Unix socket path that fits `sun_path` with its terminating NUL.
    static let maxUnixPathLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// The address as text (`127.0.0.1`, `::1`, or the socket path), for error messages.
    var description: String {
        bytes.withUnsafeBytes { raw -> String in
            switch family {
            case AF_INET:
                var address = raw.loadUnaligned(as: sockaddr_in.self).sin_addr
                return Self.presentation(family: AF_INET, &address, length: Int(INET_ADDRSTRLEN))
            case AF_INET6:
                var address = raw.loadUnaligned(as: sockaddr_in6.self).sin6_addr
                return Self.presentation(family: AF_INET6, &address, length: Int(INET6_ADDRSTRLEN))
            case AF_UNIX:
                let offset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
                let path = raw[offset...].prefix { $0 != 0 }
                return String(decoding: path, as: UTF8.self)
            default:
                return "address family \(family)"
            }
        }
    }

    private static func presentation(family: Int32, _ address: UnsafeRawPointer, length: Int) -> String {
        var text = [CChar](repeating: 0, count: length + 1)
        guard inet_ntop(family, address, &text, socklen_t(length)) != nil else {
            return "address family \(family)"
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Calls `body` with the address as a `sockaddr` pointer and its length.
    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        bytes.withUnsafeBytes { raw in
            // `bytes` is never empty: every initializer stores a whole sockaddr.
            body(raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
    }

    /// The address of the Unix socket at `path`.
    init(unixPath path: String, endpoint: ClamdEndpoint) throws(ClamdError) {
        let pathBytes = Array(path.utf8)
        guard !pathBytes.isEmpty, !pathBytes.contains(0) else {
            throw ClamdError(
                code: .invalidConfiguration, endpoint: endpoint,
                detail: "the Unix socket path is empty or contains a NUL byte")
        }
        guard pathBytes.count <= Self.maxUnixPathLength else {
            throw ClamdError(
                code: .invalidConfiguration, endpoint: endpoint,
                detail: "the Unix socket path is \(pathBytes.count) bytes; at most \(Self.maxUnixPathLength) fit")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { pathStorage in
            pathStorage.copyBytes(from: pathBytes)
        }
        let length = (MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2) + pathBytes.count + 1
        bytes = withUnsafeBytes(of: &address) { Array($0.prefix(length)) }
        family = AF_UNIX
    }

    private init(bytes: [UInt8], family: Int32) {
        self.bytes = bytes
        self.family = family
    }

    /// The addresses of a TCP endpoint, in the resolver's order. IP literals are converted at once;
    /// host names are resolved on a worker thread, abandoned (not waited for) at `deadline` or on
    /// cancellation.
    static func resolve(
        host: String, port: Int, endpoint: ClamdEndpoint, deadline: ContinuousClock.Instant
    ) async throws(ClamdError) -> [SocketAddress] {
        guard (1...65_535).contains(port) else {
            throw ClamdError(
                code: .invalidConfiguration, endpoint: endpoint, detail: "port \(port) is outside 1...65535")
        }
        // "[::1]" as in URLs means the literal "::1".
        let host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard !host.isEmpty, !host.utf8.contains(0) else {
            throw ClamdError(
                code: .invalidConfiguration, endpoint: endpoint, detail: "the host is empty or contains a NUL byte")
        }
        // Literals never block: try them inline first.
        switch lookup(host: host, port: port, numericOnly: true) {
        case .success(let addresses):
            return addresses
        case .failure(let failure) where failure.code != EAI_NONAME:
            throw failure.error(endpoint: endpoint)
        case .failure:
            break
        }
        if Task.isCancelled {
            throw ClamdError(code: .cancelled, endpoint: endpoint, detail: "cancelled before resolving the host")
        }
        let outcome = await withTaskGroup(of: ResolveOutcome.self) { group in
            group.addTask {
                let result = await BlockingWorkers.resolvers.runAbandoningOnCancel {
                    lookup(host: host, port: port, numericOnly: false)
                }
                return result.map(ResolveOutcome.resolved) ?? .cancelled
            }
            group.addTask {
                await PollLoop.shared.sleep(until: deadline) == .timedOut ? .timedOut : .cancelled
            }
            let first = await group.next() ?? .cancelled
            group.cancelAll()
            return first
        }
        switch outcome {
        case .resolved(.success(let addresses)):
            return addresses
        case .resolved(.failure(let failure)):
            throw failure.error(endpoint: endpoint)
        case .timedOut:
            throw ClamdError(
                code: .timeout, endpoint: endpoint,
                detail: "resolving the host did not finish within the connect timeout")
        case .cancelled:
            throw ClamdError(code: .cancelled, endpoint: endpoint, detail: "cancelled while resolving the host")
        }
    }

    private enum ResolveOutcome: Sendable {
        case resolved(Result<[SocketAddress], LookupFailure>)
        case timedOut
        case cancelled
    }

    private struct LookupFailure: Error, Sendable {
        let code: Int32
        let systemErrno: Int32

        func error(endpoint: ClamdEndpoint) -> ClamdError {
            var reason = String(cString: gai_strerror(code))
            if code == EAI_SYSTEM {
                reason += ": \(String(cString: strerror(systemErrno)))"
            }
            return ClamdError(
                code: .connectionFailed, endpoint: endpoint, detail: "cannot resolve the host: \(reason)")
        }
    }

    /// `getaddrinfo` for a TCP stream socket. Blocks when `numericOnly` is false.
    private static func lookup(host: String, port: Int, numericOnly: Bool) -> Result<[SocketAddress], LookupFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV | (numericOnly ? AI_NUMERICHOST : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            return .failure(LookupFailure(code: status, systemErrno: errno))
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var cursor = list
        while let info = cursor {
            let family = info.pointee.ai_family
            if let address = info.pointee.ai_addr, family == AF_INET || family == AF_INET6 {
                let raw = UnsafeRawBufferPointer(start: address, count: Int(info.pointee.ai_addrlen))
                addresses.append(SocketAddress(bytes: Array(raw), family: family))
            }
            cursor = info.pointee.ai_next
        }
        guard !addresses.isEmpty else {
            return .failure(LookupFailure(code: EAI_NONAME, systemErrno: 0))
        }
        return .success(addresses)
    }
}
