// ByteWriter: the output buffer of dicom-dump. Output is formatted by hand into one buffer allocated
// once (hex, decimal, padding, JSON escapes, base64), which goes to the file descriptor in large
// write(2)s: no String is built per element.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A growing run of output bytes, written to a file descriptor whenever it passes a threshold.
///
/// A struct held inside the dumpers and used through `mutating` methods, so that access needs no
/// dynamic exclusivity checks. The storage is allocated once and lives as long as the process.
struct ByteWriter {
    /// The size of the buffer; a write of more than this goes to the descriptor directly.
    static let capacity = 1 << 20
    /// `flushIfFull()` writes the buffer out once it holds this much.
    static let threshold = 1 << 18

    private let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// Bytes written to the descriptor so far.
    private var flushed = 0
    let descriptor: Int32
    /// Set when a write to the descriptor failed (e.g. a closed pipe): later output is dropped.
    private(set) var failed = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: ByteWriter.capacity)
    }

    /// The number of bytes produced so far, written or not: columns are measured with it.
    var position: Int {
        flushed + count
    }

    // MARK: - Writing out

    /// Writes the buffer out when it holds more than ``threshold`` bytes.
    @inline(__always)
    mutating func flushIfFull() {
        if count >= ByteWriter.threshold {
            flush()
        }
    }

    /// Writes everything buffered to the descriptor.
    mutating func flush() {
        writeOut(UnsafeRawBufferPointer(start: base, count: count))
        flushed += count
        count = 0
    }

    private mutating func writeOut(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                failed = true
                return
            }
            left -= written
            next += written
        }
    }

    /// Makes room for `needed` more bytes in the buffer.
    @inline(__always)
    private mutating func reserve(_ needed: Int) {
        if count + needed > ByteWriter.capacity {
            flush()
        }
    }

    // MARK: - Bytes

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    /// Writes a literal (ASCII) string.
    @inline(__always)
    mutating func ascii(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        reserve(length)
        (base + count).update(from: text.utf8Start, count: length)
        count += length
    }

    /// Writes raw bytes.
    mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > ByteWriter.capacity {
            flush()
            writeOut(bytes)
            flushed += bytes.count
            return
        }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    mutating func raw(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { raw($0) }
    }

    mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw($0) }
    }

    /// Writes the UTF-8 of `text`.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { raw(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes` with every control byte (below 0x20, and DEL) shown as `.`, so that a value
    /// stays on its line.
    mutating func printable(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= ByteWriter.capacity else {
            printable(UnsafeRawBufferPointer(rebasing: bytes[0..<ByteWriter.capacity]))
            printable(UnsafeRawBufferPointer(rebasing: bytes[ByteWriter.capacity...]))
            return
        }
        reserve(bytes.count)
        let out = base + count
        for index in 0..<bytes.count {
            let value = bytes[index]
            out[index] = value < 0x20 || value == 0x7F ? UInt8(ascii: ".") : value
        }
        count += bytes.count
    }

    /// Writes `count` copies of `value`.
    mutating func repeating(_ value: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (base + count).update(repeating: value, count: repeats)
        count += repeats
    }

    // MARK: - Numbers

    private static let lowerHex: StaticString = "0123456789abcdef"
    private static let upperHex: StaticString = "0123456789ABCDEF"

    /// Writes the low `digits` hex digits of `value`, zero-padded.
    @inline(__always)
    mutating func hex(_ value: UInt64, digits: Int, uppercase: Bool = false) {
        reserve(digits)
        let table = uppercase ? ByteWriter.upperHex.utf8Start : ByteWriter.lowerHex.utf8Start
        var rest = value
        var index = count + digits - 1
        while index >= count {
            base[index] = table[Int(rest & 0xF)]
            rest >>= 4
            index -= 1
        }
        count += digits
    }

    /// Writes `value` in decimal.
    mutating func decimal(_ value: UInt64) {
        reserve(20)
        if value < 10 {
            base[count] = 0x30 + UInt8(value)
            count += 1
            return
        }
        var digits = 0
        var probe = value
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        var rest = value
        var index = count + digits - 1
        while rest > 0 {
            base[index] = 0x30 + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        count += digits
    }

    /// Writes `value` in decimal, with a minus sign when negative.
    mutating func decimal(_ value: Int64) {
        if value < 0 {
            byte(UInt8(ascii: "-"))
            decimal(value.magnitude)
        } else {
            decimal(UInt64(value))
        }
    }

    /// Writes `value` in decimal right-aligned in `width` columns (wider when it needs more).
    mutating func decimal(_ value: Int, width: Int) {
        var digits = 1
        var probe = value.magnitude / 10
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        repeating(0x20, count: width - digits - (value < 0 ? 1 : 0))
        decimal(Int64(value))
    }

    /// Writes the shortest text that reads back as `value` (Swift's own formatting), `nan`/`inf` as
    /// Swift writes them.
    mutating func float(_ value: Double) {
        string(value.description)
    }

    /// Writes a `Float` as Swift formats it (shortest round-trip form of the single-precision value).
    mutating func float(_ value: Float) {
        string(value.description)
    }

    // MARK: - JSON and base64

    /// Writes `bytes` (UTF-8) as the inside of a JSON string: quote, backslash and control characters
    /// escaped, everything else as is.
    mutating func jsonEscaped(_ bytes: UnsafeRawBufferPointer) {
        var runStart = 0
        for index in 0..<bytes.count {
            let value = bytes[index]
            guard value < 0x20 || value == 0x22 || value == 0x5C else { continue }
            raw(UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch value {
            case 0x22: ascii("\\\"")
            case 0x5C: ascii("\\\\")
            case 0x0A: ascii("\\n")
            case 0x0D: ascii("\\r")
            case 0x09: ascii("\\t")
            default:
                ascii("\\u00")
                hex(UInt64(value), digits: 2)
            }
        }
        raw(UnsafeRawBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    mutating func jsonEscaped(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { jsonEscaped($0) }
    }

    /// Writes `text` as a JSON string, quotes included.
    mutating func jsonString(_ text: String) {
        byte(0x22)
        var text = text
        text.withUTF8 { jsonEscaped(UnsafeRawBufferPointer($0)) }
        byte(0x22)
    }

    private static let base64Alphabet: StaticString =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// Writes the base64 of `bytes`, whose count must be a multiple of 3 (no padding), in chunks that
    /// fit the buffer. ``Base64Encoder`` handles the rest.
    mutating func base64Triples(_ bytes: UnsafeRawBufferPointer) {
        let alphabet = ByteWriter.base64Alphabet.utf8Start
        var index = 0
        let whole = bytes.count - bytes.count % 3
        while index < whole {
            // Up to 48 KiB of input (64 KiB of output) per chunk.
            let chunkEnd = min(whole, index + 49_152)
            reserve((chunkEnd - index) / 3 * 4)
            var out = base + count
            while index < chunkEnd {
                let triple = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                out[0] = alphabet[Int(triple >> 18)]
                out[1] = alphabet[Int(triple >> 12 & 0x3F)]
                out[2] = alphabet[Int(triple >> 6 & 0x3F)]
                out[3] = alphabet[Int(triple & 0x3F)]
                out += 4
                index += 3
            }
            count = out - base
        }
    }

    /// Writes the last one or two bytes of a base64 stream, with padding.
    mutating func base64Tail(_ first: UInt8, _ second: UInt8?) {
        let alphabet = ByteWriter.base64Alphabet.utf8Start
        let pair = UInt32(first) << 16 | UInt32(second ?? 0) << 8
        byte(alphabet[Int(pair >> 18)])
        byte(alphabet[Int(pair >> 12 & 0x3F)])
        byte(second != nil ? alphabet[Int(pair >> 6 & 0x3F)] : UInt8(ascii: "="))
        byte(UInt8(ascii: "="))
    }
}

/// Base64 (RFC 4648, padded) of a value given in pieces, e.g. the items of encapsulated pixel data.
struct Base64Encoder {
    private var pending: [UInt8] = []

    /// Encodes `bytes` after the pieces fed before.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into out: inout ByteWriter) {
        var rest = bytes[...]
        while !pending.isEmpty, pending.count < 3, let first = rest.first {
            pending.append(first)
            rest = rest.dropFirst()
        }
        if pending.count == 3 {
            pending.withUnsafeBytes { out.base64Triples($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count - rest.count % 3
        out.base64Triples(UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
        pending.append(contentsOf: rest.dropFirst(whole))
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>, into out: inout ByteWriter) {
        bytes.withUnsafeBytes { feed($0, into: &out) }
    }

    mutating func feed(_ bytes: [UInt8], into out: inout ByteWriter) {
        bytes.withUnsafeBytes { feed($0, into: &out) }
    }

    /// Writes the padded end of the stream.
    mutating func finish(into out: inout ByteWriter) {
        switch pending.count {
        case 1: out.base64Tail(pending[0], nil)
        case 2: out.base64Tail(pending[0], pending[1])
        default: break
        }
        pending.removeAll(keepingCapacity: true)
    }
}
