import Testing

@testable import DICOMKitCore

@Suite("DICOMDateTime")
struct DICOMDateTimeTests {
    @Test("Full and partial date-times with and without a UTC offset")
    func parsing() throws {
        let full = try DICOMDateTime(parsing: "20240229101530.25-0500")
        #expect(full.date == (try DICOMDate(year: 2024, month: 2, day: 29)))
        #expect(full.time?.second == 30 && full.time?.microsecond == 250_000)
        #expect(full.utcOffsetMinutes == -300)
        #expect(full.dicomString == "20240229101530.25-0500")
        let year = try DICOMDateTime(parsing: "2024")
        #expect(year.date.precision == .year && year.time == nil && year.utcOffsetMinutes == nil)
        let yearWithOffset = try DICOMDateTime(parsing: "2024+1400")
        #expect(yearWithOffset.utcOffsetMinutes == 840)
        let hour = try DICOMDateTime(parsing: "2024022910")
        #expect(hour.time?.precision == .hour)
        #expect(try DICOMDateTime(parsing: "202402291015+0530").utcOffsetMinutes == 330)
        #expect(try DICOMDateTime(parsing: "20240229101530.123456").time?.fractionDigits == 6)
    }

    @Test(
        "Invalid date-times throw invalidDateTime",
        arguments: [
            "", "202", "20240230", "202402291", "2024022924", "20240229106000", "20240229101530.", "2024022910.5",
            "20240229101530.1234567", "2024-05", "2024+1500", "2024-1201", "2024+0560", "2024+05",
            "20240229101530+0500+0100",
            "2024 02",
        ])
    func invalid(text: String) {
        #expect(throws: DICOMError(.invalidDateTime, message: "")) { try DICOMDateTime(parsing: text) }
    }

    @Test("DT elements")
    func elements() throws {
        let element = DataElement(tag: Tag(0x0008, 0x002A), vr: .DT, string: "20240229101530\\2023 ")
        #expect(try element.dateTimes().map(\.date.year) == [2024, 2023])
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: .studyDate, vr: .DA, string: "2024").dateTimes()
        }
    }
}
