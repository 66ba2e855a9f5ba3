/// The naming rules of S3 general purpose buckets, and what a name allows in a URL.
enum S3BucketName {
    private static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    private static let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

    /// Checks `bucket` against the S3 rules: 3 to 63 of `a-z 0-9 . -`, starting and ending with a
    /// letter or digit, no `..`, not shaped like an IPv4 address, and none of the prefixes and
    /// suffixes S3 reserves (`xn--`, `sthree-`, `amzn-s3-demo-`, `-s3alias`, `--ol-s3`, `.mrap`,
    /// `--x-s3` of directory buckets, `--table-s3`). Legacy names with capitals or `_` are refused.
    static func validate(_ bucket: String) throws(S3PresignError) {
        let bytes = Array(bucket.utf8)
        func fail(_ reason: String, at offset: Int? = nil) -> S3PresignError {
            S3PresignError(.invalidBucketName, field: "bucket", offset: offset, reason: reason)
        }
        guard (3...63).contains(bytes.count) else { throw fail("a bucket name has 3 to 63 characters") }
        if let offset = bytes.firstIndex(where: { !DNSName.isLowercaseLetterOrDigit($0) && $0 != 0x2E && $0 != 0x2D }) {
            throw fail("a bucket name has only a-z, 0-9, '.' and '-'", at: offset)
        }
        guard let first = bytes.first, let last = bytes.last, DNSName.isLowercaseLetterOrDigit(first),
            DNSName.isLowercaseLetterOrDigit(last)
        else { throw fail("a bucket name starts and ends with a letter or digit") }
        if bucket.contains("..") { throw fail("a bucket name has no two adjacent periods") }
        if DNSName.looksLikeIPv4(bucket) { throw fail("a bucket name is not formatted as an IP address") }
        if reservedPrefixes.contains(where: bucket.hasPrefix) || reservedSuffixes.contains(where: bucket.hasSuffix) {
            throw fail("a bucket name does not use a prefix or suffix that S3 reserves")
        }
    }

    /// Whether a valid name can be a single DNS label in front of a host (no dots).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        !bucket.contains(".")
    }

    /// Whether a valid name is a dotted sequence of host labels (allowed in front of a plain
    /// `http` custom endpoint, where no TLS certificate has to match).
    static func isVirtualHostableWithDots(_ bucket: String) -> Bool {
        bucket.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy {
            DNSName.isHostLabel($0)
        }
    }
}
