/// A file format the upload checks recognise from its leading bytes.
public struct ContentType: Hashable, Sendable, CustomStringConvertible {
    /// The IANA media type, e.g. `image/png`.
    public let mimeType: String
    /// The file name extensions (lower case, without the dot) that name this format.
    public let fileExtensions: Set<String>
    /// The extension used when the package names a stored object of this format.
    public let canonicalExtension: String

    /// JPEG (JFIF, Exif and raw JPEG streams).
    public static let jpeg = ContentType(
        mimeType: "image/jpeg", fileExtensions: ["jpg", "jpeg"], canonicalExtension: "jpg")
    /// PNG.
    public static let png = ContentType(mimeType: "image/png", fileExtensions: ["png"], canonicalExtension: "png")
    /// GIF (87a and 89a).
    public static let gif = ContentType(mimeType: "image/gif", fileExtensions: ["gif"], canonicalExtension: "gif")
    /// WebP (lossy, lossless and extended).
    public static let webp = ContentType(mimeType: "image/webp", fileExtensions: ["webp"], canonicalExtension: "webp")
    /// A DICOM Part 10 file.
    public static let dicom = ContentType(
        mimeType: "application/dicom", fileExtensions: ["dcm", "dicom"], canonicalExtension: "dcm")

    /// Every format the sniffer knows.
    public static let all: [ContentType] = [.jpeg, .png, .gif, .webp, .dicom]

    /// The media type.
    public var description: String { mimeType }
}
