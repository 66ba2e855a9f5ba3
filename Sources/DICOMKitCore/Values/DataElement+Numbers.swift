/// Numbers from IS, DS and the binary number VRs, with typed errors.
///
/// An empty value gives an empty array. A value that cannot be read throws a ``DICOMError`` naming
/// the element's tag and the position of the offending value, never the value itself:
/// ``DICOMError/Code/vrMismatch`` for a VR that holds no numbers of the kind asked,
/// ``DICOMError/Code/invalidNumber`` for text that is not a number of its VR (an empty value
/// between backslashes included), ``DICOMError/Code/invalidValueLength`` for a binary value whose
/// length is not a multiple of its value size.
extension DataElement {
    /// The values as integers: parsed from IS text (see ``DecimalString`` for the shape of DS; IS is
    /// an optional sign and digits), or read from binary US, SS, UL, SL, SV or UV. A UV value above
    /// `Int.max` throws ``DICOMError/Code/invalidNumber``.
    public func integers() throws(DICOMError) -> [Int] {
        switch vr {
        case .IS:
            return try textValues { (text, position) throws(DICOMError) in
                guard let value = parseIntegerString(Substring(text)) else {
                    throw valueError(.invalidNumber, position, "not an integer string (IS)")
                }
                return value
            }
        case .US: return try binary(uint16s).map { Int($0) }
        case .SS: return try binary(int16s).map { Int($0) }
        case .UL: return try binary(uint32s).map { Int($0) }
        case .SL: return try binary(int32s).map { Int($0) }
        case .SV: return try binary(int64s).map { Int($0) }
        case .UV:
            return try binary(uint64s).enumerated().map { (position, value) throws(DICOMError) in
                guard let integer = Int(exactly: value) else {
                    throw valueError(.invalidNumber, position, "does not fit Int")
                }
                return integer
            }
        default:
            throw mismatch("integers")
        }
    }

    /// The values of a DS element, each with its text and its number. See
    /// ``DecimalString/init(parsing:)`` for what is accepted.
    public func decimals() throws(DICOMError) -> [DecimalString] {
        guard vr == .DS else { throw mismatch("decimal strings") }
        return try textValues { (text, position) throws(DICOMError) in
            do throws(DICOMError) {
                return try DecimalString(parsing: text)
            } catch {
                throw valueError(.invalidNumber, position, "not a decimal string (DS)")
            }
        }
    }

    /// The values as floating-point numbers: parsed from DS or IS text, or read from binary FL, FD,
    /// OF, OD and the integer VRs (US, SS, UL, SL, SV, UV; 64-bit values may round).
    public func doubles() throws(DICOMError) -> [Double] {
        switch vr {
        case .DS: return try decimals().map(\.value)
        case .FL, .OF: return try binary(float32s).map { Double($0) }
        case .FD, .OD: return try binary(float64s)
        case .UV: return try binary(uint64s).map { Double($0) }
        case .IS, .US, .SS, .UL, .SL, .SV: return try integers().map { Double($0) }
        default: throw mismatch("numbers")
        }
    }

    /// The text values of the element (default repertoire), each converted by `convert(value,
    /// position)`; empty for an empty value or one of padding only.
    func textValues<Value>(_ convert: (String, Int) throws(DICOMError) -> Value) throws(DICOMError) -> [Value] {
        guard case .bytes = value else { throw mismatch("text values") }
        let texts = strings
        // A value of padding only is empty.
        guard texts != [""] else { return [] }
        var values: [Value] = []
        for (position, text) in texts.enumerated() {
            values.append(try convert(text, position))
        }
        return values
    }

    /// `values`, or ``DICOMError/Code/invalidValueLength`` when a binary accessor gave `nil`.
    private func binary<Value>(_ values: [Value]?) throws(DICOMError) -> [Value] {
        guard let values else {
            if bytes == nil { throw mismatch("binary values") }
            throw DICOMError(
                .invalidValueLength, tag: tag,
                message: "\(vr) value length is not a multiple of \(vr.binaryValueSize ?? 1) bytes")
        }
        return values
    }

    /// An error about the value at `position` (from 0) of this element.
    func valueError(_ code: DICOMError.Code, _ position: Int, _ problem: String) -> DICOMError {
        DICOMError(code, tag: tag, message: "\(vr) value \(position + 1): \(problem)")
    }

    /// The error for asking `kind` of an element whose VR does not hold it.
    func mismatch(_ kind: String) -> DICOMError {
        DICOMError(.vrMismatch, tag: tag, message: "a \(vr) element holds no \(kind)")
    }
}
