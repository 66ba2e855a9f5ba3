/// A client-supplied file name, reduced to what is safe to keep and show.
///
/// Browsers send whatever the user's file was called, possibly with directories, control characters or
/// thousands of bytes. The display name keeps the last path component, drops control and bidi-override
/// characters and caps the length; the extension is lower-cased.
public struct FileName: Hashable, Sendable, CustomStringConvertible {
    /// The longest display name kept, in characters.
    public static let maxDisplayLength = 255

    /// The name to show users: last path component, printable characters only, at most
    /// ``maxDisplayLength`` characters; `upload` when nothing printable is left.
    public let displayName: String
    /// The extension in lower case without the dot, or `""` when the name has none.
    public let fileExtension: String

    /// Parses a client-supplied name.
    public init(_ raw: String) {
        let lastComponent =
            raw.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last.map(String.init) ?? ""
        let printable = String(String.UnicodeScalarView(lastComponent.unicodeScalars.filter(FileName.isKept)))
        let trimmed = printable.trimmingSpaces
        let display = trimmed.isEmpty ? "upload" : String(trimmed.prefix(FileName.maxDisplayLength))
        displayName = display
        if let dot = display.lastIndex(of: "."), dot != display.startIndex {
            fileExtension = String(display[display.index(after: dot)...]).lowercased()
        } else {
            fileExtension = ""
        }
    }

    /// The display name.
    public var description: String { displayName }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .surrogate, .privateUse, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
