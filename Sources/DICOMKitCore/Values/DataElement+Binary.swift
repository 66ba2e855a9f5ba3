/// Typed arrays of binary values (PS3.5 6.2). Values are little endian in memory (the reader swaps
/// big-endian files), so these read the value bytes in place without copying them first.
///
/// Each accessor returns `nil` when the element's VR is not one it reads, when the value is a
/// sequence or encapsulated pixel data, or when the value's length is not a multiple of the value
/// size (a US value of 3 bytes): never a partial array. An empty value gives an empty array. The
/// integer accessors read any VR of their width, so an attribute defined as "US or SS" (LUT
/// Descriptor, Pixel Padding Value) can be read either way.
extension DataElement {
    /// The values of a US, SS or OW element as unsigned 16-bit integers.
    public var uint16s: [UInt16]? {
        guard [.US, .SS, .OW].contains(vr) else { return nil }
        return binaryValues(size: 2) { UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt16.self)) }
    }

    /// The values of an SS, US or OW element as signed 16-bit integers.
    public var int16s: [Int16]? {
        guard [.US, .SS, .OW].contains(vr) else { return nil }
        return binaryValues(size: 2) { Int16(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int16.self)) }
    }

    /// The values of a UL, SL or OL element as unsigned 32-bit integers.
    public var uint32s: [UInt32]? {
        guard [.UL, .SL, .OL].contains(vr) else { return nil }
        return binaryValues(size: 4) { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt32.self)) }
    }

    /// The values of an SL, UL or OL element as signed 32-bit integers.
    public var int32s: [Int32]? {
        guard [.UL, .SL, .OL].contains(vr) else { return nil }
        return binaryValues(size: 4) { Int32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int32.self)) }
    }

    /// The values of a UV, SV or OV element as unsigned 64-bit integers.
    public var uint64s: [UInt64]? {
        guard [.UV, .SV, .OV].contains(vr) else { return nil }
        return binaryValues(size: 8) { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt64.self)) }
    }

    /// The values of an SV, UV or OV element as signed 64-bit integers.
    public var int64s: [Int64]? {
        guard [.UV, .SV, .OV].contains(vr) else { return nil }
        return binaryValues(size: 8) { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int64.self)) }
    }

    /// The values of an FL or OF element (IEEE 754 binary32).
    public var float32s: [Float]? {
        guard vr == .FL || vr == .OF else { return nil }
        return binaryValues(size: 4) {
            Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt32.self)))
        }
    }

    /// The values of an FD or OD element (IEEE 754 binary64).
    public var float64s: [Double]? {
        guard vr == .FD || vr == .OD else { return nil }
        return binaryValues(size: 8) {
            Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt64.self)))
        }
    }

    /// The values of an AT element: each a group then an element number, 16 bits each.
    public var tags: [Tag]? {
        guard vr == .AT else { return nil }
        return binaryValues(size: 4) {
            Tag(
                UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt16.self)),
                UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: $1 + 2, as: UInt16.self)))
        }
    }

    /// The byte value read as `size`-byte values by `read(buffer, offset)`, or `nil` when the value
    /// is not bytes or its length is not a multiple of `size`.
    private func binaryValues<Value>(size: Int, _ read: (UnsafeRawBufferPointer, Int) -> Value) -> [Value]? {
        guard let bytes, bytes.count % size == 0 else { return nil }
        return bytes.withUnsafeBytes { buffer in
            var values: [Value] = []
            values.reserveCapacity(buffer.count / size)
            for offset in stride(from: 0, to: buffer.count, by: size) {
                values.append(read(buffer, offset))
            }
            return values
        }
    }
}
