import CZlib

/// Inflates the raw deflate stream of a Deflated Explicit VR Little Endian data set (PS3.5 A.5),
/// in chunks, checking the size and ratio limits after every chunk so that a decompression bomb
/// never allocates more than a chunk past the limits.
enum Inflater {
    /// The output of one `inflate` call at most.
    static let chunkSize = 1 << 16
    /// The inflated size below which the ratio is not checked: small data sets compress extremely.
    static let ratioFloor = 1 << 20

    /// The result of ``inflate(_:from:maximumSize:maximumRatio:)``.
    struct Inflated {
        /// `input[..<start]` followed by the inflated bytes.
        var bytes: [UInt8]
        /// The bytes of `input` after the end of the deflate stream.
        var trailing: ArraySlice<UInt8>
    }

    /// Inflates `input[start...]`, returning it after `input[..<start]` (the preamble and file meta
    /// information, kept so that offsets in the result count from the start of the file).
    static func inflate(
        _ input: [UInt8], from start: Int, maximumSize: Int, maximumRatio: Int
    ) throws(DICOMError) -> Inflated {
        let compressed = input.count - start
        var output = Array(input[..<start])
        guard compressed > 0 else {
            return Inflated(bytes: output, trailing: [])
        }
        let sizeLimit = max(maximumSize, 0)
        // Capacity grows by doubling, but never past the limit and a chunk: a bomb stops at the limit.
        let capacityCeiling = start + sizeLimit + chunkSize
        output.reserveCapacity(min(start + min(compressed, 1 << 26) * 4, capacityCeiling))
        let ratioLimit = compressed.multipliedReportingOverflow(by: max(maximumRatio, 1))
        let ratioBound = ratioLimit.overflow ? Int.max : ratioLimit.partialValue

        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DICOMError(.invalidDeflatedData, offset: start, message: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }

        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var consumed = 0
        var failure: DICOMError?
        input.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            while failure == nil {
                if stream.avail_in == 0 {
                    let piece = min(compressed - consumed, 1 << 30)
                    stream.next_in = UnsafeMutablePointer(mutating: base + start + consumed)
                    stream.avail_in = UInt32(piece)
                    consumed += piece
                }
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                if output.count + produced > output.capacity {
                    output.reserveCapacity(min(max(output.capacity * 2, output.count + produced), capacityCeiling))
                }
                output.append(contentsOf: chunk[..<produced])
                let inflated = output.count - start
                let position = start + consumed - Int(stream.avail_in)
                if inflated > sizeLimit {
                    failure = DICOMError(
                        .inflatedTooLarge, offset: position,
                        message: "the deflated data set inflates past the limit of \(sizeLimit) bytes"
                    )
                } else if inflated > ratioFloor, inflated > ratioBound {
                    failure = DICOMError(
                        .compressionRatioTooHigh, offset: position,
                        message: "the deflated data set inflates more than \(maximumRatio) times its size"
                    )
                } else if status == Z_STREAM_END {
                    return
                } else if status != Z_OK && status != Z_BUF_ERROR {
                    failure = DICOMError(
                        .invalidDeflatedData, offset: position,
                        message: "the deflated data set is not valid deflate data"
                    )
                } else if produced == 0, stream.avail_in == 0, consumed == compressed {
                    failure = DICOMError(
                        .invalidDeflatedData, offset: position,
                        message: "the deflated data set ends before its deflate stream does"
                    )
                }
            }
        }
        if let failure {
            throw failure
        }
        let end = start + consumed - Int(stream.avail_in)
        return Inflated(bytes: output, trailing: input[end...])
    }
}
