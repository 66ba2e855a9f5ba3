/// The checks of one upload kind: file count, size, and content against name.
///
/// Each check throws an ``UploadRejection`` with a stable code. Run them in the order a server learns the
/// facts: the count and the sizes before reading any byte, the content once the first bytes are known.
public struct UploadValidator: Sendable {
    /// The kind whose limits apply.
    public let kind: UploadKind

    /// Creates the checks of `kind`.
    public init(kind: UploadKind) {
        self.kind = kind
    }

    /// Refuses an upload of more files than the kind allows, or of none.
    public func checkFileCount(_ count: Int) throws(UploadRejection) {
        if count < 1 {
            throw UploadRejection(.empty, "the upload holds no file")
        }
        if count > kind.maxFileCount {
            throw UploadRejection(
                .tooManyFiles, "\(count) files, over the limit of \(kind.maxFileCount) for kind \(kind.name)")
        }
    }

    /// Refuses an empty file or one larger than the kind allows.
    public func checkSize(_ size: Int) throws(UploadRejection) {
        if size <= 0 {
            throw UploadRejection(.empty, "the file is empty")
        }
        if size > kind.maxFileSize {
            throw UploadRejection(
                .tooLarge, "\(size) bytes, over the limit of \(kind.maxFileSize) bytes a file for kind \(kind.name)")
        }
    }

    /// Checks a file's content, sniffed from its first bytes, against the kind and the file's name.
    ///
    /// - Parameters:
    ///   - fileName: the client-supplied name.
    ///   - prefix: the file's first ``ContentSniffer/prefixLength`` bytes (all of them if it is shorter).
    /// - Returns: the sniffed format.
    /// - Throws: `empty` for no bytes; `unrecognizedContent` when no known signature matches;
    ///   `notAccepted` when the format or the extension is not one of the kind's (a kind that
    ///   ``UploadKind/acceptsNamesWithoutExtension`` also takes a name without an extension, or with digits
    ///   only after the last dot); `extensionMismatch` when the extension names another accepted format than
    ///   the content.
    public func checkContent(fileName: FileName, prefix: some Collection<UInt8>) throws(UploadRejection) -> ContentType
    {
        if prefix.isEmpty {
            throw UploadRejection(.empty, "the file is empty")
        }
        let allowed = kind.allowedExtensions
        guard let sniffed = ContentSniffer.sniff(prefix) else {
            throw UploadRejection(.unrecognizedContent, "the content matches no format accepted for kind \(kind.name)")
        }
        guard kind.acceptedContentTypes.contains(sniffed) else {
            throw UploadRejection(.notAccepted, "\(sniffed.mimeType) content is not accepted for kind \(kind.name)")
        }
        let ext = fileName.fileExtension
        if kind.acceptsNamesWithoutExtension, ext.isEmpty || ext.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            return sniffed
        }
        guard allowed.contains(ext) else {
            let shown = ext.isEmpty ? "no extension" : "extension .\(ext)"
            throw UploadRejection(.notAccepted, "\(shown) is not accepted for kind \(kind.name)")
        }
        guard sniffed.fileExtensions.contains(ext) else {
            throw UploadRejection(.extensionMismatch, "extension .\(ext) but the content is \(sniffed.mimeType)")
        }
        return sniffed
    }
}
