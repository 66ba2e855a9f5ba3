internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom: Sendable {
    /// Returns `count` random bytes.
    ///
    /// - Precondition: `count >= 0`. Traps only if the system's entropy source has failed, where no
    ///   secure answer exists.
    public static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "negative byte count")
        var out = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return out }
        let status = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard status == 1 else { preconditionFailure("OpenSSL: RAND_bytes failed") }
        return out
    }
}
