// dicom-dump: prints DICOM files as text like dcmtk's dcmdump, or as the DICOM JSON Model, without
// protected health information unless asked; also the value-free fingerprints, de-identification and
// rewrite modes of scripts/crosscheck-dicom.
//
//   swift run dicom-dump [--json] [--stop-before-pixels] [--phi] [--print-all] FILE...
//   swift run dicom-dump --fingerprints FILE...
//   swift run dicom-dump --deidentify --key-hex HEX --out DIR FILE...
//   swift run dicom-dump --rewrite --out DIR FILE...
//
// Text (the default, see TextDumper.swift): per file a header, then one line per element at every
// nesting level, dcmdump's layout. JSON (--json, see JSONDumper.swift): one object per file, a JSON
// array of them for several files.
//
// The PHI rule: no value that could identify a patient appears unless --phi is given. Without it, a
// value is printed only when DICOMKitCore's Deidentifier would keep it unchanged
// (`Deidentifier.keepsValue(of:)`; in the file meta information `keepsFileMetaInformationValue(of:)`);
// nothing inside a sequence that de-identification removes, empties or replaces is printed. Text shows
// `(redacted, N bytes)` in place of such a value, JSON leaves "Value"/"InlineBinary" out and adds
// "Redacted": true. Tags, VRs, lengths and structure are always shown. With --phi every value is
// printed, and a note on standard error says so.
//
// Standard error: `W: FILE: ...` for what the reader read past (DICOMWarning) and for character set
// decoding warnings, `E: FILE: DICOMError....` for a file that could not be read (offsets, tags and
// codes only, never a value). Exit status: 0 when every file was read, 1 when any failed, 2 for a
// usage error.
//
// Files are read in order on one thread, each into one reused buffer, and output is formatted by hand
// into a byte buffer written in large blocks.

import DICOMKitCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the command and returns the exit status.
func run(_ options: Options) -> Int32 {
    var readOptions = DICOMFile.ReadOptions.default
    readOptions.stopBeforePixelData = options.stopBeforePixels
    var loader = FileLoader(maximumSize: readOptions.maximumFileSize)
    var failures = 0
    let output = ByteWriter(descriptor: 1)
    let redaction = Redaction(showsEveryValue: options.phi)
    if options.phi {
        printError(
            "dicom-dump: --phi: printing every value, protected health information included, as the operator asked"
        )
    }

    switch options.mode {
    case .text:
        var dumper = TextDumper(out: output, redaction: redaction, printAll: options.printAll)
        for path in options.files {
            do {
                let file = try DICOMFile(bytes: try loader.load(path), options: readOptions)
                dumper.dump(file, path: path)
            } catch {
                dumper.out.flush()
                printError("E: \(path): \(error)")
                failures += 1
            }
        }
        dumper.out.flush()
    case .json:
        var dumper = JSONDumper(out: output, redaction: redaction)
        let several = options.files.count > 1
        if several {
            dumper.out.ascii("[\n")
        }
        for (index, path) in options.files.enumerated() {
            if index > 0 {
                dumper.out.ascii(",\n")
            }
            do {
                let file = try DICOMFile(bytes: try loader.load(path), options: readOptions)
                dumper.dump(file, path: path)
            } catch {
                dumper.out.ascii("null")
                dumper.out.flush()
                printError("E: \(path): \(error)")
                failures += 1
            }
            dumper.out.flushIfFull()
        }
        dumper.out.ascii(several ? "\n]\n" : "\n")
        dumper.out.flush()
    case .fingerprints:
        var mode = FingerprintMode(out: output)
        for path in options.files {
            do {
                let file = try DICOMFile(bytes: try loader.load(path), options: readOptions)
                mode.fingerprints(file, path: path)
            } catch {
                mode.error(path: path, error)
                failures += 1
            }
        }
        mode.out.flush()
    case .deidentify, .rewrite:
        failures = writeCopies(options, readOptions: readOptions, loader: &loader, output: output)
    }
    return failures == 0 ? 0 : 1
}

/// The --deidentify and --rewrite modes; returns the number of files that failed.
func writeCopies(
    _ options: Options, readOptions: DICOMFile.ReadOptions, loader: inout FileLoader, output: ByteWriter
) -> Int {
    guard let directory = options.outputDirectory else { return options.files.count }
    var deidentifier: Deidentifier?
    if options.mode == .deidentify {
        guard let key = options.keyHex.flatMap(Options.parseHex) else {
            Options.usage("--deidentify needs --key-hex with hex digits")
        }
        do {
            deidentifier = try Deidentifier(secretKey: key)
        } catch {
            Options.usage(error.description)
        }
    }
    var mode = FingerprintMode(out: output)
    mode.createDirectory(directory)
    var written: Set<String> = []
    var failures = 0
    for path in options.files {
        do {
            let file = try DICOMFile(bytes: try loader.load(path), options: readOptions)
            if !mode.write(file, path: path, directory: directory, deidentifier: deidentifier, written: &written) {
                failures += 1
            }
        } catch {
            mode.error(path: path, error)
            failures += 1
        }
    }
    mode.out.flush()
    return failures
}

exit(run(Options.parse(CommandLine.arguments.dropFirst())))
