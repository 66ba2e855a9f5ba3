public import Foundation

/// The two forms of the signing time SigV4 uses: `20150830T123600Z` and `20150830`.
///
/// Computed from the seconds since 1970 in the proleptic Gregorian calendar in UTC, without
/// `Calendar` or a formatter, so neither the locale nor the time zone of the host can change it.
/// Fractions of a second are dropped (truncated towards the past), as botocore does.
public struct SigV4Timestamp: Hashable, Sendable {
    /// The full timestamp, `yyyyMMdd'T'HHmmss'Z'`, as sent in `X-Amz-Date`.
    public let dateTime: String
    /// The day, `yyyyMMdd`, as used in the credential scope.
    public let day: String

    /// The timestamp of `date`.
    ///
    /// - Throws: ``S3PresignError/Code/invalidDate`` when `date` is not finite or falls outside
    ///   the years 1 to 9999, which the format cannot express.
    public init(_ date: Date) throws(S3PresignError) {
        let interval = date.timeIntervalSince1970
        // 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in seconds since 1970.
        let earliest: Double = -62_135_596_800
        let limit: Double = 253_402_300_800
        guard interval.isFinite, interval >= earliest, interval < limit else {
            throw S3PresignError(
                .invalidDate, field: "date", reason: "the signing time must fall in the years 1 to 9999")
        }
        let seconds = Int64(interval.rounded(.down))
        let (days, secondOfDay) = Self.floorDivide(seconds, by: 86_400)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let second = secondOfDay % 60
        let dayText = Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2)
        self.day = dayText
        self.dateTime = dayText + "T" + Self.digits(hour, 2) + Self.digits(minute, 2) + Self.digits(second, 2) + "Z"
    }

    private static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    /// The Gregorian year, month and day of a day count since 1970-01-01, by counting 400-year
    /// eras of 146,097 days from 0000-03-01 (so that the leap day ends each year of the count).
    private static func civilDate(daysSince1970: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let daysSinceMarch0000 = daysSince1970 + 719_468
        let (era, dayOfEra) = floorDivide(daysSinceMarch0000, by: 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
