internal import COpenSSL

/// HMAC-SHA256 (RFC 2104), backed by OpenSSL's libcrypto.
public enum HMACSHA256: Sendable {
    /// The length of an HMAC-SHA256 tag in bytes.
    public static let byteCount = 32

    /// The HMAC-SHA256 tag of `message` under `key`.
    public static func authenticationCode(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        let keyBytes = Array(key)
        let messageBytes = Array(message)
        var tag = [UInt8](repeating: 0, count: byteCount)
        var length = 0
        let status: OpaquePointer? = keyBytes.withUnsafeBytes { keyBuffer in
            messageBytes.withUnsafeBytes { messageBuffer in
                tag.withUnsafeMutableBytes { out in
                    // A zero-length key or message still needs a valid pointer.
                    withUnsafeBytes(of: UInt8(0)) { empty in
                        let emptyPointer = empty.baseAddress
                        return EVP_Q_mac(
                            nil, "HMAC", nil, "SHA256", nil,
                            keyBuffer.baseAddress ?? emptyPointer, keyBuffer.count,
                            (messageBuffer.baseAddress ?? emptyPointer)?.assumingMemoryBound(to: UInt8.self),
                            messageBuffer.count,
                            out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count, &length
                        ).map { OpaquePointer($0) }
                    }
                }
            }
        }
        guard status != nil, length == byteCount else {
            preconditionFailure("OpenSSL: HMAC-SHA256 failed")
        }
        return tag
    }

    /// The HMAC-SHA256 tag of the UTF-8 bytes of `message` under `key`.
    public static func authenticationCode(key: some Collection<UInt8>, message: String) -> [UInt8] {
        authenticationCode(key: key, message: Array(message.utf8))
    }
}
