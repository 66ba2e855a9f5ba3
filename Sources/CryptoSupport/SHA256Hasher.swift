internal import COpenSSL

/// Incremental and one-shot SHA-256 (FIPS 180-4), backed by OpenSSL's libcrypto.
///
/// ```swift
/// var hasher = SHA256Hasher()
/// hasher.update(chunk1)
/// hasher.update(chunk2)
/// let digest = hasher.finalize()   // 32 bytes
/// ```
///
/// The hasher is a value type holding a reference to the OpenSSL context; copying a hasher
/// copies the context on the next mutation, so two copies never share state.
public struct SHA256Hasher: Sendable {
    /// The length of a SHA-256 digest in bytes.
    public static let digestByteCount = 32

    private var context: Context

    /// Creates a hasher with an empty input.
    public init() {
        context = Context()
    }

    /// The SHA-256 digest of `bytes`, in one call.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Feeds `bytes` into the hash.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if !isKnownUniquelyReferenced(&context) {
            context = context.copy()
        }
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            context.update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            let array = Array(bytes)
            array.withUnsafeBytes { context.update($0) }
        }
    }

    /// Returns the digest of everything fed so far. The hasher itself is left unchanged, so more
    /// input may follow.
    public func finalize() -> [UInt8] {
        context.copy().finish()
    }
}

/// Owns one `EVP_MD_CTX`. Only ever mutated through a uniquely referenced `SHA256Hasher`.
private final class Context: @unchecked Sendable {
    let pointer: OpaquePointer

    init() {
        guard let ctx = EVP_MD_CTX_new() else { preconditionFailure("OpenSSL: out of memory") }
        guard EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else {
            preconditionFailure("OpenSSL: SHA-256 unavailable")
        }
        pointer = ctx
    }

    private init(copying other: OpaquePointer) {
        guard let ctx = EVP_MD_CTX_new() else { preconditionFailure("OpenSSL: out of memory") }
        guard EVP_MD_CTX_copy_ex(ctx, other) == 1 else { preconditionFailure("OpenSSL: context copy failed") }
        pointer = ctx
    }

    deinit {
        EVP_MD_CTX_free(pointer)
    }

    func copy() -> Context {
        Context(copying: pointer)
    }

    func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        guard EVP_DigestUpdate(pointer, base, buffer.count) == 1 else {
            preconditionFailure("OpenSSL: SHA-256 update failed")
        }
    }

    func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: SHA256Hasher.digestByteCount)
        var length: UInt32 = 0
        let status = digest.withUnsafeMutableBufferPointer { out in
            EVP_DigestFinal_ex(pointer, out.baseAddress, &length)
        }
        guard status == 1, Int(length) == SHA256Hasher.digestByteCount else {
            preconditionFailure("OpenSSL: SHA-256 finalisation failed")
        }
        return digest
    }
}
