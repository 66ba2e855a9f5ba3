/// Text values decoded with a Specific Character Set, and person names.
///
/// ``DataSet/string(_:)``, ``DataSet/strings(_:)`` and ``DataSet/personNames(_:)`` use the data
/// set's own character set; these take one explicitly, for elements outside a data set.
extension DataElement {
    /// Every value of a text element decoded with `characterSet`, split at backslashes for VRs that
    /// allow several values (not LT, ST, UT, UR), each with its VR's padding removed (trailing spaces
    /// and NULs; leading spaces too, except for LT, ST and UT), with the warnings of decoding. Empty
    /// when the value is empty or the VR is not text.
    ///
    /// Splitting happens after decoding, so a backslash byte inside a multi-byte character (a
    /// GB18030, GBK or JIS X 0208 character whose second byte is 0x5C) does not split a value.
    public func decodedStrings(characterSet: SpecificCharacterSet) -> DecodedStrings {
        guard vr.isText, let bytes, !bytes.isEmpty else { return DecodedStrings(values: []) }
        guard characterSet.splitsAsBytes(bytes, vr: vr) else {
            let decoded = characterSet.decode(bytes, vr: vr)
            guard vr.allowsMultipleValues else {
                return DecodedStrings(values: [trimValue(Substring(decoded.text))], warnings: decoded.warnings)
            }
            let values = decoded.text.split(separator: "\\", omittingEmptySubsequences: false).map(trimValue)
            return DecodedStrings(values: values, warnings: decoded.warnings)
        }
        guard vr.allowsMultipleValues, bytes.contains(backslash) else {
            let decoded = characterSet.decode(trimText(bytes, vr: vr), vr: vr, base: bytes.startIndex)
            return DecodedStrings(values: [decoded.text], warnings: decoded.warnings)
        }
        var warnings: [CharacterSetWarning] = []
        let values = bytes.split(separator: backslash, omittingEmptySubsequences: false).map { part in
            let decoded = characterSet.decode(trimText(part, vr: vr), vr: vr, base: bytes.startIndex)
            for warning in decoded.warnings where !warnings.contains(warning) {
                warnings.append(warning)
            }
            return decoded.text
        }
        return DecodedStrings(values: values, warnings: warnings)
    }

    /// Every value of a text element decoded with `characterSet` (see
    /// ``decodedStrings(characterSet:)``), without the warnings.
    public func strings(characterSet: SpecificCharacterSet) -> [String] {
        decodedStrings(characterSet: characterSet).values
    }

    /// The first value of a text element decoded with `characterSet`, padding removed; an empty
    /// string for an empty value, `nil` when the VR is not text.
    public func string(characterSet: SpecificCharacterSet) -> String? {
        guard vr.isText, let bytes else { return nil }
        if characterSet.splitsAsBytes(bytes, vr: vr) {
            let first = vr.allowsMultipleValues ? bytes.prefix { $0 != backslash } : bytes
            return characterSet.decode(trimText(first, vr: vr), vr: vr).text
        }
        return decodedStrings(characterSet: characterSet).values.first ?? ""
    }

    /// The values of a PN element as person names, decoded with `characterSet`; empty when the value
    /// is empty or the VR is not PN. In a Japanese, Korean or Chinese name, escape sequences are
    /// honoured and the ideographic and phonetic groups come out as written.
    public func personNames(characterSet: SpecificCharacterSet = .defaultRepertoire) -> [PersonName] {
        guard vr == .PN else { return [] }
        return strings(characterSet: characterSet).map { PersonName(parsing: $0) }
    }

    /// `value` without the padding PS3.5 6.2 calls insignificant for the element's VR.
    private func trimValue(_ value: Substring) -> String {
        var scalars = value.unicodeScalars
        while let last = scalars.last, last == " " || last == "\0" {
            scalars.removeLast()
        }
        if vr.ignoresLeadingSpaces {
            while let first = scalars.first, first == " " {
                scalars.removeFirst()
            }
        }
        return String(scalars)
    }
}
