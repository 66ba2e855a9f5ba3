// Options: dicom-dump's command line.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What dicom-dump was asked to do.
struct Options {
    enum Mode {
        /// Text like dcmtk's dcmdump (the default).
        case text
        /// The DICOM JSON Model (PS3.18 Annex F).
        case json
        /// Value-free JSON lines of element fingerprints.
        case fingerprints
        /// De-identified copies written to a directory.
        case deidentify
        /// Copies rewritten by DICOMWriter.
        case rewrite
    }

    var mode = Mode.text
    var stopBeforePixels = false
    var phi = false
    var printAll = false
    var keyHex: String?
    var outputDirectory: String?
    var files: [String] = []

    static let usageText = """
        usage: dicom-dump [--json] [--stop-before-pixels] [--phi] [--print-all] FILE...
               dicom-dump --fingerprints FILE...
               dicom-dump --deidentify --key-hex HEX --out DIR FILE...
               dicom-dump --rewrite --out DIR FILE...
          --json                the DICOM JSON Model (PS3.18 Annex F) instead of text; several files give a
                                JSON array (null for a file that could not be read)
          --stop-before-pixels  stop reading at the top-level pixel data
          --phi                 print every value, protected health information included (by default only
                                values that de-identification keeps are printed)
          --print-all           text: print long values whole (by default cut at 64 characters)
          --fingerprints        JSON lines of tag, VR, length and SHA-256 per element, no values
          --deidentify          write de-identified copies (Basic Profile, keyed by --key-hex) to --out DIR
          --rewrite             write copies as DICOMKitCore's writer writes them to --out DIR
        exit status: 0 every file read, 1 a file failed, 2 usage error
        """

    /// Parses `arguments` (without the program name); a usage error prints the usage and exits 2.
    static func parse(_ arguments: ArraySlice<String>) -> Options {
        var options = Options()
        var arguments = arguments
        var modes: [String] = []
        var onlyFiles = false
        while let argument = arguments.popFirst() {
            if onlyFiles || (!argument.hasPrefix("--") && argument != "-h") {
                options.files.append(argument)
                continue
            }
            switch argument {
            case "--": onlyFiles = true
            case "--json": options.mode = .json; modes.append(argument)
            case "--fingerprints": options.mode = .fingerprints; modes.append(argument)
            case "--deidentify": options.mode = .deidentify; modes.append(argument)
            case "--rewrite": options.mode = .rewrite; modes.append(argument)
            case "--stop-before-pixels": options.stopBeforePixels = true
            case "--phi": options.phi = true
            case "--print-all": options.printAll = true
            case "--key-hex":
                guard let value = arguments.popFirst() else { usage("--key-hex needs a value") }
                options.keyHex = value
            case "--out":
                guard let value = arguments.popFirst() else { usage("--out needs a value") }
                options.outputDirectory = value
            case "--help", "-h": usage(nil)
            default: usage("unknown option \(argument)")
            }
        }
        if modes.count > 1 {
            usage("\(modes.joined(separator: " and ")) exclude each other")
        }
        if options.files.isEmpty {
            usage("no files given")
        }
        switch options.mode {
        case .deidentify, .rewrite:
            if options.outputDirectory == nil { usage("\(modes[0]) needs --out DIR") }
            if options.mode == .deidentify, options.keyHex == nil { usage("--deidentify needs --key-hex HEX") }
            if options.mode == .rewrite, options.keyHex != nil { usage("--key-hex goes with --deidentify") }
        case .text, .json, .fingerprints:
            if options.outputDirectory != nil || options.keyHex != nil {
                usage("--out and --key-hex go with --deidentify or --rewrite")
            }
        }
        if options.printAll, options.mode != .text {
            usage("--print-all goes with the text output")
        }
        if options.phi, options.mode != .text, options.mode != .json {
            usage("--phi goes with the text or JSON output")
        }
        return options
    }

    /// Prints `message` (if any) and the usage on standard error and exits: 2, or 0 for --help.
    static func usage(_ message: String?) -> Never {
        if let message {
            printError("dicom-dump: \(message)")
        }
        printError(usageText)
        exit(message == nil ? 0 : 2)
    }

    /// The bytes of a hex string, or `nil`.
    static func parseHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...(index + 1)], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
