// dicom-bench: times DICOMKitCore on a directory of DICOM files, beside pydicom (and dcmtk's dcmdump
// when installed) over the same files in the same run.
//
//   swift run -c release dicom-bench DIR [--runs N] [--filter NAME] [--python PATH] [--no-dcmdump]
//
// In the style of swift-nio's NIOPerformanceTester: a warm-up run, then N timed runs (default 10),
// reporting min and median. Every .dcm file under DIR (e.g. pydicom-data's data_store/data) is loaded
// into memory first; the files DICOMKitCore reads are the benchmark set, and every anchor is given
// exactly that set. The pydicom anchor runs `pydicom.dcmread` over in-memory copies in a Python
// process (path from --python, else $DICOM_BENCH_PYTHON, else .venv/bin/python). The dcmdump anchor
// runs /usr/bin/dcmdump over the files, output discarded: it includes process start-up and file
// reading, so it is an upper bound for dcmtk's parser.

import DICOMKitCore
import Foundation

#if DEBUG
print(
    """
    ==========================================================================
    =  DEBUG BUILD: these figures mean nothing. Run with `swift run -c release`.
    ==========================================================================
    """
)
#endif

struct Options {
    var directory = ""
    var runs = 10
    var filter: String?
    var python = ProcessInfo.processInfo.environment["DICOM_BENCH_PYTHON"] ?? ".venv/bin/python"
    var dcmdump = true
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    func value(_ name: String) -> String {
        guard let value = arguments.popFirst() else {
            FileHandle.standardError.write(Data("dicom-bench: \(name) needs a value\n".utf8))
            exit(2)
        }
        return value
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--runs": options.runs = max(1, Int(value(argument)) ?? 10)
        case "--filter": options.filter = value(argument)
        case "--python": options.python = value(argument)
        case "--no-dcmdump": options.dcmdump = false
        default: options.directory = argument
        }
    }
    if options.directory.isEmpty {
        FileHandle.standardError.write(
            Data("usage: dicom-bench DIR [--runs N] [--filter NAME] [--python PATH] [--no-dcmdump]\n".utf8)
        )
        exit(2)
    }
    return options
}

/// One benchmark: a name and work that returns a checksum (so the optimizer cannot drop it).
struct Benchmark {
    let name: String
    let work: () throws -> Int
}

struct Measurement {
    let min: Double
    let median: Double
}

func measure(runs: Int, _ work: () throws -> Int) rethrows -> Measurement {
    var checksum = try work()  // warm-up
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        var result = 0
        let elapsed = try clock.measure { result = try work() }
        checksum &+= result
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    if checksum == Int.min { print("checksum \(checksum)") }
    times.sort()
    return Measurement(min: times[0], median: times[times.count / 2])
}

func milliseconds(_ seconds: Double) -> String {
    String(format: "%9.2f ms", seconds * 1000)
}

func run(_ executable: String, _ arguments: [String], output: FileHandle? = nil) throws -> (Int32, Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = output ?? pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output == nil ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}

let options = parseOptions()
let directoryURL = URL(fileURLWithPath: options.directory)
guard let enumerator = FileManager.default.enumerator(at: directoryURL, includingPropertiesForKeys: nil) else {
    FileHandle.standardError.write(Data("dicom-bench: cannot list \(options.directory)\n".utf8))
    exit(2)
}
var paths: [String] = []
for case let url as URL in enumerator where url.pathExtension.lowercased() == "dcm" {
    paths.append(url.path)
}
paths.sort()
var files: [(path: String, bytes: [UInt8])] = []
var skipped = 0
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let bytes = [UInt8](data)
    if (try? DICOMFile(bytes: bytes)) != nil {
        files.append((path, bytes))
    } else {
        skipped += 1
    }
}
// Files without SOP Class/Instance UIDs parse but cannot be written as Part 10: the write
// benchmarks use the writable ones.
let writable = files.filter { (try? DICOMFile(bytes: $0.bytes).serialized()) != nil }
let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
print(
    "dicom-bench: \(files.count) files (\(String(format: "%.1f", Double(totalBytes) / 1_048_576)) MiB) read by "
        + "DICOMKitCore (\(writable.count) writable), \(skipped) others skipped (unsupported or invalid); "
        + "\(options.runs) runs after a warm-up"
)

