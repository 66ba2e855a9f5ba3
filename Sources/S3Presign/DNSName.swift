/// Checks on DNS labels and host names.
enum DNSName {
    /// Whether `text` is 1 to 63 of `a-z 0-9 -`, neither starting nor ending with `-`, and not
    /// all digits: a lower-case DNS label, as regions and service names are.
    static func isLowercaseLabel(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
        else { return false }
        guard bytes.allSatisfy({ isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
        return !bytes.allSatisfy(isDigit)
    }

    /// Whether `label` is a host label of RFC 1123: 1 to 63 of `A-Z a-z 0-9 -`, neither starting
    /// nor ending with `-`.
    static func isHostLabel(_ label: some BidirectionalCollection<UInt8>) -> Bool {
        guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
        else { return false }
        return label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLowercaseLetterOrDigit(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// Whether `text` looks like a dotted-quad IPv4 address: four runs of 1 to 3 digits joined
    /// by dots (the test botocore and S3 apply; the numbers are not range-checked here).
    static func looksLikeIPv4(_ text: some StringProtocol) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(isDigit) }
    }
}
