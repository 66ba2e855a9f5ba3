import Testing

@testable import DICOMKitCore

@Suite("DICOMRange")
struct DICOMRangeTests {
    @Test("Date ranges: closed, open below, open above, single")
    func dates() throws {
        let closed = try DICOMDateRange(parsing: "20240101-20241231")
        #expect(closed.lower?.dicomString == "20240101" && closed.upper?.dicomString == "20241231")
        let below = try DICOMDateRange(parsing: "-20241231")
        #expect(below.lower == nil && below.upper?.day == 31)
        let above = try DICOMDateRange(parsing: "2024-")
        #expect(above.lower?.precision == .year && above.upper == nil)
        let single = try DICOMDateRange(parsing: "20240101")
        #expect(single.isSingleValue)
        #expect(!closed.isSingleValue)
        #expect(try DICOMDateRange(parsing: "1993.08.22-1993.08.23").upper?.day == 23)
    }

    @Test("Malformed ranges", arguments: ["-", "", "2024-2025-2026", "--2024"])
    func malformed(text: String) {
        #expect(throws: DICOMError.self) { try DICOMDateRange(parsing: text) }
    }

    @Test("A bound that is not a date throws the date's error")
    func badBound() {
        #expect(throws: DICOMError(.invalidDate, message: "")) { try DICOMDateRange(parsing: "20241301-") }
        #expect(throws: DICOMError(.invalidRange, message: "")) { try DICOMDateRange(parsing: "-") }
        #expect(throws: DICOMError(.invalidRange, message: "")) { try DICOMDateRange(lower: nil, upper: nil) }
    }

    @Test("Time ranges")
    func times() throws {
        let range = try DICOMTimeRange(parsing: "0800-173015.5")
        #expect(range.lower?.hour == 8 && range.lower?.minute == 0 && range.upper?.microsecond == 500_000)
        #expect(throws: DICOMError(.invalidTime, message: "")) { try DICOMTimeRange(parsing: "0800-1730.5") }
    }

    @Test("DT ranges: a hyphen may be a range or a negative UTC offset")
    func dateTimes() throws {
        let closed = try DICOMDateTimeRange(parsing: "20240101-20241231")
        #expect(closed.lower?.date.day == 1 && closed.upper?.date.month == 12)
        let offsetValue = try DICOMDateTimeRange(parsing: "20240101120000-0500")
        #expect(offsetValue.isSingleValue)
        #expect(offsetValue.lower?.utcOffsetMinutes == -300)
        let openWithOffset = try DICOMDateTimeRange(parsing: "20240101120000-0500-")
        #expect(openWithOffset.lower?.utcOffsetMinutes == -300 && openWithOffset.upper == nil)
        let bothOffsets = try DICOMDateTimeRange(parsing: "20240101120000-0500-20240102120000-0500")
        #expect(bothOffsets.lower?.utcOffsetMinutes == -300 && bothOffsets.upper?.date.day == 2)
        let below = try DICOMDateTimeRange(parsing: "-20240101")
        #expect(below.lower == nil)
        let years = try DICOMDateTimeRange(parsing: "2023-2024")
        #expect(years.lower?.date.year == 2023 && years.upper?.date.year == 2024)
        let unordered = try DICOMDateTimeRange(parsing: "2024-2023")
        #expect(unordered.lower?.date.year == 2024)
        #expect(throws: DICOMError(.invalidRange, message: "")) { try DICOMDateTimeRange(parsing: "2024-x") }
    }

    @Test("Range accessors of elements")
    func elements() throws {
        let element = DataElement(tag: .studyDate, vr: .DA, string: "20240101-")
        #expect(try element.dateRange()?.lower?.year == 2024)
        #expect(try DataElement(tag: .studyDate, vr: .DA, bytes: []).dateRange() == nil)
        #expect(try DataElement(tag: .studyTime, vr: .TM, string: "-1200").timeRange()?.upper?.hour == 12)
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: .studyTime, vr: .TM, string: "1200").dateRange()
        }
    }
}
