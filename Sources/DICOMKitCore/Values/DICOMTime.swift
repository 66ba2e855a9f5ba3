/// A TM (Time) value, full or partial: an hour, hour and minute, hour minute and second, or with a
/// fraction of a second of 1 to 6 digits (PS3.5 6.2).
///
/// ```swift
/// let time = try DICOMTime(parsing: "070907.0705")
/// time.hour            // 7
/// time.second          // 7
/// time.microsecond     // 70500
/// time.fractionDigits  // 4
/// time.dicomString     // "070907.0705"
/// ```
public struct DICOMTime: Sendable, Hashable {
    /// How much of a time is given.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        /// `HH`.
        case hour
        /// `HHMM`.
        case minute
        /// `HHMMSS`.
        case second
        /// `HHMMSS.F` to `HHMMSS.FFFFFF`.
        case fraction

        /// Hour before minute before second before fraction.
        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }

    /// The hour, 0 to 23.
    public let hour: Int
    /// The minute, 0 to 59, or `nil`.
    public let minute: Int?
    /// The second, 0 to 60 (60 for a leap second), or `nil`.
    public let second: Int?
    /// The fraction of the second in microseconds, 0 to 999999, or `nil`.
    public let microsecond: Int?
    /// How many fraction digits the value has, 1 to 6; 0 without a fraction. `.5` has one digit and
    /// a ``microsecond`` of 500000.
    public let fractionDigits: Int

    /// Creates a time. A minute needs an hour, a second a minute, a fraction a second; with
    /// `fractionDigits` below 6 the microseconds must be a multiple of what the last digit counts.
    /// Throws ``DICOMError/Code/invalidTime``.
    public init(
        hour: Int, minute: Int? = nil, second: Int? = nil, microsecond: Int? = nil, fractionDigits: Int = 6
    ) throws(DICOMError) {
        guard (0...23).contains(hour) else {
            throw DICOMError(.invalidTime, message: "hour must be 00 to 23")
        }
        if let minute, !(0...59).contains(minute) {
            throw DICOMError(.invalidTime, message: "minute must be 00 to 59")
        }
        if let second {
            guard minute != nil else { throw DICOMError(.invalidTime, message: "a second needs a minute") }
            guard (0...60).contains(second) else {
                throw DICOMError(.invalidTime, message: "second must be 00 to 60")
            }
        }
        if let microsecond {
            guard second != nil else { throw DICOMError(.invalidTime, message: "a fraction needs a second") }
            guard (1...6).contains(fractionDigits) else {
                throw DICOMError(.invalidTime, message: "a fraction has 1 to 6 digits")
            }
            guard (0...999_999).contains(microsecond), microsecond % powerOfTen(6 - fractionDigits) == 0 else {
                throw DICOMError(.invalidTime, message: "fraction out of range for its digits")
            }
        }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.fractionDigits = microsecond == nil ? 0 : fractionDigits
    }

    /// Parses a TM value: `HH`, `HHMM`, `HHMMSS` or `HHMMSS.F` to `HHMMSS.FFFFFF`, or the retired
    /// ACR-NEMA form with colons (`HH:MM`, `HH:MM:SS`, `HH:MM:SS.F...`, read leniently). Spaces
    /// around the value are padding and ignored. Throws ``DICOMError/Code/invalidTime``.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        guard let parts = parseTimeParts(Array(trimSpaces(Substring(text)).utf8), allowColons: true) else {
            throw DICOMError(.invalidTime, message: "not a TM value (HH, HHMM, HHMMSS or HHMMSS.FFFFFF)")
        }
        try self.init(
            hour: parts.hour, minute: parts.minute, second: parts.second, microsecond: parts.microsecond,
            fractionDigits: parts.fractionDigits)
    }

    /// How much of the time is given.
    public var precision: Precision {
        microsecond != nil ? .fraction : second != nil ? .second : minute != nil ? .minute : .hour
    }

    /// The value as DICOM writes it: `HH`, `HHMM`, `HHMMSS` or `HHMMSS.F...` with
    /// ``fractionDigits`` digits.
    public var dicomString: String {
        var text = paddedDigits(hour, 2)
        if let minute {
            text += paddedDigits(minute, 2)
        }
        if let second {
            text += paddedDigits(second, 2)
        }
        if let microsecond {
            text += "." + paddedDigits(microsecond / powerOfTen(6 - fractionDigits), fractionDigits)
        }
        return text
    }

    /// Microseconds from midnight to the start of the time (`10` starts at 10:00:00.000000).
    var earliestMicroseconds: Int {
        ((hour * 60 + (minute ?? 0)) * 60 + (second ?? 0)) * 1_000_000 + (microsecond ?? 0)
    }

    /// Microseconds from midnight to the end of the time (`10` ends at 10:59:59.999999).
    var latestMicroseconds: Int {
        let fraction = microsecond.map { $0 + powerOfTen(6 - fractionDigits) - 1 } ?? 999_999
        return ((hour * 60 + (minute ?? 59)) * 60 + (second ?? 59)) * 1_000_000 + fraction
    }
}

/// The parts of a time as written, before range checks.
struct TimeParts {
    var hour: Int
    var minute: Int?
    var second: Int?
    var microsecond: Int?
    var fractionDigits: Int
}

/// Splits `HH[MM[SS[.F{1,6}]]]` (or, with `allowColons`, `HH:MM[:SS[.F{1,6}]]`) into its parts, or
/// `nil` when the text has another shape.
func parseTimeParts(_ bytes: [UInt8], allowColons: Bool) -> TimeParts? {
    var digits = bytes
    var fraction: ArraySlice<UInt8> = []
    var hasFraction = false
    if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
        digits = Array(bytes[..<dot])
        fraction = bytes[(dot + 1)...]
        hasFraction = true
    }
    if allowColons, digits.contains(UInt8(ascii: ":")) {
        let parts = digits.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 }) else { return nil }
        digits = parts.flatMap { $0 }
    }
    guard [2, 4, 6].contains(digits.count), let hour = fixedDigits(digits, 0, 2) else { return nil }
    var parts = TimeParts(hour: hour, fractionDigits: 0)
    if digits.count >= 4 {
        guard let minute = fixedDigits(digits, 2, 2) else { return nil }
        parts.minute = minute
    }
    if digits.count == 6 {
        guard let second = fixedDigits(digits, 4, 2) else { return nil }
        parts.second = second
    }
    if hasFraction {
        guard digits.count == 6, (1...6).contains(fraction.count),
            let value = fixedDigits(Array(fraction), 0, fraction.count)
        else { return nil }
        parts.microsecond = value * powerOfTen(6 - fraction.count)
        parts.fractionDigits = fraction.count
    }
    return parts
}

/// 10 to the power `exponent` (0 to 6).
func powerOfTen(_ exponent: Int) -> Int {
    var value = 1
    for _ in 0..<max(0, exponent) {
        value *= 10
    }
    return value
}
