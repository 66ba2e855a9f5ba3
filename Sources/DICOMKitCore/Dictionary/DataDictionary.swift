/// The VR (or VRs) the data dictionary gives an attribute.
enum VRSpecification: Sendable, Hashable {
    /// One VR.
    case single(VR)
    /// "US or SS": chosen by Pixel Representation.
    case usOrSS
    /// "OB or OW": chosen by Bits Allocated for pixel data, OW otherwise in implicit VR.
    case obOrOW
    /// "US or SS or OW": chosen by Pixel Representation.
    case usOrSSOrOW
    /// "US or OW" (LUT Data): chosen by the LUT Descriptor.
    case usOrOW
    /// "NONE": items and delimiters, which have no VR.
    case notApplicable

    init?(_ text: Substring) {
        switch text {
        case "US or SS": self = .usOrSS
        case "OB or OW": self = .obOrOW
        case "US or SS or OW": self = .usOrSSOrOW
        case "US or OW": self = .usOrOW
        case "NONE": self = .notApplicable
        default:
            guard let vr = VR(rawValue: String(text)) else { return nil }
            self = .single(vr)
        }
    }

    var vrs: [VR] {
        switch self {
        case .single(let vr): [vr]
        case .usOrSS: [.US, .SS]
        case .obOrOW: [.OB, .OW]
        case .usOrSSOrOW: [.US, .SS, .OW]
        case .usOrOW: [.US, .OW]
        case .notApplicable: []
        }
    }
}

/// One attribute of the PS3.6 data dictionary.
public struct DictionaryEntry: Sendable, Hashable {
    /// The tag looked up. For a repeating group such as `(60xx,3000)` it is the concrete tag asked
    /// for, e.g. `(6002,3000)`; see ``tagPattern`` for the dictionary's form.
    public let tag: Tag
    /// The tag as the dictionary writes it, with `xx` for masked digits, e.g. `(60xx,3000)`.
    public let tagPattern: String
    /// The value multiplicity, e.g. `1`, `1-n`, `2-2n`.
    public let vm: String
    /// The keyword, e.g. `PatientName`. Empty for a few retired attributes that have none.
    public let keyword: String
    /// The name, e.g. `Patient's Name`.
    public let name: String
    /// Whether the standard has retired the attribute.
    public let isRetired: Bool
    let specification: VRSpecification

    /// The VRs the dictionary allows, in its order: one VR for most attributes, several for the
    /// ambiguous ones ("US or SS", "OB or OW", "US or SS or OW", "US or OW"), none for items and
    /// delimiters.
    public var vrs: [VR] {
        specification.vrs
    }

    /// Whether the dictionary allows more than one VR, decided per data set (e.g. by Pixel
    /// Representation).
    public var isAmbiguousVR: Bool {
        vrs.count > 1
    }

    /// The VR column as the standard writes it, e.g. `US`, `US or SS`, `NONE`.
    public var vrDescription: String {
        let all = vrs
        return all.isEmpty ? "NONE" : all.map(\.rawValue).joined(separator: " or ")
    }
}

/// The PS3.6 data dictionary (with the PS3.7 command group), generated from the standard by
/// `scripts/generate-dicom-tables` and parsed once, on first use.
///
/// Lookups resolve repeating groups (`(60xx,3000)` matches `(6000,3000)` and `(6002,3000)`), give
/// every group length `(gggg,0000)` the VR UL and every private creator `(gggg,0010-00FF)` of an odd
/// group the VR LO. Other private tags have no entry.
public enum DataDictionary: Sendable {
    /// The entry for `tag`, or `nil` when the dictionary does not define it.
    public static func entry(for tag: Tag) -> DictionaryEntry? {
        let storage = Storage.shared
        if tag.isPrivate {
            guard tag.isPrivateCreator else { return nil }
            return DictionaryEntry(
                tag: tag, tagPattern: "(gggg,0010-00FF)", vm: "1", keyword: "PrivateCreator",
                name: "Private Creator", isRetired: false, specification: .single(.LO)
            )
        }
        if let index = storage.index(of: tag) {
            let row = storage.rows[index]
            return DictionaryEntry(
                tag: tag, tagPattern: row.pattern, vm: row.vm, keyword: row.keyword, name: row.name,
                isRetired: row.isRetired, specification: row.specification
            )
        }
        if tag.isGroupLength {
            return DictionaryEntry(
                tag: tag, tagPattern: "(gggg,0000)", vm: "1", keyword: "GroupLength", name: "Group Length",
                isRetired: true, specification: .single(.UL)
            )
        }
        return nil
    }

