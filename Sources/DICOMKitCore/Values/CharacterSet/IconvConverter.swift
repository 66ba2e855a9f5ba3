import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One iconv conversion descriptor from a named character set to UTF-32LE, closed when dropped.
///
/// A descriptor is used by one decoding at a time: ``acquire(_:)`` takes one from a small pool (or
/// opens one) and ``release(_:)`` gives it back, so that decoding does not pay for `iconv_open`
/// each time. That exclusive use is what makes the unchecked `Sendable` sound.
final class IconvConverter: @unchecked Sendable {
    private let handle: iconv_t
    /// The iconv name of the source character set.
    let charset: String

    /// Idle converters by character set, at most ``poolLimit`` each.
    private static let pool = Mutex<[String: [IconvConverter]]>([:])
    private static let poolLimit = 4

    /// An idle converter from `charset`, or a new one; `nil` when the C library has none.
    static func acquire(_ charset: String) -> IconvConverter? {
        let idle = pool.withLock { pool -> IconvConverter? in
            pool[charset]?.popLast()
        }
        return idle ?? IconvConverter(from: charset)
    }

    /// Returns `converter` to the pool (or drops it when the pool is full).
    static func release(_ converter: IconvConverter) {
        pool.withLock { pool in
            if pool[converter.charset, default: []].count < poolLimit {
                pool[converter.charset, default: []].append(converter)
            }
        }
    }

    /// Opens a converter from `charset` (an iconv name such as `EUC-JP`), or `nil` when the C library
    /// has no such converter (a system without gconv modules).
    init?(from charset: String) {
        guard let handle = iconv_open("UTF-32LE", charset), Int(bitPattern: handle) != -1 else {
            return nil
        }
        self.handle = handle
        self.charset = charset
    }

    deinit {
        iconv_close(handle)
    }

    /// How many bytes an undefined sequence takes: one, or the width of a character of a
    /// double-byte set whose characters are known to be aligned.
    enum InvalidSkip {
        /// Skip one byte and let the converter find the next character.
        case oneByte
        /// Skip a whole character of this many bytes (the input was built aligned).
        case character(Int)
        /// Skip two bytes when both are in 0xA1 to 0xFE (an EUC character that is undefined), else one.
        case eucPair
    }

    /// Converts `bytes`, appending the characters to `scalars`. Each byte sequence the character set
    /// does not define, and an incomplete sequence at the end, becomes one U+FFFD; `skip` says how
    /// far past it to resume.
    ///
    /// - Returns: the index in `bytes` of the first invalid byte, or `nil` when all bytes were valid.
    func convert(
        _ bytes: ArraySlice<UInt8>, into scalars: inout String.UnicodeScalarView, skip: InvalidSkip = .oneByte
    ) -> Int? {
        guard !bytes.isEmpty else { return nil }
        // Back to the initial shift state: a previous run may have ended on an error.
        _ = iconv(handle, nil, nil, nil, nil)
        var input = Array(bytes)
        // Stateless character sets give at most one character per input byte.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 4)
        var firstInvalid: Int?
        input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return }
                var consumed = 0
                while consumed < inputBuffer.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inputBuffer.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outputBuffer.count
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    let produced = outputBuffer.count - outLeft
                    appendUTF32(UnsafeBufferPointer(start: outputBase, count: produced), to: &scalars)
                    consumed = inputBuffer.count - inLeft
                    guard result == -1 else { break }
                    if failure == E2BIG {
                        if produced == 0 { break }
                        continue
                    }
                    // EILSEQ (an undefined sequence) or EINVAL (cut off at the end): one replacement
                    // character, then resume after the offending byte.
                    firstInvalid = firstInvalid ?? consumed
                    scalars.append(replacementCharacter)
                    _ = iconv(handle, nil, nil, nil, nil)
                    consumed += failure == EINVAL ? inLeft : skipLength(inputBuffer, at: consumed, skip)
                }
            }
        }
        return firstInvalid.map { bytes.startIndex + $0 }
    }

    private func skipLength(_ buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int, _ skip: InvalidSkip) -> Int {
        let left = buffer.count - index
        switch skip {
        case .oneByte:
            return 1
        case .character(let width):
            return max(1, min(width, left))
        case .eucPair:
            guard left >= 2, (0xA1...0xFE).contains(buffer[index]), (0xA1...0xFE).contains(buffer[index + 1]) else {
                return 1
            }
            return 2
        }
    }

    private func appendUTF32(_ buffer: UnsafeBufferPointer<UInt8>, to scalars: inout String.UnicodeScalarView) {
        var index = 0
        while index + 3 < buffer.count {
            let value =
                UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
                | UInt32(buffer[index + 3]) << 24
            scalars.append(Unicode.Scalar(value) ?? replacementCharacter)
            index += 4
        }
    }
}

/// U+FFFD, which stands for bytes that cannot be decoded.
let replacementCharacter: Unicode.Scalar = "\u{FFFD}"