let key = [UInt8](repeating: 0x5A, count: 32)
let deidentifier: Deidentifier
do {
    deidentifier = try Deidentifier(secretKey: key)
} catch {
    fatalError("the benchmark key is valid")
}

let benchmarks = [
    Benchmark(name: "parse") {
        var elements = 0
        for file in files {
            elements += try DICOMFile(bytes: file.bytes).dataSet.count
        }
        return elements
    },
    Benchmark(name: "parse+serialize") {
        var total = 0
        for file in writable {
            total += try DICOMFile(bytes: file.bytes).serialized().count
        }
        return total
    },
    Benchmark(name: "parse+deidentify+serialize") {
        var total = 0
        for file in writable {
            total += try deidentifier.deidentify(try DICOMFile(bytes: file.bytes)).serialized().count
        }
        return total
    },
]

var parseFigure: Measurement?
for benchmark in benchmarks where options.filter.map({ benchmark.name.contains($0) }) ?? true {
    do {
        let result = try measure(runs: options.runs, benchmark.work)
        if benchmark.name == "parse" { parseFigure = result }
        print(
            "\(benchmark.name.padding(toLength: 28, withPad: " ", startingAt: 0)) min \(milliseconds(result.min))  median \(milliseconds(result.median))"
        )
    } catch {
        print("\(benchmark.name): failed: \(error)")
    }
}

// Anchor 1: pydicom's dcmread over the same files, from memory.
let pythonScript = """
    import io, statistics, sys, time
    import pydicom
    paths = [line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8")]
    runs = int(sys.argv[2])
    blobs = [open(p, "rb").read() for p in paths]
    def once():
        count = 0
        for blob in blobs:
            count += len(pydicom.dcmread(io.BytesIO(blob)))
        return count
    once()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        once()
        times.append(time.perf_counter() - start)
    times.sort()
    print(times[0], times[len(times) // 2])
    """

if options.filter.map({ "pydicom".contains($0) || "parse".contains($0) }) ?? true {
    let listPath = NSTemporaryDirectory() + "/dicom-bench-\(ProcessInfo.processInfo.processIdentifier).txt"
    let scriptPath = listPath + ".py"
    defer {
        try? FileManager.default.removeItem(atPath: listPath)
        try? FileManager.default.removeItem(atPath: scriptPath)
    }
    do {
        try files.map(\.path).joined(separator: "\n").appending("\n").write(
            toFile: listPath, atomically: true, encoding: .utf8)
        try pythonScript.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let (status, data) = try run(options.python, [scriptPath, listPath, String(options.runs)])
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap {
            Double($0)
        }
        if status == 0, fields.count == 2 {
            print(
                "\("pydicom dcmread (anchor)".padding(toLength: 28, withPad: " ", startingAt: 0)) min \(milliseconds(fields[0]))  median \(milliseconds(fields[1]))"
            )
            if let parseFigure {
                print(
                    String(
                        format: "  parse speed-up over pydicom: %.1fx (min), %.1fx (median)",
                        fields[0] / parseFigure.min, fields[1] / parseFigure.median))
            }
        } else {
            print("pydicom anchor: \(options.python) failed (status \(status)); pass --python PATH")
        }
    } catch {
        print("pydicom anchor: cannot run \(options.python): \(error)")
    }
}

// Anchor 2: dcmtk's dcmdump, one process over all files (includes start-up, file reads, printing).
let dcmdump = "/usr/bin/dcmdump"
if options.dcmdump, FileManager.default.isExecutableFile(atPath: dcmdump),
    options.filter.map({ "dcmdump".contains($0) || "parse".contains($0) }) ?? true
{
    do {
        let result = try measure(runs: options.runs) {
            let (status, _) = try run(dcmdump, files.map(\.path), output: FileHandle.nullDevice)
            return Int(status)
        }
        print(
            "\("dcmdump (anchor, +startup)".padding(toLength: 28, withPad: " ", startingAt: 0)) min \(milliseconds(result.min))  median \(milliseconds(result.median))"
        )
        if let parseFigure {
            print(
                String(
                    format:
                        "  parse speed-up over dcmdump: %.1fx (min); dcmdump includes process start-up, disk reads and printing",
                    result.min / parseFigure.min))
        }
    } catch {
        print("dcmdump anchor: failed: \(error)")
    }
}
