/// Something the text decoder worked around: an unknown or misspelt Specific Character Set term, an
/// escape sequence it does not know, or bytes the character set does not define.
///
/// Decoding never fails: it falls back as each ``Code`` describes and reports what it did. A warning
/// names a term position or a byte offset in the value, never a value: its ``description`` is safe
/// to log. Compare warnings by ``code``; two warnings are equal when their codes are.
public struct CharacterSetWarning: Sendable, Hashable, CustomStringConvertible {
    /// The kind of a ``CharacterSetWarning``.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unknownTerm
            case nonstandardTerm
            case codeExtensionsNotAllowed
            case unknownEscapeSequence
            case undeclaredEscapeSequence
            case invalidBytes
            case bytesOutsideRepertoire
            case converterUnavailable
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A value of Specific Character Set (0008,0005) is not a defined term, even leniently read.
        /// It is ignored: when it is value 1, text decodes as the default repertoire (with the
        /// fallback of ``bytesOutsideRepertoire``).
        public static let unknownTerm = Code(.unknownTerm)
        /// A value of Specific Character Set is misspelt but recognisable (`ISO-IR 100`, `ISO_IR100`,
        /// `utf-8`, `ISO_IR 87` for `ISO 2022 IR 87`); it is used as the term it stands for.
        public static let nonstandardTerm = Code(.nonstandardTerm)
        /// ISO_IR 192, GB18030 or GBK appears with other terms, but these character sets allow no
        /// code extensions (PS3.3 C.12.1.1.2): when value 1 is one of them it is used alone, else
        /// the stand-alone term is ignored.
        public static let codeExtensionsNotAllowed = Code(.codeExtensionsNotAllowed)
        /// An escape character does not start an escape sequence of PS3.3 Tables C.12-3 and C.12-4: a
        /// well-formed but unknown sequence becomes one U+FFFD (the designations stay as they were);
        /// an ESC that starts no sequence at all becomes U+FFFD and the bytes after it are read as
        /// text.
        public static let unknownEscapeSequence = Code(.unknownEscapeSequence)
        /// An escape sequence designates a character set that Specific Character Set does not
        /// list; it is honoured all the same.
        public static let undeclaredEscapeSequence = Code(.undeclaredEscapeSequence)
        /// Bytes that the character set in effect does not define, or a multi-byte character cut
        /// off; each such character became one U+FFFD, and decoding resumed at the next character.
        public static let invalidBytes = Code(.invalidBytes)
        /// Bytes above 0x7F where only the default repertoire (ASCII) is in effect; the value was
        /// decoded as UTF-8 when it is valid UTF-8, else as ISO 8859-1, which maps every byte.
        public static let bytesOutsideRepertoire = Code(.bytesOutsideRepertoire)
        /// The C library has no converter for the character set (a system without glibc's gconv
        /// modules); the bytes it should have decoded became U+FFFD.
        public static let converterUnavailable = Code(.converterUnavailable)

        /// The code's name, e.g. `unknownTerm`.
        public var description: String { base.rawValue }
    }

    /// What was worked around.
    public let code: Code
    /// The position (from 0) in Specific Character Set of the term concerned, for term warnings.
    public let termIndex: Int?
    /// The offset in the element's value of the first byte concerned, for byte warnings.
    public let byteOffset: Int?
    /// A fixed explanation. It never contains a value from the data set.
    public let message: String

    /// Creates a warning. `message` must not contain any value from a data set.
    public init(_ code: Code, termIndex: Int? = nil, byteOffset: Int? = nil, message: String) {
        self.code = code
        self.termIndex = termIndex
        self.byteOffset = byteOffset
        self.message = message
    }

    /// `CharacterSetWarning.invalidBytes at value byte 12: ...`
    public var description: String {
        var text = "CharacterSetWarning.\(code)"
        if let termIndex {
            text += " for (0008,0005) value \(termIndex + 1)"
        }
        if let byteOffset {
            text += " at value byte \(byteOffset)"
        }
        return text + ": " + message
    }

    /// Two warnings are equal when their codes are.
    public static func == (lhs: CharacterSetWarning, rhs: CharacterSetWarning) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
