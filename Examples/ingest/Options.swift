import ClamClient
import Foundation
import UploadPolicy

#if canImport(Glibc)
import Glibc
#endif

/// The command line of `ingest`.
struct Options {
    var endpoint: ClamdEndpoint = .tcp(host: "127.0.0.1", port: 3310)
    var storage = "ingest-storage"
    var audit = "ingest-audit.jsonl"
    var kind: UploadKind?
    var actor = "ingest-cli"
    var scanTimeout: Duration = .seconds(60)
    var scanAttempts = 2
    var files: [String] = []

    static let usage = """
        usage: ingest [--clamd HOST:PORT | --clamd-socket PATH] [--storage DIR] [--audit FILE]
                      [--kind images|dicom] [--actor ID] [--scan-timeout SECONDS] [--scan-attempts N] FILE...

          --clamd HOST:PORT       clamd over TCP (default 127.0.0.1:3310)
          --clamd-socket PATH     clamd over a Unix socket
          --storage DIR           where accepted files are stored (default ./ingest-storage)
          --audit FILE            the JSON Lines audit log to append to (default ./ingest-audit.jsonl)
          --kind images|dicom     the upload kind (default: chosen from each file's content)
          --actor ID              the actor recorded in the audit log (default ingest-cli)
          --scan-timeout SECONDS  how long clamd may stay silent during one scan (default 60)
          --scan-attempts N       scans tried before a file is undecided (default 2)

        The de-identification key is read as hex (at least 16 bytes) from MEDICALUPLOADKIT_DEID_KEY.
        Exit status: 0 every file stored or rejected; 2 some file undecided; 64 usage error.
        """

    /// Parses `arguments`, exiting with status 64 and the usage on any error.
    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                options.files.append(contentsOf: remaining)
                break
            }
            if argument == "-h" || argument == "--help" {
                print(usage)
                exit(0)
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                options.files.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() -> String {
                guard let text = inlineValue ?? remaining.popFirst() else { usageError("\(name) needs a value") }
                guard !text.isEmpty else { usageError("\(name) needs a non-empty value") }
                return text
            }
            switch name {
            case "--clamd": options.endpoint = parseHostPort(value())
            case "--clamd-socket": options.endpoint = .unixSocket(path: value())
            case "--storage": options.storage = value()
            case "--audit": options.audit = value()
            case "--actor": options.actor = value()
            case "--kind":
                let kindName = value()
                guard let kind = UploadKind.named(kindName) else {
                    usageError("unknown kind \(kindName); use images or dicom")
                }
                options.kind = kind
            case "--scan-timeout":
                guard let seconds = decimal(value()), (1...3600).contains(seconds) else {
                    usageError("--scan-timeout takes whole seconds from 1 to 3600")
                }
                options.scanTimeout = .seconds(seconds)
            case "--scan-attempts":
                guard let attempts = decimal(value()), (1...10).contains(attempts) else {
                    usageError("--scan-attempts takes a number from 1 to 10")
                }
                options.scanAttempts = attempts
            default:
                usageError("unknown option \(name)")
            }
        }
        if options.files.isEmpty { usageError("no FILE given") }
        return options
    }

    private static func parseHostPort(_ text: String) -> ClamdEndpoint {
        guard let colon = text.lastIndex(of: ":"), colon != text.startIndex,
            let port = decimal(String(text[text.index(after: colon)...])), (1...65535).contains(port)
        else { usageError("--clamd takes HOST:PORT with a port from 1 to 65535") }
        return .tcp(host: String(text[..<colon]), port: port)
    }

    /// A number written with decimal digits only (no sign, no spaces).
    private static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(text)
    }
}

/// The de-identification key from MEDICALUPLOADKIT_DEID_KEY: unset gives a random key for this run (said on
/// stderr); set, it must be hexadecimal for at least 16 bytes, else a usage error.
func deidentificationKey(environment: [String: String] = ProcessInfo.processInfo.environment) -> [UInt8] {
    let variable = "MEDICALUPLOADKIT_DEID_KEY"
    guard let hex = environment[variable] else {
        FileHandle.standardError.write(
            Data("ingest: \(variable) is not set; using a random key for this run only\n".utf8))
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
    let digits = Array(hex.utf8)
    func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x41...0x46: digit - 0x41 + 10
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }
    var key: [UInt8] = []
    var index = 0
    while index + 1 < digits.count, let high = nibble(digits[index]), let low = nibble(digits[index + 1]) {
        key.append(high << 4 | low)
        index += 2
    }
    guard index == digits.count, key.count >= 16 else {
        usageError("\(variable) must be an even number of hexadecimal digits for at least 16 bytes")
    }
    return key
}

/// Prints `message` and the usage on stderr and exits with status 64.
func usageError(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ingest: \(message)\n\(Options.usage)\n".utf8))
    exit(64)
}
