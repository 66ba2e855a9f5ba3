/// The AWS partition a region belongs to, for the DNS suffix of its S3 endpoints.
///
/// Regions are matched as botocore matches them: by the partition's region pattern (e.g.
/// `cn-<word>-<digits>` for `aws-cn`), falling back to the standard `aws` partition for any name
/// no pattern claims. The suffixes are public facts of AWS's endpoint data.
struct S3Partition: Hashable, Sendable {
    /// The partition's id, e.g. `aws`, `aws-cn`.
    let name: String
    /// The DNS suffix of its endpoints, e.g. `amazonaws.com`.
    let dnsSuffix: String

    static let aws = S3Partition(name: "aws", dnsSuffix: "amazonaws.com")

    /// Partitions other than `aws`, with the leading parts of their region names: a region is in
    /// the partition when it is `<prefix>-<word>-<digits>` (a word of letters and digits).
    private static let others: [(prefix: [String], partition: S3Partition)] = [
        (["cn"], S3Partition(name: "aws-cn", dnsSuffix: "amazonaws.com.cn")),
        (["us", "gov"], S3Partition(name: "aws-us-gov", dnsSuffix: "amazonaws.com")),
        (["us", "iso"], S3Partition(name: "aws-iso", dnsSuffix: "c2s.ic.gov")),
        (["us", "isob"], S3Partition(name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov")),
        (["eu", "isoe"], S3Partition(name: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk")),
        (["us", "isof"], S3Partition(name: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov")),
        (["eusc", "de"], S3Partition(name: "aws-eusc", dnsSuffix: "amazonaws.eu")),
    ]

    /// The partition of `region` (a lower-case DNS label).
    static func of(region: String) -> S3Partition {
        let parts = region.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        for entry in others
        where parts.count == entry.prefix.count + 2 && Array(parts.prefix(entry.prefix.count)) == entry.prefix {
            let word = parts[parts.count - 2]
            let number = parts[parts.count - 1]
            if !word.isEmpty, !number.isEmpty, number.utf8.allSatisfy(DNSName.isDigit) {
                return entry.partition
            }
        }
        return .aws
    }
}
