/// A DA (Date) value, full or partial: a year, a year and month, or a whole date (PS3.5 6.2).
///
/// ```swift
/// let date = try DICOMDate(parsing: "20240229")
/// date.year         // 2024
/// date.day          // 29
/// date.dicomString  // "20240229"
/// ```
///
/// The Gregorian calendar applies: month 1 to 12, a day that exists in its month (29 February only in
/// leap years).
public struct DICOMDate: Sendable, Hashable {
    /// How much of a date is given.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        /// `YYYY`.
        case year
        /// `YYYYMM`.
        case month
        /// `YYYYMMDD`.
        case day

        /// Year before month before day.
        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }

    /// The year, 0 to 9999.
    public let year: Int
    /// The month, 1 to 12, or `nil` for a year alone.
    public let month: Int?
    /// The day of the month, or `nil` when not given.
    public let day: Int?

    /// Creates a date. A day needs a month. Throws ``DICOMError/Code/invalidDate`` when a part is out
    /// of range or the day does not exist in its month.
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(DICOMError) {
        guard (0...9999).contains(year) else {
            throw DICOMError(.invalidDate, message: "year must be 0000 to 9999")
        }
        if let month, !(1...12).contains(month) {
            throw DICOMError(.invalidDate, message: "month must be 01 to 12")
        }
        if let day {
            guard let month else {
                throw DICOMError(.invalidDate, message: "a day needs a month")
            }
            guard (1...daysInMonth(year: year, month: month)).contains(day) else {
                throw DICOMError(.invalidDate, message: "day does not exist in its month")
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a DA value: `YYYY`, `YYYYMM` or `YYYYMMDD`, or the retired ACR-NEMA form `YYYY.MM.DD`
    /// (PS3.5 6.2, read leniently). Spaces around the value are padding and ignored. Throws
    /// ``DICOMError/Code/invalidDate``.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        let bytes = Array(trimSpaces(Substring(text)).utf8)
        var digits = bytes
        if bytes.count == 10, bytes[4] == UInt8(ascii: "."), bytes[7] == UInt8(ascii: ".") {
            digits = Array(bytes[0..<4] + bytes[5..<7] + bytes[8..<10])
        }
        guard [4, 6, 8].contains(digits.count), let year = fixedDigits(digits, 0, 4) else {
            throw DICOMError(.invalidDate, message: "not a DA value (YYYY, YYYYMM or YYYYMMDD)")
        }
        let month = digits.count >= 6 ? fixedDigits(digits, 4, 2) : nil
        let day = digits.count == 8 ? fixedDigits(digits, 6, 2) : nil
        guard digits.count < 6 || month != nil, digits.count < 8 || day != nil else {
            throw DICOMError(.invalidDate, message: "not a DA value (YYYY, YYYYMM or YYYYMMDD)")
        }
        try self.init(year: year, month: month, day: day)
    }

    /// How much of the date is given.
    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    /// The value as DICOM writes it: `YYYY`, `YYYYMM` or `YYYYMMDD`.
    public var dicomString: String {
        var text = paddedDigits(year, 4)
        if let month {
            text += paddedDigits(month, 2)
        }
        if let day {
            text += paddedDigits(day, 2)
        }
        return text
    }

    /// The first day the date covers (`2024` covers from 1 January 2024).
    var firstDay: (year: Int, month: Int, day: Int) {
        (year, month ?? 1, day ?? 1)
    }

    /// The last day the date covers (`202402` covers to 29 February 2024).
    var lastDay: (year: Int, month: Int, day: Int) {
        let lastMonth = month ?? 12
        return (year, lastMonth, day ?? daysInMonth(year: year, month: lastMonth))
    }
}

/// The number of days in `month` (1 to 12) of the Gregorian `year`.
func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

/// The number written by the `count` ASCII digits of `bytes` at `start`, or `nil` if any is not a
/// digit or the bytes run out.
func fixedDigits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start >= 0, count > 0, start + count <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[start..<(start + count)] {
        guard isDigit(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
}

/// `value` in decimal, zero-padded on the left to `width` digits.
func paddedDigits(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Days from 1 January 1970 to the Gregorian date, for ordering (valid for years 0 to 9999).
func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}
