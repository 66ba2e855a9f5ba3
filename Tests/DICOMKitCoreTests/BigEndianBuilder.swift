@testable import DICOMKitCore

/// Builds Explicit VR Big Endian data set bytes for tests (the file meta information stays little
/// endian: use `PartTenBuilder.file`).
enum BigEndianBuilder {
    static let undefinedLength: UInt32 = 0xFFFF_FFFF
    static let uid = "1.2.840.10008.1.2.2"

    static func uint16(_ value: UInt16) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func uint32(_ value: UInt32) -> [UInt8] {
        uint16(UInt16(truncatingIfNeeded: value >> 16)) + uint16(UInt16(truncatingIfNeeded: value))
    }

    static func tag(_ tag: Tag) -> [UInt8] {
        uint16(tag.group) + uint16(tag.element)
    }

    /// An Explicit VR Big Endian element header.
    static func explicitHeader(_ element: Tag, _ vr: String, length: UInt32) -> [UInt8] {
        let code = Array(vr.utf8)
        if VR(first: code[0], second: code[1])?.hasLongLength ?? true {
            return tag(element) + code + [0, 0] + uint32(length)
        }
        return tag(element) + code + uint16(UInt16(truncatingIfNeeded: length))
    }

    /// An Explicit VR Big Endian element.
    static func explicit(_ element: Tag, _ vr: String, _ value: [UInt8]) -> [UInt8] {
        explicitHeader(element, vr, length: UInt32(value.count)) + value
    }

    /// A big-endian item holding `content`.
    static func item(_ content: [UInt8], undefined: Bool = false) -> [UInt8] {
        if undefined {
            return tag(.item) + uint32(undefinedLength) + content + tag(.itemDelimitationItem) + uint32(0)
        }
        return tag(.item) + uint32(UInt32(content.count)) + content
    }

    static let sequenceDelimiter: [UInt8] = tag(.sequenceDelimitationItem) + uint32(0)

    /// A big-endian SQ element holding `items` (already encoded).
    static func explicitSequence(_ element: Tag, items: [[UInt8]], undefined: Bool = false) -> [UInt8] {
        let body = items.flatMap { $0 }
        if undefined {
            return explicitHeader(element, "SQ", length: undefinedLength) + body + sequenceDelimiter
        }
        return explicitHeader(element, "SQ", length: UInt32(body.count)) + body
    }
}
