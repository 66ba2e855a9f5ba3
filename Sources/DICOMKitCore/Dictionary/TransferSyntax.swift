/// A DICOM transfer syntax (PS3.5 Section 10): how a data set is encoded.
///
/// The registry of known transfer syntaxes is ``all``, generated from the PS3.6 UID registry (see
/// also ``UIDRegistry``).
public struct TransferSyntax: Sendable, Hashable, CustomStringConvertible {
    /// The byte encoding of a data set under a transfer syntax.
    enum Encoding: Sendable, Hashable {
        /// Implicit VR Little Endian (PS3.5 A.1).
        case implicitLittle
        /// Explicit VR Little Endian (PS3.5 A.2), also the base of every encapsulated syntax.
        case explicitLittle
        /// Explicit VR Big Endian (PS3.5 A.3, retired).
        case explicitBig
        /// Explicit VR Little Endian compressed with deflate (PS3.5 A.5).
        case deflatedExplicitLittle
        /// Not a Part 10 byte encoding (MIME or XML encapsulation).
        case notPart10
    }

    /// The transfer syntax UID, e.g. `1.2.840.10008.1.2.1`.
    public let uid: String
    /// The PS3.6 keyword, e.g. `ExplicitVRLittleEndian`.
    public let keyword: String
    /// The PS3.6 name, e.g. `Explicit VR Little Endian`.
    public let name: String
    /// Whether pixel data is encapsulated in fragments (compressed syntaxes, PS3.5 A.4).
    public let isEncapsulated: Bool
    /// Whether the standard has retired the transfer syntax.
    public let isRetired: Bool
    let encoding: Encoding

    init(uid: String, keyword: String, name: String, encoding: Encoding, isEncapsulated: Bool, isRetired: Bool) {
        self.uid = uid
        self.keyword = keyword
        self.name = name
        self.encoding = encoding
        self.isEncapsulated = isEncapsulated
        self.isRetired = isRetired
    }

    /// The registered transfer syntax with `uid` (trailing NUL and space padding ignored), or `nil`
    /// for an unknown UID.
    public init?(uid: String) {
        guard let found = TransferSyntax.byUID[trimUIDPadding(uid)] else { return nil }
        self = found
    }

    /// Whether the data set uses explicit VRs.
    public var isExplicitVR: Bool {
        encoding != .implicitLittle
    }

    /// Whether numbers are little endian.
    public var isLittleEndian: Bool {
        encoding != .explicitBig
    }

    /// Whether the data set is deflated.
    public var isDeflated: Bool {
        encoding == .deflatedExplicitLittle
    }

    /// Whether DICOMKitCore reads the transfer syntax: every Part 10 encoding (Implicit and Explicit VR
    /// Little Endian, Explicit VR Big Endian, Deflated Explicit VR Little Endian and every encapsulated
    /// syntax); not the retired MIME and XML encodings. ``DICOMWriter`` writes files read in any of
    /// them: native ones (big endian and deflated included) as Explicit VR Little Endian, encapsulated
    /// ones in their own syntax.
    public var isSupported: Bool {
        encoding != .notPart10
    }

    /// The name and UID, e.g. `Explicit VR Little Endian (1.2.840.10008.1.2.1)`.
    public var description: String {
        "\(name) (\(uid))"
    }

    /// Implicit VR Little Endian, `1.2.840.10008.1.2`.
    public static let implicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2", keyword: "ImplicitVRLittleEndian", name: "Implicit VR Little Endian",
        encoding: .implicitLittle, isEncapsulated: false, isRetired: false
    )
    /// Explicit VR Little Endian, `1.2.840.10008.1.2.1`.
    public static let explicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1", keyword: "ExplicitVRLittleEndian", name: "Explicit VR Little Endian",
        encoding: .explicitLittle, isEncapsulated: false, isRetired: false
    )
    /// Explicit VR Big Endian (retired), `1.2.840.10008.1.2.2`.
    public static let explicitVRBigEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.2", keyword: "ExplicitVRBigEndian", name: "Explicit VR Big Endian",
        encoding: .explicitBig, isEncapsulated: false, isRetired: true
    )
    /// Deflated Explicit VR Little Endian, `1.2.840.10008.1.2.1.99`.
    public static let deflatedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.99", keyword: "DeflatedExplicitVRLittleEndian",
        name: "Deflated Explicit VR Little Endian", encoding: .deflatedExplicitLittle, isEncapsulated: false,
        isRetired: false
    )

    private static let byUID: [String: TransferSyntax] = Dictionary(
        all.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first }
    )
}

/// `uid` without trailing NUL or space padding.
func trimUIDPadding(_ uid: String) -> String {
    var scalars = Substring(uid)
    while let last = scalars.last, last == "\0" || last == " " {
        scalars.removeLast()
    }
    return String(scalars)
}
