/// Actions for identifying attributes that PS3.15 Table E.1-1 does not list, applied by
/// ``Deidentifier`` where ``BasicProfile/action(for:)`` gives none.
///
/// Every entry holds a value that identifies a person (an order number, a name, a date of birth, a
/// contact address, a traveller's ID) or is free text that may, and the Basic Profile table leaves it
/// out only because it is retired or outside the medical IODs it was written for. The list is kept
/// short and checked against `../shared/dicom/data_dictionary.tsv` and `deidentification_actions.tsv`:
/// unlisted attributes with the VRs PN, DA, DT, LT, ST and UT, and public attributes the dictionary
/// does not know, are handled by rule in ``Deidentifier`` and need no entry here.
enum SupplementaryActions {
    /// One attribute (or repeating group) and its action, with the reason it is here.
    struct Entry {
        let value: UInt32
        let mask: UInt32
        let action: BasicProfile.Action
        let reason: String
    }

    static let entries: [Entry] = [
        Entry(
            value: 0x0010_0033, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Patient's Birth Date in Alternative Calendar: a birth date (E.1-1 empties (0010,0030))"
        ),
        Entry(
            value: 0x0010_0034, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Patient's Death Date in Alternative Calendar: the patient's date of death"
        ),
        Entry(
            value: 0x0010_2295, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Breed Registration Number: the registry number of the individual (animal) patient"
        ),
        Entry(
            value: 0x0040_1006, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Placer Order Number / Procedure (retired): an order number, as (0040,2016) which E.1-1 lists"
        ),
        Entry(
            value: 0x0040_1007, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Filler Order Number / Procedure (retired): an order number, as (0040,2017) which E.1-1 lists"
        ),
        Entry(
            value: 0x0040_2006, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Placer Order Number / Imaging Service Request (retired): the retired twin of (0040,2016)"
        ),
        Entry(
            value: 0x0040_2007, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Filler Order Number / Imaging Service Request (retired): the retired twin of (0040,2017)"
        ),
        Entry(
            value: 0x0074_100A, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Contact URI: the telephone or e-mail URI of a person to contact"
        ),
        Entry(
            value: 0x0074_100C, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Contact Display Name: the name of a person to contact"
        ),
        Entry(
            value: 0x2100_0160, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Owner ID: identifies the user who owns a print job"
        ),
        Entry(
            value: 0x4010_101A, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Boarding Pass ID (DICOS): identifies the traveller screened"
        ),
        Entry(
            value: 0x4010_1051, mask: 0xFFFF_FFFF, action: .remove,
            reason: "Itinerary ID (DICOS): identifies the traveller's itinerary"
        ),
        Entry(
            value: 0x6000_0022, mask: 0xFF00_FFFF, action: .remove,
            reason: "Overlay Description (60xx,0022): free text, as Overlay Comments (60xx,4000) which E.1-1 removes"
        ),
    ]

    /// The supplementary action for `tag`, or `nil`.
    static func action(for tag: Tag) -> BasicProfile.Action? {
        let raw = tag.rawValue
        for entry in entries where raw & entry.mask == entry.value {
            return entry.action
        }
        return nil
    }
}
