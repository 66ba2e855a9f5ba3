/// A DICOM value representation (PS3.5 6.2): how an element's value is encoded.
public enum VR: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Application Entity.
    case AE
    /// Age String.
    case AS
    /// Attribute Tag.
    case AT
    /// Code String.
    case CS
    /// Date.
    case DA
    /// Decimal String.
    case DS
    /// Date Time.
    case DT
    /// Floating Point Double.
    case FD
    /// Floating Point Single.
    case FL
    /// Integer String.
    case IS
    /// Long String.
    case LO
    /// Long Text.
    case LT
    /// Other Byte.
    case OB
    /// Other Double.
    case OD
    /// Other Float.
    case OF
    /// Other Long.
    case OL
    /// Other 64-bit Very Long.
    case OV
    /// Other Word.
    case OW
    /// Person Name.
    case PN
    /// Short String.
    case SH
    /// Signed Long.
    case SL
    /// Sequence of Items.
    case SQ
    /// Signed Short.
    case SS
    /// Short Text.
    case ST
    /// Signed 64-bit Very Long.
    case SV
    /// Time.
    case TM
    /// Unlimited Characters.
    case UC
    /// Unique Identifier.
    case UI
    /// Unsigned Long.
    case UL
    /// Unknown.
    case UN
    /// Universal Resource Identifier or Locator.
    case UR
    /// Unsigned Short.
    case US
    /// Unlimited Text.
    case UT
    /// Unsigned 64-bit Very Long.
    case UV

    /// The two-letter code, e.g. `US`.
    public var description: String { rawValue }

    /// The VR whose two-character code is `first`, `second` (ASCII), or `nil`.
    @inlinable
    public init?(first: UInt8, second: UInt8) {
        switch UInt16(first) << 8 | UInt16(second) {
        case 0x4145: self = .AE
        case 0x4153: self = .AS
        case 0x4154: self = .AT
        case 0x4353: self = .CS
        case 0x4441: self = .DA
        case 0x4453: self = .DS
        case 0x4454: self = .DT
        case 0x4644: self = .FD
        case 0x464C: self = .FL
        case 0x4953: self = .IS
        case 0x4C4F: self = .LO
        case 0x4C54: self = .LT
        case 0x4F42: self = .OB
        case 0x4F44: self = .OD
        case 0x4F46: self = .OF
        case 0x4F4C: self = .OL
        case 0x4F56: self = .OV
        case 0x4F57: self = .OW
        case 0x504E: self = .PN
        case 0x5348: self = .SH
        case 0x534C: self = .SL
        case 0x5351: self = .SQ
        case 0x5353: self = .SS
        case 0x5354: self = .ST
        case 0x5356: self = .SV
        case 0x544D: self = .TM
        case 0x5543: self = .UC
        case 0x5549: self = .UI
        case 0x554C: self = .UL
        case 0x554E: self = .UN
        case 0x5552: self = .UR
        case 0x5553: self = .US
        case 0x5554: self = .UT
        case 0x5556: self = .UV
        default: return nil
        }
    }

    /// The two ASCII bytes of the code.
    var codeBytes: (UInt8, UInt8) {
        let utf8 = rawValue.utf8
        return (utf8[utf8.startIndex], utf8[utf8.index(after: utf8.startIndex)])
    }

    /// Whether explicit VR encodings give this VR a 4-byte length after two reserved bytes
    /// (OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV) rather than a 2-byte length (PS3.5 7.1.2).
    @inlinable
    public var hasLongLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: true
        default: false
        }
    }

    /// Whether the value is character data (PS3.5 6.2): AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH,
    /// ST, TM, UC, UI, UR, UT.
    public var isText: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT: true
        default: false
        }
    }

    /// Whether a text value may hold several values separated by backslashes. LT, ST, UT and UR hold
    /// one value in which a backslash is an ordinary character.
    public var allowsMultipleValues: Bool {
        switch self {
        case .LT, .ST, .UT, .UR: false
        default: true
        }
    }

    /// Whether leading spaces of a value are insignificant (PS3.5 6.2): true for every text VR except
    /// LT, ST, UT, for which only trailing spaces are padding.
    public var ignoresLeadingSpaces: Bool {
        switch self {
        case .LT, .ST, .UT: false
        default: isText
        }
    }

    /// The byte that pads a value to even length: a space for text, NUL for UI and binary VRs.
    public var paddingByte: UInt8 {
        isText && self != .UI ? 0x20 : 0x00
    }

    /// The size in bytes of one binary value (AT 4, FL 4, FD 8, OD 8, OF 4, OL 4, OV 8, OW 2, SL 4,
    /// SS 2, SV 8, UL 4, US 2, UV 8), or `nil` for text, OB, UN and SQ.
    public var binaryValueSize: Int? {
        switch self {
        case .SS, .US, .OW: 2
        case .AT, .FL, .OF, .OL, .SL, .UL: 4
        case .FD, .OD, .OV, .SV, .UV: 8
        default: nil
        }
    }

    /// The maximum length in bytes of one value of a text VR (PS3.5 Table 6.2-1), or `nil` where
    /// the standard sets none short of the 32-bit length (UC, UR, UT) or the VR is not text. For PN
    /// it is the limit of one component group.
    public var maximumValueLength: Int? {
        switch self {
        case .AE, .CS, .DS, .SH: 16
        case .AS: 4
        case .DA: 8
        case .DT: 26
        case .IS: 12
        case .LO, .PN, .UI: 64
        case .LT: 10240
        case .ST: 1024
        case .TM: 14
        default: nil
        }
    }
}
