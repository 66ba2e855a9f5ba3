import Foundation
import Glibc

@testable import ClamClient

/// A misbehaving clamd for tests: a TCP server on 127.0.0.1 (ephemeral port) with blocking
/// sockets on threads of its own, one per connection. It parses the client's `z` command and
/// INSTREAM frames exactly, records what it saw, and then behaves as told.
final class FakeClamdServer: Sendable {
    /// What the server does with each connection.
    enum Behaviour: Sendable {
        /// Reads the command and the whole stream, then sends `reply` and closes.
        case replyAfterStream([UInt8])
        /// Reads the command only, sends `reply` and closes (like clamd's size-limit error, which
        /// comes while the client is still sending).
        case replyAfterCommand([UInt8])
        /// Reads the command only, then sends `reply` one byte every 5 ms and closes.
        case replyAfterCommandSlowly([UInt8])
        /// Reads everything, never replies, holds the connection until the client closes it.
        case silent
        /// Accepts and reads nothing, so the client's writes stall once the buffers are full, until
        /// ``startDraining()``; then reads to the end.
        case neverRead
    }

    /// What the server saw on one connection.
    struct Connection: Sendable {
        var command: String?
        var frameLengths: [Int] = []
        var streamBytes: [UInt8] = []
        var sawTerminator = false
        var closedByClient = false
    }

    private struct State {
        var connections: [Connection] = []
        var stopped = false
        var drainRequested = false
    }

    let port: Int
    private let listenFD: Int32
    private let behaviour: Behaviour
    private let state = LockedState(State())

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let (fd, port) = try Self.listen(backlog: 64)
        listenFD = fd
        self.port = port
        let thread = Thread { [self] in
            self.acceptLoop()
        }
        thread.start()
    }

    /// Stops accepting; connections already open end when their client closes them.
    func stop() {
        let alreadyStopped = state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        if !alreadyStopped {
            _ = shutdown(listenFD, Int32(SHUT_RDWR))
            _ = close(listenFD)
        }
    }

    deinit {
        stop()
    }

    /// Lets `.neverRead` connections start reading (to see the client close).
    func startDraining() {
        state.withLock { $0.drainRequested = true }
    }

    /// A snapshot of every connection so far.
    var connections: [Connection] {
        state.withLock { $0.connections }
    }

    /// Waits (polling every 10 ms, at most `timeout`) until `condition` holds for the snapshot.
    func waitUntil(timeout: Duration = .seconds(5), _ condition: ([Connection]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if condition(connections) {
                return true
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(connections)
    }

    /// A listening TCP socket on 127.0.0.1 at an ephemeral port.
    static func listen(backlog: Int32) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            close(fd)
            throw TestFailure("bind/listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        while true {
            let client = accept(listenFD, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let index = state.withLock { state in
                state.connections.append(Connection())
                return state.connections.count - 1
            }
            let thread = Thread { [self] in
                self.serve(client, index: index)
                close(client)
            }
            thread.start()
        }
    }

    private func update(_ index: Int, _ change: (inout Connection) -> Void) {
        state.withLock { change(&$0.connections[index]) }
    }

    private func serve(_ fd: Int32, index: Int) {
        if case .neverRead = behaviour {
            // Read nothing until the test asks (after the client gave up), then drain to the end.
            while !state.withLock({ $0.drainRequested || $0.stopped }) {
                usleep(10_000)
            }
            drainUntilClosed(fd, index: index)
            return
        }
        guard let command = readCommand(fd) else {
            update(index) { $0.closedByClient = true }
            return
        }
        update(index) { $0.command = command }
        if case .replyAfterCommand(let reply) = behaviour {
            sendAll(fd, reply)
            return
        }
        if case .replyAfterCommandSlowly(let reply) = behaviour {
            for byte in reply {
                sendAll(fd, [byte])
                usleep(5_000)
            }
            return
        }
        if command == "zINSTREAM" {
            while true {
                guard let header = readExactly(fd, 4) else {
                    update(index) { $0.closedByClient = true }
                    return
                }
                let length = header.reduce(0) { $0 << 8 | Int($1) }
                if length == 0 {
                    update(index) { $0.sawTerminator = true }
                    break
                }
                guard let data = readExactly(fd, length) else {
                    update(index) { $0.closedByClient = true }
                    return
                }
                update(index) {
                    $0.frameLengths.append(length)
                    if $0.streamBytes.count < 1 << 20 {
                        $0.streamBytes.append(contentsOf: data)
                    }
                }
            }
        }
        switch behaviour {
        case .replyAfterStream(let reply):
            sendAll(fd, reply)
        case .silent:
            drainUntilClosed(fd, index: index)
        case .replyAfterCommand, .replyAfterCommandSlowly, .neverRead:
            break
        }
    }

    private func drainUntilClosed(_ fd: Int32, index: Int) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 {}
        update(index) { $0.closedByClient = true }
    }

    private func readCommand(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while recv(fd, &byte, 1, 0) == 1 {
            if byte == 0 {
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes.append(byte)
            if bytes.count > 64 { return nil }
        }
        return nil
    }

    private func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var data = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = data.withUnsafeMutableBytes { recv(fd, $0.baseAddress.map { $0 + offset }, count - offset, 0) }
            if got <= 0 { return nil }
            offset += got
        }
        return data
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return }
            offset += sent
        }
    }
}

/// A failure in test set-up, with its reason.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
