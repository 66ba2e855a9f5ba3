/// One element of a data set: a tag, a VR and a value.
///
/// Values read from a file are slices of the file's byte buffer, not copies; they are little endian,
/// as in the file, and keep any odd length the file had. Text is decoded on demand by ``string``,
/// ``strings`` and the `DataSet` accessors.
public struct DataElement: Sendable, Equatable {
    /// An element's value.
    public enum Value: Sendable, Equatable {
        /// The raw value bytes (little endian), without padding added by this library.
        case bytes(ArraySlice<UInt8>)
        /// The items of a sequence (VR SQ), each a data set.
        case sequence([DataSet])
        /// Encapsulated (compressed) pixel data: a basic offset table and fragments (PS3.5 A.4).
        case encapsulated(EncapsulatedPixelData)
    }

    /// The tag.
    public var tag: Tag
    /// The value representation.
    public var vr: VR
    /// The value.
    public var value: Value
    /// The value length field as the file gave it: ``undefinedLength`` for a sequence or
    /// encapsulated pixel data ended by a sequence delimiter, else the length in bytes (of a
    /// sequence, its items with their headers). `nil` for an element built in code. It describes the
    /// encoding that was read and is not updated when the element changes; not part of equality.
    public internal(set) var lengthInFile: UInt32?

    /// The length field value that stands for an undefined length (PS3.5 7.1.1), `0xFFFFFFFF`.
    public static let undefinedLength: UInt32 = 0xFFFF_FFFF

    /// Creates an element.
    public init(tag: Tag, vr: VR, value: Value) {
        self.tag = tag
        self.vr = vr
        self.value = value
    }

    /// Elements are equal when their tags, VRs and values are; ``lengthInFile`` is not compared.
    public static func == (lhs: DataElement, rhs: DataElement) -> Bool {
        lhs.tag == rhs.tag && lhs.vr == rhs.vr && lhs.value == rhs.value
    }

    /// Creates an element holding `bytes` as its raw little-endian value.
    public init(tag: Tag, vr: VR, bytes: some Sequence<UInt8>) {
        self.init(tag: tag, vr: vr, value: .bytes(ArraySlice(bytes)))
    }

    /// Creates a text element holding the UTF-8 bytes of `string` (no padding: the writer pads).
    public init(tag: Tag, vr: VR, string: String) {
        self.init(tag: tag, vr: vr, bytes: Array(string.utf8))
    }

    /// Creates a text element holding `strings` joined by backslashes.
    public init(tag: Tag, vr: VR, strings: [String]) {
        self.init(tag: tag, vr: vr, string: strings.joined(separator: "\\"))
    }

