import Testing

@testable import DICOMKitCore

@Suite("DICOMDate")
struct DICOMDateTests {
    @Test("Full and partial dates, and the retired YYYY.MM.DD form")
    func parsing() throws {
        let full = try DICOMDate(parsing: "20240229")
        #expect(full.year == 2024 && full.month == 2 && full.day == 29)
        #expect(full.precision == .day)
        let month = try DICOMDate(parsing: "202402")
        #expect(month.month == 2 && month.day == nil && month.precision == .month)
        let year = try DICOMDate(parsing: "1999")
        #expect(year.month == nil && year.precision == .year)
        #expect(try DICOMDate(parsing: "1993.08.22") == DICOMDate(year: 1993, month: 8, day: 22))
        #expect(try DICOMDate(parsing: " 20240101 ").dicomString == "20240101")
        #expect(try DICOMDate(year: 7, month: 3).dicomString == "000703")
    }

    @Test(
        "Invalid dates throw invalidDate",
        arguments: [
            "", "20240230", "20230229", "19000229", "20241301", "20240001", "20240100", "2024-01-01", "2024011",
            "202401011", "2024O101", "+2024", "2024.1.01", "20240431",
        ])
    func invalid(text: String) {
        #expect(throws: DICOMError(.invalidDate, message: "")) { try DICOMDate(parsing: text) }
    }

    @Test("Leap years of the Gregorian calendar")
    func leapYears() throws {
        #expect(try DICOMDate(parsing: "20000229").day == 29)
        #expect(throws: DICOMError.self) { try DICOMDate(parsing: "21000229") }
        #expect(throws: DICOMError.self) { try DICOMDate(year: 2024, day: 1) }
        #expect(throws: DICOMError.self) { try DICOMDate(year: 10_000) }
    }

    @Test("DA elements: multi-valued, empty, invalid, other VRs")
    func elements() throws {
        let element = DataElement(tag: .studyDate, vr: .DA, string: "20240101\\1999 ")
        #expect(try element.dates().map(\.dicomString) == ["20240101", "1999"])
        #expect(try DataElement(tag: .studyDate, vr: .DA, bytes: []).dates() == [])
        let invalid = DataElement(tag: .studyDate, vr: .DA, string: "20240101\\\\2024")
        let error = try #require(throws: DICOMError.self) { try invalid.dates() }
        #expect(error.code == .invalidDate)
        #expect(error.tag == .studyDate)
        #expect(error.message.hasPrefix("DA value 2:"))
        #expect(throws: DICOMError(.vrMismatch, message: "")) {
            try DataElement(tag: .patientID, vr: .LO, string: "20240101").dates()
        }
    }
}
