import CryptoSupport

/// The hashing and MAC primitives of SigV4, over the internal `CryptoSupport`.
enum SigV4Crypto {
    /// The lower-case hex SHA-256 of `bytes`.
    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256Hasher.hash(bytes).hexString
    }

    /// The lower-case hex SHA-256 of the UTF-8 of `text`.
    static func sha256Hex(_ text: String) -> String {
        SHA256Hasher.hash(text.utf8).hexString
    }

    /// Lower-case hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.hexString
    }

    /// HMAC-SHA256 of the UTF-8 of `message` under `key`.
    static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        HMACSHA256.authenticationCode(key: key, message: message)
    }
}
