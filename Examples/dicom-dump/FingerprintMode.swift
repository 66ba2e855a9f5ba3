// FingerprintMode: the value-free JSON lines of --fingerprints, and the --deidentify and --rewrite
// modes, used by scripts/crosscheck-dicom.
//
// --fingerprints prints, per file, a line {"file", "transferSyntax"}, then one line per element of the
// file meta information ("part": "meta") and of the data set ("part": "dataset"), at every nesting
// level: "path" (enclosing sequences and item indexes), "tag", "vr", and either "length" and "sha256"
// of the raw value bytes, "items" (a sequence's item count), or "offsetTable" and "fragments"
// (encapsulated pixel data, each with length and sha256). Values themselves are never printed. A
// file that cannot be read gives {"file", "error", "code"} with the DICOMError's description (offsets
// and tags, no values).
//
// --deidentify (Basic Profile, keyed by the hex secret of at least 16 bytes) writes DIR/<name of FILE>
// and prints {"file", "output", "transferSyntax"} per file, or the error line. --rewrite writes each
// file back as DICOMWriter writes it, unchanged otherwise (for round-trip checks).

import DICOMKitCore
import Foundation

struct FingerprintMode {
    var out: ByteWriter

    private mutating func line(_ text: String) {
        out.string(text)
        out.byte(0x0A)
        out.flushIfFull()
    }

    private func jsonString(_ text: String) -> String {
        var writer = ""
        writer.reserveCapacity(text.utf8.count + 2)
        writer += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": writer += "\\\""
            case "\\": writer += "\\\\"
            case "\n": writer += "\\n"
            case "\r": writer += "\\r"
            case "\t": writer += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    writer += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    writer.unicodeScalars.append(scalar)
                }
            }
        }
        return writer + "\""
    }

    private func digestJSON(_ digest: ElementFingerprint.BytesDigest) -> String {
        "{\"length\":\(digest.length),\"sha256\":\"\(digest.sha256)\"}"
    }

    /// Prints one element's line; fragments are written one by one, never joined in memory.
    private mutating func fingerprintLine(file: String, part: String, _ fingerprint: ElementFingerprint) {
        out.string(
            "{\"file\":\(jsonString(file)),\"part\":\"\(part)\",\"path\":\(jsonString(fingerprint.path))"
                + ",\"tag\":\"\(fingerprint.tag)\",\"vr\":\"\(fingerprint.vr)\""
        )
        switch fingerprint.content {
        case .value(let digest):
            out.string(",\"length\":\(digest.length),\"sha256\":\"\(digest.sha256)\"")
        case .sequence(let itemCount):
            out.string(",\"items\":\(itemCount)")
        case .encapsulated(let offsetTable, let fragments):
            out.string(",\"offsetTable\":\(digestJSON(offsetTable)),\"fragments\":[")
            for (index, fragment) in fragments.enumerated() {
                out.string((index == 0 ? "" : ",") + digestJSON(fragment))
                out.flushIfFull()
            }
            out.string("]")
        }
        line("}")
    }

    /// The fingerprint lines of `file`.
    mutating func fingerprints(_ file: DICOMFile, path: String) {
        line("{\"file\":\(jsonString(path)),\"transferSyntax\":\(jsonString(file.transferSyntaxUID))}")
        file.fileMetaInformation.forEachFingerprint { fingerprintLine(file: path, part: "meta", $0) }
        file.dataSet.forEachFingerprint { fingerprintLine(file: path, part: "dataset", $0) }
    }

    /// The error line of a file that could not be read or written.
    mutating func error(path: String, _ error: DICOMError) {
        line(
            "{\"file\":\(jsonString(path)),\"error\":\(jsonString(error.description)),\"code\":\"\(error.code)\"}"
        )
    }

    /// Creates `directory` and its parents when missing (a failure shows when files are written).
    func createDirectory(_ directory: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Writes `file` (de-identified when `deidentifier` is given) to `directory`; returns whether it
    /// succeeded (the line printed says what happened).
    mutating func write(
        _ file: DICOMFile, path: String, directory: String, deidentifier: Deidentifier?, written: inout Set<String>
    ) -> Bool {
        let output = directory + "/" + (path as NSString).lastPathComponent
        guard written.insert(output).inserted else {
            line("{\"file\":\(jsonString(path)),\"error\":\"two inputs share the output name\",\"code\":\"usage\"}")
            return false
        }
        do {
            let clean = try deidentifier.map { deidentifier throws(DICOMError) in try deidentifier.deidentify(file) }
            let result = clean ?? file
            let bytes = try result.serialized()
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                line("{\"file\":\(jsonString(path)),\"error\":\"cannot write the output file\",\"code\":\"io\"}")
                return false
            }
            line(
                "{\"file\":\(jsonString(path)),\"output\":\(jsonString(output)),"
                    + "\"transferSyntax\":\"\(DICOMWriter.outputTransferSyntax(for: result).uid)\"}"
            )
            return true
        } catch {
            self.error(path: path, error)
            return false
        }
    }
}
