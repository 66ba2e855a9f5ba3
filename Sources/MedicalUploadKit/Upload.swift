public import UploadPolicy

/// One file to ingest: its client-supplied name, its bytes (or where to read them), and optionally the
/// upload kind the client asked for.
public struct Upload: Sendable {
    /// Where the file's bytes are.
    public enum Contents: Sendable {
        /// A file on the local file system (a browser upload already fetched from S3, a CLI argument).
        case file(path: String)
        /// Bytes already in memory.
        case bytes([UInt8])
    }

    /// The name the client gave the file. Used for the display name and the extension check only; never
    /// part of a storage key.
    public var fileName: String
    /// The file's bytes.
    public var contents: Contents
    /// The kind the client asked for; `nil` lets the pipeline choose from the sniffed content.
    public var kind: UploadKind?

    /// Creates an upload.
    public init(fileName: String, contents: Contents, kind: UploadKind? = nil) {
        self.fileName = fileName
        self.contents = contents
        self.kind = kind
    }
}

/// Who is uploading, from where: recorded in every audit event of the upload.
public struct RequestContext: Sendable, Hashable {
    /// The authenticated user or service.
    public var actorID: String
    /// The client's network address, when known.
    public var clientIP: String?
    /// The client's user agent, when known.
    public var userAgent: String?

    /// Creates a context.
    public init(actorID: String, clientIP: String? = nil, userAgent: String? = nil) {
        self.actorID = actorID
        self.clientIP = clientIP
        self.userAgent = userAgent
    }
}
