import ClamClient
import Foundation
import Testing

/// The real clamd these tests talk to, and test data.
enum ClamdTestSupport {
    static let howToRun = """
        start a test clamd first: run scripts/test, or \
        eval "$(scripts/clamd-start /tmp/clamd-test)" then swift test --filter ClamClientTests \
        (stop it with scripts/clamd-stop /tmp/clamd-test)
        """

    /// `CLAMD_TCP` (`127.0.0.1:PORT`) as an endpoint; records a failure saying how to run the tests
    /// when it is missing.
    static func tcpEndpoint() throws -> ClamdEndpoint {
        let value = try #require(
            ProcessInfo.processInfo.environment["CLAMD_TCP"], "CLAMD_TCP is not set: \(howToRun)")
        return try tcpEndpoint(parsing: value)
    }

    /// `CLAMD_SOCKET` as an endpoint; records a failure saying how to run the tests when missing.
    static func unixEndpoint() throws -> ClamdEndpoint {
        let path = try #require(
            ProcessInfo.processInfo.environment["CLAMD_SOCKET"], "CLAMD_SOCKET is not set: \(howToRun)")
        return .unixSocket(path: path)
    }

    /// Both endpoints of the test clamd.
    static func endpoints() throws -> [ClamdEndpoint] {
        [try tcpEndpoint(), try unixEndpoint()]
    }

    static func tcpEndpoint(parsing value: String) throws -> ClamdEndpoint {
        let colon = try #require(value.lastIndex(of: ":"), "expected HOST:PORT, got \(value)")
        let port = try #require(Int(value[value.index(after: colon)...]), "expected HOST:PORT, got \(value)")
        return .tcp(host: String(value[..<colon]), port: port)
    }

    /// The EICAR anti-virus test string, assembled so no source file holds it whole.
    static let eicar: [UInt8] = Array(
        ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS" + "-TEST-FILE!$H+H*").utf8)

    /// The name clamd reports for EICAR with the database of scripts/make-clamd-db.
    static let eicarSignature = "Eicar-Test-Signature.UNOFFICIAL"

    /// `count` bytes of harmless content: a 997-byte pattern, repeated by doubling (a few
    /// `memcpy`s, so tests spend no real CPU time on the cooperative threads building data).
    static func cleanBytes(_ count: Int) -> [UInt8] {
        var bytes = (0..<997).map { UInt8(truncatingIfNeeded: ($0 &* 31) ^ ($0 >> 3)) }
        while bytes.count < count {
            bytes += bytes
        }
        return Array(bytes.prefix(count))
    }

    /// The repository root (this file is Tests/ClamClientTests/ClamdTestSupport.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("clamclient-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Bytes as text with NUL and other control bytes shown as `\xNN`, for test names.
    static func printable(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { (0x20..<0x7F).contains($0) ? String(UnicodeScalar($0)) : "\\x\(String($0, radix: 16))" }
            .joined()
    }

    /// How long `body` takes.
    static func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
        let start = ContinuousClock.now
        let value = try await body()
        return (value, ContinuousClock.now - start)
    }

    /// Runs `body`, which must throw a ``ClamdError``, and returns it.
    static func clamdError(_ body: () async throws(ClamdError) -> some Any) async -> ClamdError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error
        }
    }
}
