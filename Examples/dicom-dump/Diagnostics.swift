// Diagnostics: the lines dicom-dump writes to standard error, and the PHI rule that decides which
// values standard output may show.

import DICOMKitCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `line` and a newline to standard error at once.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { bytes in
        var next = bytes.baseAddress
        var left = bytes.count
        while left > 0, let start = next {
            let written = write(2, start, left)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            left -= written
            next = start + written
        }
    }
}

/// Reports what reading and decoding a file read past, as `W: FILE: ...` lines on standard error.
/// Warnings name offsets, tags and codes, never a value.
struct WarningReporter {
    let path: String
    /// Character set warnings already reported for this file, by tag and code, so that a value
    /// repeated in many items is reported once.
    private var reported: Set<String> = []

    init(path: String) {
        self.path = path
    }

    /// Reports the reader's warnings, after writing out what `output` holds so that standard output and
    /// standard error stay in order on a terminal.
    func report(_ warnings: [DICOMWarning], after output: inout ByteWriter) {
        if !warnings.isEmpty {
            output.flush()
        }
        for warning in warnings {
            printError("W: \(path): \(warning)")
        }
    }

    /// Reports character set warnings of the value of `tag`, each (tag, code) once per file, after
    /// writing out what `output` holds.
    mutating func report(_ warnings: [CharacterSetWarning], tag: Tag, after output: inout ByteWriter) {
        for warning in warnings {
            let key = "\(tag) \(warning.code)"
            guard reported.count < 100, reported.insert(key).inserted else { continue }
            output.flush()
            printError("W: \(path): tag \(tag): \(warning)")
        }
    }
}

/// The PHI rule of dicom-dump: a value is shown only when DICOMKitCore's `Deidentifier` would keep
/// it unchanged (or with `--phi`, the operator's explicit choice, always).
struct Redaction {
    let showsEveryValue: Bool

    /// Whether the value of `element` may be shown. `insideRemoved` is true within the items of a
    /// sequence that de-identification does not keep, where no value is shown.
    @inline(__always)
    func shows(_ element: DataElement, fileMeta: Bool, insideRemoved: Bool) -> Bool {
        if showsEveryValue {
            return true
        }
        if insideRemoved {
            return false
        }
        return fileMeta
            ? Deidentifier.keepsFileMetaInformationValue(of: element) : Deidentifier.keepsValue(of: element)
    }
}
