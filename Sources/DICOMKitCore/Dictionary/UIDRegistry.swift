/// The kind of a registered UID, as the PS3.6 Annex A registry names it (its "UID Type" column).
public struct UIDType: Sendable, Hashable, CustomStringConvertible {
    /// The registry's name of the kind, e.g. `SOP Class`.
    public let name: String

    /// A kind named as the registry names it.
    public init(_ name: String) {
        self.name = name
    }

    /// `Transfer Syntax`.
    public static let transferSyntax = UIDType("Transfer Syntax")
    /// `SOP Class`.
    public static let sopClass = UIDType("SOP Class")
    /// `Meta SOP Class`.
    public static let metaSOPClass = UIDType("Meta SOP Class")
    /// `Service Class`.
    public static let serviceClass = UIDType("Service Class")
    /// `Well-known SOP Instance`.
    public static let wellKnownSOPInstance = UIDType("Well-known SOP Instance")
    /// `Well-known frame of reference`.
    public static let wellKnownFrameOfReference = UIDType("Well-known frame of reference")
    /// `Synchronization Frame of Reference`.
    public static let synchronizationFrameOfReference = UIDType("Synchronization Frame of Reference")
    /// `Coding Scheme`.
    public static let codingScheme = UIDType("Coding Scheme")
    /// `Application Context Name`.
    public static let applicationContextName = UIDType("Application Context Name")
    /// `Application Hosting Model`.
    public static let applicationHostingModel = UIDType("Application Hosting Model")
    /// `Mapping Resource`.
    public static let mappingResource = UIDType("Mapping Resource")
    /// `LDAP OID`.
    public static let ldapOID = UIDType("LDAP OID")

    /// The name, e.g. `SOP Class`.
    public var description: String { name }
}

/// One UID of the PS3.6 Annex A registry.
public struct UIDEntry: Sendable, Hashable {
    /// The UID, e.g. `1.2.840.10008.5.1.4.1.1.2`.
    public let uid: String
    /// The keyword, e.g. `CTImageStorage`; empty for the few retired UIDs that have none.
    public let keyword: String
    /// The name, e.g. `CT Image Storage`.
    public let name: String
    /// The kind of UID.
    public let type: UIDType
    /// Whether the standard has retired the UID.
    public let isRetired: Bool
}

/// The PS3.6 Annex A registry of UIDs: transfer syntaxes, SOP classes, meta SOP classes, well-known
/// SOP instances and frames of reference, coding schemes and the other registered UIDs.
///
/// ```swift
/// UIDRegistry.entry(for: "1.2.840.10008.5.1.4.1.1.2")?.name      // "CT Image Storage"
/// UIDRegistry.entry(forKeyword: "ExplicitVRBigEndian")?.isRetired // true
/// ```
///
/// The table is generated from the standard into `UIDRegistry+Table.swift` by
/// `scripts/generate-dicom-tables` and parsed once, on first use. ``TransferSyntax`` adds each
/// transfer syntax's encoding.
public enum UIDRegistry: Sendable {
    /// The entry of `uid` (trailing NUL and space padding ignored), or `nil` when the registry does
    /// not list it.
    public static func entry(for uid: String) -> UIDEntry? {
        let storage = Storage.shared
        return storage.byUID[trimUIDPadding(uid)].map { storage.entries[$0] }
    }

    /// The entry whose keyword is `keyword` (e.g. `CTImageStorage`), or `nil`.
    public static func entry(forKeyword keyword: String) -> UIDEntry? {
        let storage = Storage.shared
        return storage.byKeyword[keyword].map { storage.entries[$0] }
    }

    /// Every entry, in UID order (numerically, component by component).
    public static var entries: [UIDEntry] {
        Storage.shared.entries
    }

    /// The entries of one kind, in UID order, e.g. every ``UIDType/sopClass``.
    public static func entries(of type: UIDType) -> [UIDEntry] {
        Storage.shared.entries.filter { $0.type == type }
    }

    /// The parsed table.
    final class Storage: Sendable {
        static let shared = Storage(table: UIDRegistry.table)

        let entries: [UIDEntry]
        let byUID: [String: Int]
        let byKeyword: [String: Int]

        init(table: String) {
            var entries: [UIDEntry] = []
            entries.reserveCapacity(500)
            for line in table.utf8.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
                    String(Substring($0))
                }
                guard fields.count == 5 else {
                    preconditionFailure("UIDRegistry: malformed generated table line")
                }
                entries.append(
                    UIDEntry(
                        uid: fields[0], keyword: fields[1], name: fields[2], type: UIDType(fields[3]),
                        isRetired: fields[4] == "Y"
                    )
                )
            }
            var byUID: [String: Int] = [:]
            var byKeyword: [String: Int] = [:]
            byUID.reserveCapacity(entries.count)
            byKeyword.reserveCapacity(entries.count)
            for (index, entry) in entries.enumerated() {
                byUID[entry.uid] = index
                if !entry.keyword.isEmpty {
                    byKeyword[entry.keyword] = index
                }
            }
            self.entries = entries
            self.byUID = byUID
            self.byKeyword = byKeyword
        }
    }
}
