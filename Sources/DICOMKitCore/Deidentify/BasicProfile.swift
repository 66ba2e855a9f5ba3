/// PS3.15 Table E.1-1: the actions of the Basic Application Level Confidentiality Profile,
/// generated from the standard by `scripts/generate-dicom-tables` and parsed once, on first use.
///
/// Private attributes (odd groups) are not in the table: the profile removes them all, and
/// ``Deidentifier`` does so before consulting it.
public enum BasicProfile: Sendable {
    /// An action code of Table E.1-1 (PS3.15 E.1.1).
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// D: replace with a non-zero-length dummy value consistent with the VR.
        case dummy = "D"
        /// Z: replace with a zero-length value (or a dummy).
        case zero = "Z"
        /// X: remove.
        case remove = "X"
        /// K: keep.
        case keep = "K"
        /// U: replace UIDs with consistent non-zero-length UIDs.
        case replaceUID = "U"
        /// Z/D: Z unless D is needed for the IOD.
        case zeroOrDummy = "Z/D"
        /// X/Z: X unless Z is needed for the IOD.
        case removeOrZero = "X/Z"
        /// X/D: X unless D is needed for the IOD.
        case removeOrDummy = "X/D"
        /// X/Z/D: X unless Z or D is needed for the IOD.
        case removeOrZeroOrDummy = "X/Z/D"
        /// X/Z/U*: X unless Z or a replacement UID (for a sequence: of every UID in it) is needed.
        case removeOrZeroOrReplaceUID = "X/Z/U*"
    }

    /// The action for `tag` (repeating groups such as `(60xx,3000)` and `(50xx,xxxx)` resolved), or
    /// `nil` when the table does not list it. ``Deidentifier`` does not simply keep unlisted
    /// attributes: it fails closed for them (see its documentation). Private tags return `nil`:
    /// they are removed by rule.
    public static func action(for tag: Tag) -> Action? {
        guard !tag.isPrivate else { return nil }
        let storage = Storage.shared
        let raw = tag.rawValue
        if let action = storage.exact[raw] {
            return action
        }
        for group in storage.masked {
            if let action = group.actions[raw & group.mask] {
                return action
            }
        }
        return nil
    }

    /// The number of attributes in the table, repeating groups counted once.
    public static var count: Int {
        Storage.shared.count
    }

    private final class Storage: Sendable {
        static let shared = Storage(table: BasicProfile.table)

        let exact: [UInt32: Action]
        let masked: [(mask: UInt32, actions: [UInt32: Action])]
        let count: Int

        init(table: String) {
            var exact: [UInt32: Action] = [:]
            var masked: [UInt32: [UInt32: Action]] = [:]
            var count = 0
            for line in table.utf8.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count == 3, let (value, mask) = parseTagPattern(fields[0]),
                    let action = Action(rawValue: String(Substring(fields[1])))
                else {
                    preconditionFailure("BasicProfile: malformed generated table line")
                }
                if mask == 0xFFFF_FFFF {
                    exact[value] = action
                } else {
                    masked[mask, default: [:]][value] = action
                }
                count += 1
            }
            self.exact = exact
            self.masked = masked.sorted { $0.key > $1.key }.map { (mask: $0.key, actions: $0.value) }
            self.count = count
        }
    }
}
