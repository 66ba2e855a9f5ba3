/// Text decoded from an element's value bytes, with what the decoder had to work around.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text.
    public var text: String
    /// Warnings from decoding, the Specific Character Set term warnings first; at most one per
    /// ``CharacterSetWarning/Code`` for the bytes of one value. Empty when the bytes decoded cleanly.
    public var warnings: [CharacterSetWarning]

    /// Creates a result.
    public init(text: String, warnings: [CharacterSetWarning] = []) {
        self.text = text
        self.warnings = warnings
    }
}

/// Text values decoded from an element, split at delimiters and trimmed, with the warnings of
/// decoding.
public struct DecodedStrings: Sendable, Hashable {
    /// The values, each with its VR's padding removed.
    public var values: [String]
    /// Warnings from decoding (see ``DecodedText/warnings``).
    public var warnings: [CharacterSetWarning]

    /// Creates a result.
    public init(values: [String], warnings: [CharacterSetWarning] = []) {
        self.values = values
        self.warnings = warnings
    }
}
