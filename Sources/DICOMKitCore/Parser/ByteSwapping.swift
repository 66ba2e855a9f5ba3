extension VR {
    /// The size of the units a big-endian value of this VR is byte-swapped by to make it little
    /// endian: 2 for US, SS, OW and AT (a group and an element number), 4 for UL, SL, FL, OF and OL,
    /// 8 for FD, OD, OV, SV and UV; `nil` for bytes and text (OB, UN, every string VR), which have no
    /// byte order, and for SQ.
    var byteSwapUnit: Int? {
        switch self {
        case .US, .SS, .OW, .AT: 2
        case .UL, .SL, .FL, .OF, .OL: 4
        case .FD, .OD, .OV, .SV, .UV: 8
        default: nil
        }
    }
}

/// `value` with the bytes of each `unit`-byte unit reversed, in a new array: big endian to little
/// endian (or back). A trailing partial unit (a length that is not a multiple of `unit`) is kept as
/// it is.
func byteSwapped(_ value: ArraySlice<UInt8>, unit: Int) -> ArraySlice<UInt8> {
    var swapped = Array(value)
    let whole = swapped.count - swapped.count % unit
    swapped.withUnsafeMutableBufferPointer { buffer in
        var start = 0
        while start < whole {
            var low = start
            var high = start + unit - 1
            while low < high {
                buffer.swapAt(low, high)
                low += 1
                high -= 1
            }
            start += unit
        }
    }
    return swapped[...]
}