    /// The entry whose keyword is `keyword`, or `nil`. For a repeating group the entry's tag is the
    /// first of the group, e.g. `(6000,3000)` for `OverlayData`.
    public static func entry(forKeyword keyword: String) -> DictionaryEntry? {
        guard let tag = tag(forKeyword: keyword) else { return nil }
        return entry(for: tag)
    }

    /// The tag of the attribute whose keyword is `keyword`, or `nil`. For a repeating group it is the
    /// first tag of the group.
    public static func tag(forKeyword keyword: String) -> Tag? {
        let storage = Storage.shared
        guard let index = storage.keywords[keyword] else { return nil }
        return Tag(rawValue: storage.rows[index].value)
    }

    /// The number of entries in the dictionary, repeating groups counted once.
    public static var count: Int {
        Storage.shared.rows.count
    }

    /// The VR specification the reader uses for a public, non-group-length tag in implicit VR.
    static func specification(for tag: Tag) -> VRSpecification? {
        let storage = Storage.shared
        guard let index = storage.index(of: tag) else { return nil }
        return storage.rows[index].specification
    }

    /// The parsed table.
    final class Storage: Sendable {
        struct Row: Sendable {
            let value: UInt32
            let mask: UInt32
            let pattern: String
            let vm: String
            let keyword: String
            let name: String
            let isRetired: Bool
            let specification: VRSpecification
        }

        static let shared = Storage(table: DataDictionary.table)

        let rows: [Row]
        let keywords: [String: Int]
        private let exact: [UInt32: Int]
        /// Repeating-group rows, by mask; each map keyed by `tag & mask`.
        private let masked: [(mask: UInt32, rows: [UInt32: Int])]

        init(table: String) {
            var rows: [Row] = []
            rows.reserveCapacity(5_200)
            for line in table.utf8.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count == 6, let (value, mask) = parseTagPattern(fields[0]),
                    let specification = VRSpecification(Substring(fields[1]))
                else {
                    preconditionFailure("DataDictionary: malformed generated table line")
                }
                rows.append(
                    Row(
                        value: value, mask: mask, pattern: describeTagPattern(fields[0]),
                        vm: String(Substring(fields[2])),
                        keyword: String(Substring(fields[3])), name: String(Substring(fields[4])),
                        isRetired: fields[5].elementsEqual("Y".utf8), specification: specification
                    )
                )
            }
            var exact: [UInt32: Int] = [:]
            var keywords: [String: Int] = [:]
            var maskedRows: [UInt32: [UInt32: Int]] = [:]
            exact.reserveCapacity(rows.count)
            keywords.reserveCapacity(rows.count)
            for (index, row) in rows.enumerated() {
                if row.mask == 0xFFFF_FFFF {
                    exact[row.value] = index
                } else {
                    maskedRows[row.mask, default: [:]][row.value] = index
                }
                if !row.keyword.isEmpty {
                    keywords[row.keyword] = index
                }
            }
            self.rows = rows
            self.exact = exact
            self.keywords = keywords
            self.masked = maskedRows.sorted { $0.key > $1.key }.map { (mask: $0.key, rows: $0.value) }
        }

        func index(of tag: Tag) -> Int? {
            let raw = tag.rawValue
            if let index = exact[raw] {
                return index
            }
            for group in masked {
                if let index = group.rows[raw & group.mask] {
                    return index
                }
            }
            return nil
        }
    }
}

/// Parses eight hex digits with `x` for masked digits into (value, mask).
func parseTagPattern(_ text: some Collection<UInt8>) -> (value: UInt32, mask: UInt32)? {
    guard text.count == 8 else { return nil }
    var value: UInt32 = 0
    var mask: UInt32 = 0
    for byte in text {
        value <<= 4
        mask <<= 4
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            value |= UInt32(byte - UInt8(ascii: "0"))
            mask |= 0xF
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            value |= UInt32(byte - UInt8(ascii: "a") + 10)
            mask |= 0xF
        case UInt8(ascii: "A")...UInt8(ascii: "F"):
            value |= UInt32(byte - UInt8(ascii: "A") + 10)
            mask |= 0xF
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            break
        default:
            return nil
        }
    }
    return (value, mask)
}

/// `60xx3000` -> `(60xx,3000)`, uppercase hex digits.
private func describeTagPattern(_ text: some Collection<UInt8>) -> String {
    let upper = text.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f") ? $0 - 32 : $0 }
    return "(" + String(decoding: upper.prefix(4), as: UTF8.self) + ","
        + String(decoding: upper.dropFirst(4), as: UTF8.self)
        + ")"
}