    /// Creates a US element holding `values`, little endian.
    public init(tag: Tag, uint16s values: [UInt16]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 2)
        for value in values {
            bytes.append(UInt8(truncatingIfNeeded: value))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        }
        self.init(tag: tag, vr: .US, bytes: bytes)
    }

    /// Creates a UL element holding `values`, little endian.
    public init(tag: Tag, uint32s values: [UInt32]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for value in values {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
            }
        }
        self.init(tag: tag, vr: .UL, bytes: bytes)
    }

    /// Creates a sequence element (VR SQ) holding `items`.
    public init(tag: Tag, items: [DataSet]) {
        self.init(tag: tag, vr: .SQ, value: .sequence(items))
    }

    /// The raw value bytes, or `nil` for a sequence or encapsulated pixel data.
    public var bytes: ArraySlice<UInt8>? {
        if case .bytes(let bytes) = value { return bytes }
        return nil
    }

    /// The items of a sequence, or `nil` when the element is not a sequence.
    public var items: [DataSet]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The encapsulated pixel data, or `nil` when the value is not encapsulated.
    public var encapsulatedPixelData: EncapsulatedPixelData? {
        if case .encapsulated(let pixelData) = value { return pixelData }
        return nil
    }

    /// The first value of a text element with its padding removed, or `nil` when the VR is not text.
    ///
    /// Trailing spaces and NULs are removed, and leading spaces too except for LT, ST and UT. Bytes
    /// are decoded as the default repertoire: ASCII, or for other bytes UTF-8 when the value is valid
    /// UTF-8, else ISO 8859-1. ``DataSet/string(_:)`` decodes with the data set's Specific Character
    /// Set; ``string(characterSet:)`` with a given one.
    public var string: String? {
        string(characterSet: .defaultRepertoire)
    }

    /// Every value of a text element (split at backslashes for multi-valued VRs), each with its
    /// padding removed and decoded as ``string`` decodes; empty when the value is empty or the VR is
    /// not text. ``DataSet/strings(_:)`` decodes with the data set's Specific Character Set.
    public var strings: [String] {
        strings(characterSet: .defaultRepertoire)
    }

    /// The first value as an integer: parsed from IS text, or read from binary US, SS, UL, SL, SV or
    /// UV. `nil` for other VRs, an empty value or text that is not an integer. ``integers()`` gives
    /// every value, with typed errors.
    public var int: Int? {
        guard let bytes else { return nil }
        switch vr {
        case .IS:
            return string.flatMap { parseIntegerString(Substring($0)) }
        case .US:
            return readLittleEndian(bytes, size: 2).map { Int($0) }
        case .SS:
            return readLittleEndian(bytes, size: 2).map { Int(Int16(truncatingIfNeeded: $0)) }
        case .UL:
            return readLittleEndian(bytes, size: 4).map { Int($0) }
        case .SL:
            return readLittleEndian(bytes, size: 4).map { Int(Int32(truncatingIfNeeded: $0)) }
        case .SV:
            return readLittleEndian(bytes, size: 8).map { Int(Int64(bitPattern: $0)) }
        case .UV:
            return readLittleEndian(bytes, size: 8).flatMap { Int(exactly: $0) }
        default:
            return nil
        }
    }

    /// The first value of a US element, or `nil` for another VR or a value shorter than 2 bytes.
    public var uint16: UInt16? {
        guard vr == .US, let bytes else { return nil }
        return readLittleEndian(bytes, size: 2).map { UInt16(truncatingIfNeeded: $0) }
    }

    /// The first value as a floating-point number: parsed from DS or IS text, or read from binary FL,
    /// FD and the integer VRs. `nil` otherwise, and for text that is not a number of its VR (`NaN`,
    /// `inf` and hexadecimal included). ``doubles()`` gives every value, with typed errors.
    public var double: Double? {
        guard let bytes else { return nil }
        switch vr {
        case .DS:
            return string.flatMap { try? DecimalString(parsing: $0).value }
        case .IS:
            return string.flatMap { parseIntegerString(Substring($0)).map(Double.init) }
        case .FL:
            return readLittleEndian(bytes, size: 4).map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case .FD:
            return readLittleEndian(bytes, size: 8).map { Double(bitPattern: $0) }
        default:
            return int.map { Double($0) }
        }
    }
}

extension DataElement {
    /// The element with a byte value of odd length padded as the writer pads it (space for text,
    /// NUL for UI and binary VRs), so that a data set built in memory equals the one read back.
    func paddedToEvenLength() -> DataElement {
        guard let bytes, bytes.count & 1 == 1 else { return self }
        return DataElement(tag: tag, vr: vr, bytes: bytes + CollectionOfOne(vr.paddingByte))
    }
}

let backslash = UInt8(ascii: "\\")

/// The first `size` bytes of `bytes` as a little-endian integer, or `nil` if there are fewer.
func readLittleEndian(_ bytes: ArraySlice<UInt8>, size: Int) -> UInt64? {
    guard bytes.count >= size else { return nil }
    var value: UInt64 = 0
    var index = bytes.startIndex + size
    while index > bytes.startIndex {
        index -= 1
        value = value << 8 | UInt64(bytes[index])
    }
    return value
}

/// `bytes` without the padding PS3.5 6.2 calls insignificant for `vr`: trailing spaces and NULs,
/// and leading spaces where the VR ignores them.
func trimText(_ bytes: ArraySlice<UInt8>, vr: VR) -> ArraySlice<UInt8> {
    var end = bytes.endIndex
    while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 {
        end -= 1
    }
    var start = bytes.startIndex
    if vr.ignoresLeadingSpaces {
        while start < end, bytes[start] == 0x20 {
            start += 1
        }
    }
    return bytes[start..<end]
}

/// Decodes text as UTF-8 when valid (which covers ASCII, the default repertoire, and ISO_IR 192),
/// else as ISO 8859-1, which maps every byte. Other character sets are not decoded yet.
func decodeText(_ bytes: ArraySlice<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self) {
        return text
    }
    return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
}
