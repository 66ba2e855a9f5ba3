@testable import DICOMKitCore

/// The DICOM tag, not Swift Testing's `Tag` (declarations of this module shadow imported ones).
typealias Tag = DICOMKitCore.Tag

/// Builds synthetic DICOM Part 10 bytes for tests, element by element.
enum PartTenBuilder {
    static let undefinedLength: UInt32 = 0xFFFF_FFFF

    static func uint16(_ value: UInt16) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }

    static func uint32(_ value: UInt32) -> [UInt8] {
        uint16(UInt16(truncatingIfNeeded: value)) + uint16(UInt16(truncatingIfNeeded: value >> 16))
    }

    static func tag(_ tag: Tag) -> [UInt8] {
        uint16(tag.group) + uint16(tag.element)
    }

    /// `text` as bytes padded to even length with `pad`.
    static func text(_ text: String, pad: UInt8 = 0x20) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.count % 2 == 1 {
            bytes.append(pad)
        }
        return bytes
    }

    /// A UID padded with NUL.
    static func uid(_ uid: String) -> [UInt8] {
        text(uid, pad: 0)
    }

    /// An Explicit VR Little Endian element header.
    static func explicitHeader(_ element: Tag, _ vr: String, length: UInt32) -> [UInt8] {
        let code = Array(vr.utf8)
        let long = VR(first: code[0], second: code[1])?.hasLongLength ?? true
        if long {
            return tag(element) + code + [0, 0] + uint32(length)
        }
        return tag(element) + code + uint16(UInt16(truncatingIfNeeded: length))
    }

    /// An Explicit VR Little Endian element.
    static func explicit(_ element: Tag, _ vr: String, _ value: [UInt8]) -> [UInt8] {
        explicitHeader(element, vr, length: UInt32(value.count)) + value
    }

    /// An Implicit VR Little Endian element header.
    static func implicitHeader(_ element: Tag, length: UInt32) -> [UInt8] {
        tag(element) + uint32(length)
    }

    /// An Implicit VR Little Endian element.
    static func implicit(_ element: Tag, _ value: [UInt8]) -> [UInt8] {
        implicitHeader(element, length: UInt32(value.count)) + value
    }

    /// An item holding `content`, of defined or undefined length.
    static func item(_ content: [UInt8], undefined: Bool = false) -> [UInt8] {
        if undefined {
            return tag(.item) + uint32(undefinedLength) + content + tag(.itemDelimitationItem) + uint32(0)
        }
        return tag(.item) + uint32(UInt32(content.count)) + content
    }

    /// The sequence delimiter.
    static let sequenceDelimiter: [UInt8] = tag(.sequenceDelimitationItem) + uint32(0)

    /// An explicit VR SQ element holding `items` (already encoded), of defined or undefined length.
    static func explicitSequence(_ element: Tag, items: [[UInt8]], undefined: Bool = false) -> [UInt8] {
        let body = items.flatMap { $0 }
        if undefined {
            return explicitHeader(element, "SQ", length: undefinedLength) + body + sequenceDelimiter
        }
        return explicitHeader(element, "SQ", length: UInt32(body.count)) + body
    }

    /// An implicit VR sequence element holding `items`, of defined or undefined length.
    static func implicitSequence(_ element: Tag, items: [[UInt8]], undefined: Bool = false) -> [UInt8] {
        let body = items.flatMap { $0 }
        if undefined {
            return implicitHeader(element, length: undefinedLength) + body + sequenceDelimiter
        }
        return implicitHeader(element, length: UInt32(body.count)) + body
    }

    /// Encapsulated pixel data: an offset table item and fragment items.
    static func encapsulatedPixelData(offsetTable: [UInt8], fragments: [[UInt8]]) -> [UInt8] {
        var bytes = explicitHeader(.pixelData, "OB", length: undefinedLength)
        bytes += item(offsetTable)
        for fragment in fragments {
            bytes += item(fragment)
        }
        return bytes + sequenceDelimiter
    }

    /// The file meta information group (with group length unless `withGroupLength` is false).
    static func meta(
        transferSyntax: String?, sopClass: String = "1.2.840.10008.5.1.4.1.1.7",
        sopInstance: String = "1.2.826.0.1.3680043.8.498.1", withGroupLength: Bool = true
    ) -> [UInt8] {
        var body = explicit(.fileMetaInformationVersion, "OB", [0, 1])
        body += explicit(.mediaStorageSOPClassUID, "UI", uid(sopClass))
        body += explicit(.mediaStorageSOPInstanceUID, "UI", uid(sopInstance))
        if let transferSyntax {
            body += explicit(.transferSyntaxUID, "UI", uid(transferSyntax))
        }
        body += explicit(.implementationClassUID, "UI", uid("1.2.3.4"))
        guard withGroupLength else { return body }
        return explicit(.fileMetaInformationGroupLength, "UL", uint32(UInt32(body.count))) + body
    }

    /// A whole file: preamble, DICM, meta, data set bytes.
    static func file(transferSyntax: String?, dataSet: [UInt8], withGroupLength: Bool = true) -> [UInt8] {
        [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + meta(transferSyntax: transferSyntax, withGroupLength: withGroupLength) + dataSet
    }

    static let explicitLittle = "1.2.840.10008.1.2.1"
    static let implicitLittle = "1.2.840.10008.1.2"
    static let jpegBaseline = "1.2.840.10008.1.2.4.50"
}
