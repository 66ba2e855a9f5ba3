/// A DT (Date Time) value: a date, full or partial, optionally a time when the date is full, and an
/// optional offset from UTC (PS3.5 6.2).
///
/// ```swift
/// let dateTime = try DICOMDateTime(parsing: "20240229101530.25-0500")
/// dateTime.date.day           // 29
/// dateTime.time?.second       // 30
/// dateTime.utcOffsetMinutes   // -300
/// ```
public struct DICOMDateTime: Sendable, Hashable {
    /// The date (`YYYY`, `YYYYMM` or `YYYYMMDD`).
    public let date: DICOMDate
    /// The time, present only when the date is a whole date.
    public let time: DICOMTime?
    /// The offset from UTC in minutes (`-0500` is -300), -720 to +840, or `nil` when the value has
    /// none (then the time is local, or the Timezone Offset From UTC (0008,0201) applies).
    public let utcOffsetMinutes: Int?

    /// Creates a date and time. A time needs a whole date. Throws
    /// ``DICOMError/Code/invalidDateTime`` when the offset is outside -12:00 to +14:00.
    public init(date: DICOMDate, time: DICOMTime? = nil, utcOffsetMinutes: Int? = nil) throws(DICOMError) {
        if time != nil, date.precision != .day {
            throw DICOMError(.invalidDateTime, message: "a time needs a whole date")
        }
        if let utcOffsetMinutes, !(-720...840).contains(utcOffsetMinutes) {
            throw DICOMError(.invalidDateTime, message: "UTC offset must be -1200 to +1400")
        }
        self.date = date
        self.time = time
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses a DT value: `YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]]` followed by an optional UTC offset
    /// `&ZZXX` (`&` is `+` or `-`, ZZ hours 00 to 14, XX minutes 00 to 59). Spaces around the value are
    /// padding and ignored. Throws ``DICOMError/Code/invalidDateTime``.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        let bytes = Array(trimSpaces(Substring(text)).utf8)
        var main = bytes[...]
        var offset: Int?
        if let signIndex = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
            let zone = Array(bytes[(signIndex + 1)...])
            guard zone.count == 4, let hours = fixedDigits(zone, 0, 2), let minutes = fixedDigits(zone, 2, 2),
                hours <= 14, minutes <= 59
            else {
                throw DICOMError(.invalidDateTime, message: "UTC offset is not &ZZXX")
            }
            offset = (bytes[signIndex] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
            main = bytes[..<signIndex]
        }
        let dotIndex = main.firstIndex(of: UInt8(ascii: "."))
        let digits = Array(main[..<(dotIndex ?? main.endIndex)])
        guard [4, 6, 8, 10, 12, 14].contains(digits.count), digits.allSatisfy(isDigit),
            dotIndex == nil || digits.count == 14
        else {
            throw DICOMError(.invalidDateTime, message: "not a DT value (YYYYMMDDHHMMSS.FFFFFF&ZZXX)")
        }
        do throws(DICOMError) {
            let date = try DICOMDate(parsing: String(decoding: digits.prefix(8), as: UTF8.self))
            var time: DICOMTime?
            if digits.count > 8 {
                guard let parts = parseTimeParts(Array(main[(main.startIndex + 8)...]), allowColons: false) else {
                    throw DICOMError(.invalidDateTime, message: "not a DT value (YYYYMMDDHHMMSS.FFFFFF&ZZXX)")
                }
                time = try DICOMTime(
                    hour: parts.hour, minute: parts.minute, second: parts.second, microsecond: parts.microsecond,
                    fractionDigits: parts.fractionDigits)
            }
            try self.init(date: date, time: time, utcOffsetMinutes: offset)
        } catch  where error.code == .invalidDateTime {
            throw error
        } catch {
            throw DICOMError(.invalidDateTime, message: error.message)
        }
    }

    /// The value as DICOM writes it, e.g. `20240229101530.25-0500`.
    public var dicomString: String {
        var text = date.dicomString + (time?.dicomString ?? "")
        if let utcOffsetMinutes {
            let magnitude = abs(utcOffsetMinutes)
            text +=
                (utcOffsetMinutes < 0 ? "-" : "+") + paddedDigits(magnitude / 60, 2) + paddedDigits(magnitude % 60, 2)
        }
        return text
    }

    /// Microseconds from 1970-01-01 00:00 UTC (or local time without an offset) to the start of
    /// the value, for ordering the bounds of a range.
    var earliestMicroseconds: Int {
        let day = date.firstDay
        let days = daysFromCivil(year: day.year, month: day.month, day: day.day)
        return days * 86_400_000_000 + (time?.earliestMicroseconds ?? 0) - (utcOffsetMinutes ?? 0) * 60_000_000
    }

    /// Microseconds from 1970-01-01 00:00 UTC (or local time) to the end of the value.
    var latestMicroseconds: Int {
        let day = date.lastDay
        let days = daysFromCivil(year: day.year, month: day.month, day: day.day)
        return days * 86_400_000_000 + (time?.latestMicroseconds ?? 86_399_999_999) - (utcOffsetMinutes ?? 0)
            * 60_000_000
    }
}
