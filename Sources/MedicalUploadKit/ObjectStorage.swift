/// Where accepted uploads are stored: S3, a local directory, or a host app's own store.
///
/// Keys are the package's storage keys (`dicom/2026/12/03/<random>.dcm`): relative, `/`-separated, free of
/// anything the client chose.
public protocol ObjectStorage: Sendable {
    /// Stores `bytes` under `key`, replacing any object already there. Returns once the object is durable.
    func put(key: String, bytes: [UInt8], contentType: String) async throws
    /// The object stored under `key`.
    func get(key: String) async throws -> [UInt8]
    /// Removes the object under `key`; removing a missing object is not an error.
    func delete(key: String) async throws
}
