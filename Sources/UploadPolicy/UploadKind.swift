/// A kind of upload the product accepts, with its limits.
///
/// The two kinds of the product are ``images`` and ``dicom``; a host app may define others.
public struct UploadKind: Hashable, Sendable, CustomStringConvertible {
    /// The kind's name, as used in APIs and on the command line (`images`, `dicom`).
    public var name: String
    /// The formats accepted, by their sniffed content.
    public var acceptedContentTypes: [ContentType]
    /// How many files one upload of this kind may hold.
    public var maxFileCount: Int
    /// The largest accepted file, in bytes.
    public var maxFileSize: Int
    /// Whether a file may be named without an extension, or with one of digits only, when its content is
    /// accepted. True for ``dicom``: DICOM media and PACS exports name files `IM000001` or by their SOP
    /// Instance UID (`1.2.826.0.1.3680043.2.1125.1.4711.3`).
    public var acceptsNamesWithoutExtension: Bool

    /// Creates a kind.
    public init(
        name: String, acceptedContentTypes: [ContentType], maxFileCount: Int, maxFileSize: Int,
        acceptsNamesWithoutExtension: Bool = false
    ) {
        self.name = name
        self.acceptedContentTypes = acceptedContentTypes
        self.maxFileCount = maxFileCount
        self.maxFileSize = maxFileSize
        self.acceptsNamesWithoutExtension = acceptsNamesWithoutExtension
    }

    /// Images: JPEG, PNG, GIF or WebP (`.jpg .jpeg .png .gif .webp`), at most 10 files of at most
    /// 10,000,000 bytes each.
    public static let images = UploadKind(
        name: "images", acceptedContentTypes: [.jpeg, .png, .gif, .webp], maxFileCount: 10, maxFileSize: 10_000_000)

    /// DICOM: one Part 10 file (`.dcm .dicom`, or no extension, or a UID as its name) of at most
    /// 100,000,000 bytes.
    public static let dicom = UploadKind(
        name: "dicom", acceptedContentTypes: [.dicom], maxFileCount: 1, maxFileSize: 100_000_000,
        acceptsNamesWithoutExtension: true)

    /// The product's kinds.
    public static let all: [UploadKind] = [.images, .dicom]

    /// The product kind called `name`, or `nil`.
    public static func named(_ name: String) -> UploadKind? {
        all.first { $0.name == name }
    }

    /// The product kind that accepts `contentType`, or `nil`.
    public static func accepting(_ contentType: ContentType) -> UploadKind? {
        all.first { $0.acceptedContentTypes.contains(contentType) }
    }

    /// The file name extensions (lower case, without the dot) of the accepted formats.
    public var allowedExtensions: Set<String> {
        acceptedContentTypes.reduce(into: Set<String>()) { $0.formUnion($1.fileExtensions) }
    }

    /// The kind's name.
    public var description: String { name }
}
