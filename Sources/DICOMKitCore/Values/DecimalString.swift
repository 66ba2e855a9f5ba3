/// One value of a DS (Decimal String) element: the text as written and the number it stands for.
///
/// The text is kept because a DS value is decimal (`0.1` is exact in the file, not in a `Double`)
/// and because a writer may want to write it back unchanged.
///
/// ```swift
/// let spacing = try DecimalString(parsing: "0.488281")
/// spacing.value   // 0.488281
/// spacing.text    // "0.488281"
/// ```
public struct DecimalString: Sendable, Hashable {
    /// The value as written, without padding.
    public let text: String
    /// The number, always finite.
    public let value: Double

    /// Parses one DS value (PS3.5 6.2): an optional sign, digits with an optional decimal point
    /// (`12`, `-1.5`, `.5`, `2.`), and an optional exponent (`1e-3`, `2.5E+02`). Spaces around the
    /// value are padding and ignored. Throws ``DICOMError/Code/invalidNumber`` for anything else:
    /// empty text, `NaN`, `inf`, hexadecimal, inner spaces, or a value too large for a `Double`. The
    /// 16-byte length limit of DS is not enforced, so longer values from files are read.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        let trimmed = trimSpaces(Substring(text))
        guard isDecimalString(trimmed.utf8), let value = Double(trimmed), value.isFinite else {
            throw DICOMError(.invalidNumber, message: "not a decimal string (DS) value")
        }
        self.text = String(trimmed)
        self.value = value
    }
}

/// Parses one IS value (PS3.5 6.2): an optional sign and decimal digits, spaces around ignored.
/// Values beyond the 32-bit range of the standard are accepted when they fit `Int`.
func parseIntegerString(_ text: Substring) -> Int? {
    let trimmed = trimSpaces(text)
    var digits = trimmed.utf8[...]
    if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
        digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
    return Int(trimmed)
}

/// Whether `utf8` is `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
func isDecimalString(_ utf8: Substring.UTF8View) -> Bool {
    var index = utf8.startIndex
    func skipSign() {
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
            index = utf8.index(after: index)
        }
    }
    func digitCount() -> Int {
        var count = 0
        while index < utf8.endIndex, isDigit(utf8[index]) {
            index = utf8.index(after: index)
            count += 1
        }
        return count
    }
    skipSign()
    var mantissaDigits = digitCount()
    if index < utf8.endIndex, utf8[index] == UInt8(ascii: ".") {
        index = utf8.index(after: index)
        mantissaDigits += digitCount()
    }
    guard mantissaDigits > 0 else { return false }
    if index < utf8.endIndex, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
        index = utf8.index(after: index)
        skipSign()
        guard digitCount() > 0 else { return false }
    }
    return index == utf8.endIndex
}

func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

/// `text` without leading and trailing spaces.
func trimSpaces(_ text: Substring) -> Substring {
    var result = text
    while result.first == " " {
        result = result.dropFirst()
    }
    while result.last == " " {
        result = result.dropLast()
    }
    return result
}
