/// A DICOM attribute tag: a group and an element number, printed `(gggg,eeee)`.
///
/// Tags order by group, then element, which is the order of elements in an encoded data set.
public struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The group number.
    public let group: UInt16
    /// The element number.
    public let element: UInt16

    /// Creates the tag `(group,element)`.
    @inlinable
    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// Creates the tag `(group,element)`.
    @inlinable
    public init(group: UInt16, element: UInt16) {
        self.init(group, element)
    }

    /// Creates a tag from its 32-bit form `0xggggeeee`.
    @inlinable
    public init(rawValue: UInt32) {
        self.init(UInt16(truncatingIfNeeded: rawValue >> 16), UInt16(truncatingIfNeeded: rawValue))
    }

    /// The tag of the data dictionary attribute named `keyword` (e.g. `"PatientName"`), or `nil`.
    public init?(keyword: String) {
        guard let tag = DataDictionary.tag(forKeyword: keyword) else { return nil }
        self = tag
    }

    /// The 32-bit form `0xggggeeee`.
    @inlinable
    public var rawValue: UInt32 {
        UInt32(group) << 16 | UInt32(element)
    }

    /// Whether the tag is private: its group number is odd (PS3.5 7.8). Private creator elements
    /// `(gggg,0010-00FF)` are private too.
    @inlinable
    public var isPrivate: Bool {
        group & 1 == 1
    }

    /// Whether the tag is a private creator element `(gggg,0010-00FF)` of an odd group.
    @inlinable
    public var isPrivateCreator: Bool {
        isPrivate && element >= 0x0010 && element <= 0x00FF
    }

    /// Whether the tag is a group length `(gggg,0000)`.
    @inlinable
    public var isGroupLength: Bool {
        element == 0
    }

    /// Whether the tag belongs to the file meta information group 0002.
    @inlinable
    public var isFileMetaInformation: Bool {
        group == 0x0002
    }

    /// The tag as `(gggg,eeee)` in uppercase hexadecimal, e.g. `(0010,0010)`.
    public var description: String {
        var bytes: [UInt8] = [0x28]
        bytes.reserveCapacity(11)
        appendHex(group, to: &bytes)
        bytes.append(0x2C)
        appendHex(element, to: &bytes)
        bytes.append(0x29)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Orders by group, then element.
    @inlinable
    public static func < (lhs: Tag, rhs: Tag) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

private let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

private func appendHex(_ value: UInt16, to bytes: inout [UInt8]) {
    for shift in stride(from: 12, through: 0, by: -4) {
        bytes.append(upperHexDigits[Int((value >> UInt16(shift)) & 0xF)])
    }
}

extension Tag {
    /// (0002,0000) File Meta Information Group Length.
    public static let fileMetaInformationGroupLength = Tag(0x0002, 0x0000)
    /// (0002,0001) File Meta Information Version.
    public static let fileMetaInformationVersion = Tag(0x0002, 0x0001)
    /// (0002,0002) Media Storage SOP Class UID.
    public static let mediaStorageSOPClassUID = Tag(0x0002, 0x0002)
    /// (0002,0003) Media Storage SOP Instance UID.
    public static let mediaStorageSOPInstanceUID = Tag(0x0002, 0x0003)
    /// (0002,0010) Transfer Syntax UID.
    public static let transferSyntaxUID = Tag(0x0002, 0x0010)
    /// (0002,0012) Implementation Class UID.
    public static let implementationClassUID = Tag(0x0002, 0x0012)
    /// (0002,0013) Implementation Version Name.
    public static let implementationVersionName = Tag(0x0002, 0x0013)
    /// (0002,0016) Source Application Entity Title.
    public static let sourceApplicationEntityTitle = Tag(0x0002, 0x0016)

    /// (0008,0005) Specific Character Set.
    public static let specificCharacterSet = Tag(0x0008, 0x0005)
    /// (0008,0016) SOP Class UID.
    public static let sopClassUID = Tag(0x0008, 0x0016)
    /// (0008,0018) SOP Instance UID.
    public static let sopInstanceUID = Tag(0x0008, 0x0018)
    /// (0008,0020) Study Date.
    public static let studyDate = Tag(0x0008, 0x0020)
    /// (0008,0030) Study Time.
    public static let studyTime = Tag(0x0008, 0x0030)
    /// (0008,0050) Accession Number.
    public static let accessionNumber = Tag(0x0008, 0x0050)
    /// (0008,0060) Modality.
    public static let modality = Tag(0x0008, 0x0060)
    /// (0008,0100) Code Value.
    public static let codeValue = Tag(0x0008, 0x0100)
    /// (0008,0102) Coding Scheme Designator.
    public static let codingSchemeDesignator = Tag(0x0008, 0x0102)
    /// (0008,0104) Code Meaning.
    public static let codeMeaning = Tag(0x0008, 0x0104)

    /// (0010,0010) Patient's Name.
    public static let patientName = Tag(0x0010, 0x0010)
    /// (0010,0020) Patient ID.
    public static let patientID = Tag(0x0010, 0x0020)
    /// (0010,0030) Patient's Birth Date.
    public static let patientBirthDate = Tag(0x0010, 0x0030)
    /// (0010,0040) Patient's Sex.
    public static let patientSex = Tag(0x0010, 0x0040)

    /// (0012,0062) Patient Identity Removed.
    public static let patientIdentityRemoved = Tag(0x0012, 0x0062)
    /// (0012,0063) De-identification Method.
    public static let deidentificationMethod = Tag(0x0012, 0x0063)
    /// (0012,0064) De-identification Method Code Sequence.
    public static let deidentificationMethodCodeSequence = Tag(0x0012, 0x0064)

    /// (0020,000D) Study Instance UID.
    public static let studyInstanceUID = Tag(0x0020, 0x000D)
    /// (0020,000E) Series Instance UID.
    public static let seriesInstanceUID = Tag(0x0020, 0x000E)
    /// (0020,0052) Frame of Reference UID.
    public static let frameOfReferenceUID = Tag(0x0020, 0x0052)

    /// (0028,0008) Number of Frames.
    public static let numberOfFrames = Tag(0x0028, 0x0008)
    /// (0028,0010) Rows.
    public static let rows = Tag(0x0028, 0x0010)
    /// (0028,0011) Columns.
    public static let columns = Tag(0x0028, 0x0011)
    /// (0028,0100) Bits Allocated.
    public static let bitsAllocated = Tag(0x0028, 0x0100)
    /// (0028,0103) Pixel Representation.
    public static let pixelRepresentation = Tag(0x0028, 0x0103)
    /// (0028,0301) Burned In Annotation.
    public static let burnedInAnnotation = Tag(0x0028, 0x0301)
    /// (0028,3002) LUT Descriptor.
    public static let lutDescriptor = Tag(0x0028, 0x3002)
    /// (0028,3006) LUT Data.
    public static let lutData = Tag(0x0028, 0x3006)

    /// (7FE0,0010) Pixel Data.
    public static let pixelData = Tag(0x7FE0, 0x0010)

    /// (FFFE,E000) Item.
    public static let item = Tag(0xFFFE, 0xE000)
    /// (FFFE,E00D) Item Delimitation Item.
    public static let itemDelimitationItem = Tag(0xFFFE, 0xE00D)
    /// (FFFE,E0DD) Sequence Delimitation Item.
    public static let sequenceDelimitationItem = Tag(0xFFFE, 0xE0DD)
}
