// dicom-dump: prints the structure of DICOM files as JSON lines, never their values; optionally
// writes de-identified copies.
//
//   swift run dicom-dump FILE...
//   swift run dicom-dump --deidentify --key-hex HEX --out DIR FILE...
//   swift run dicom-dump --rewrite --out DIR FILE...
//
// Dump mode prints, per file, a line {"file", "transferSyntax"}, then one line per element of the
// file meta information ("part": "meta") and of the data set ("part": "dataset"), at every nesting
// level: "path" (enclosing sequences and item indexes), "tag", "vr", and either "length" and
// "sha256" of the raw value bytes, "items" (a sequence's item count), or "offsetTable" and
// "fragments" (encapsulated pixel data, each with length and sha256). Values themselves are never
// printed. A file that cannot be read gives {"file", "error", "code"} with the DICOMError's
// description (offsets and tags, no values).
//
// De-identify mode (Basic Profile, keyed by the hex secret of at least 16 bytes) writes DIR/<name of
// FILE> and prints {"file", "output", "transferSyntax"} per file, or the error line. Rewrite mode
// (--rewrite --out DIR) writes each file back as DICOMWriter writes it, unchanged otherwise (for
// round-trip checks).
//
// Exit status: 0 when every file succeeded, 1 when any failed, 2 for a usage error.

import DICOMKitCore
import Foundation

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func digestJSON(_ digest: ElementFingerprint.BytesDigest) -> String {
    "{\"length\":\(digest.length),\"sha256\":\"\(digest.sha256)\"}"
}

/// Prints one element's JSON line; fragments are printed one by one, never joined in memory.
func printLine(file: String, part: String, _ fingerprint: ElementFingerprint) {
    var text = "{\"file\":\(jsonString(file)),\"part\":\"\(part)\",\"path\":\(jsonString(fingerprint.path))"
    text += ",\"tag\":\"\(fingerprint.tag)\",\"vr\":\"\(fingerprint.vr)\""
    switch fingerprint.content {
    case .value(let digest):
        text += ",\"length\":\(digest.length),\"sha256\":\"\(digest.sha256)\""
    case .sequence(let itemCount):
        text += ",\"items\":\(itemCount)"
    case .encapsulated(let offsetTable, let fragments):
        print(text + ",\"offsetTable\":\(digestJSON(offsetTable)),\"fragments\":[", terminator: "")
        for (index, fragment) in fragments.enumerated() {
            print((index == 0 ? "" : ",") + digestJSON(fragment), terminator: "")
        }
        text = "]"
    }
    print(text + "}")
}

func errorLine(file: String, _ error: DICOMError) -> String {
    "{\"file\":\(jsonString(file)),\"error\":\(jsonString(error.description)),\"code\":\"\(error.code)\"}"
}

func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dicom-dump: \(message)\n".utf8))
    FileHandle.standardError.write(
        Data(
            ("usage: dicom-dump FILE...\n       dicom-dump --deidentify --key-hex HEX --out DIR FILE...\n"
                + "       dicom-dump --rewrite --out DIR FILE...\n").utf8
        )
    )
    exit(2)
}

func parseHex(_ text: String) -> [UInt8]? {
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

var files: [String] = []
var deidentify = false
var rewrite = false
var keyHex: String?
var outputDirectory: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--deidentify": deidentify = true
    case "--rewrite": rewrite = true
    case "--key-hex":
        guard let value = arguments.popFirst() else { usage("--key-hex needs a value") }
        keyHex = value
    case "--out":
        guard let value = arguments.popFirst() else { usage("--out needs a value") }
        outputDirectory = value
    case "-h", "--help": usage("prints DICOM structure without values")
    default:
        if argument.hasPrefix("--") { usage("unknown option \(argument)") }
        files.append(argument)
    }
}
if files.isEmpty { usage("no files given") }

if deidentify && rewrite { usage("--deidentify and --rewrite exclude each other") }
if rewrite && outputDirectory == nil { usage("--rewrite needs --out DIR") }
if let outputDirectory {
    try? FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
}

var deidentifier: Deidentifier?
if deidentify {
    guard let keyHex, let key = parseHex(keyHex) else { usage("--deidentify needs --key-hex with hex digits") }
    guard outputDirectory != nil else { usage("--deidentify needs --out DIR") }
    do {
        deidentifier = try Deidentifier(secretKey: key)
    } catch {
        usage(error.description)
    }
}

var failures = 0
var written: Set<String> = []
for path in files {
    do {
        let file = try await DICOMFile(contentsOf: path)
        if let outputDirectory, deidentify || rewrite {
            let output = outputDirectory + "/" + (path as NSString).lastPathComponent
            guard written.insert(output).inserted else {
                print(
                    "{\"file\":\(jsonString(path)),\"error\":\"two inputs share the output name\",\"code\":\"usage\"}")
                failures += 1
                continue
            }
            let clean =
                try deidentifier.map { deidentifier throws(DICOMError) in try deidentifier.deidentify(file) } ?? file
            let bytes = try clean.serialized()
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                print("{\"file\":\(jsonString(path)),\"error\":\"cannot write the output file\",\"code\":\"io\"}")
                failures += 1
                continue
            }
            print(
                "{\"file\":\(jsonString(path)),\"output\":\(jsonString(output)),"
                    + "\"transferSyntax\":\"\(DICOMWriter.outputTransferSyntax(for: clean).uid)\"}"
            )
        } else {
            print("{\"file\":\(jsonString(path)),\"transferSyntax\":\(jsonString(file.transferSyntaxUID))}")
            file.fileMetaInformation.forEachFingerprint { printLine(file: path, part: "meta", $0) }
            file.dataSet.forEachFingerprint { printLine(file: path, part: "dataset", $0) }
        }
    } catch {
        print(errorLine(file: path, error))
        failures += 1
    }
}
exit(failures == 0 ? 0 : 1)
