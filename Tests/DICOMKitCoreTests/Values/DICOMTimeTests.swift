import Testing

@testable import DICOMKitCore

@Suite("DICOMTime")
struct DICOMTimeTests {
    @Test("Full, partial and fractional times, and the retired colon form")
    func parsing() throws {
        let time = try DICOMTime(parsing: "070907.0705")
        #expect(time.hour == 7 && time.minute == 9 && time.second == 7)
        #expect(time.microsecond == 70_500 && time.fractionDigits == 4)
        #expect(time.precision == .fraction)
        #expect(time.dicomString == "070907.0705")
        #expect(try DICOMTime(parsing: "10").precision == .hour)
        #expect(try DICOMTime(parsing: "1015").minute == 15)
        #expect(try DICOMTime(parsing: "235960").second == 60)
        #expect(try DICOMTime(parsing: "101530.123456").microsecond == 123_456)
        #expect(try DICOMTime(parsing: "101530.5").dicomString == "101530.5")
        #expect(try DICOMTime(parsing: "10:15:30.25") == DICOMTime(parsing: "101530.25"))
        #expect(try DICOMTime(parsing: "10:15") == DICOMTime(parsing: "1015"))
        #expect(try DICOMTime(parsing: "1015 ").dicomString == "1015")
    }

    @Test(
        "Invalid times throw invalidTime",
        arguments: [
            "", "1", "240000", "106000", "101561", "1015.5", "101530.", "101530.1234567", "10153", "10:1", "10:15:",
            "1a", "10:15:30:00", "-10", "101530,5",
        ])
    func invalid(text: String) {
        #expect(throws: DICOMError(.invalidTime, message: "")) { try DICOMTime(parsing: text) }
    }

    @Test("Building a time checks each part")
    func building() throws {
        #expect(
            try DICOMTime(hour: 1, minute: 2, second: 3, microsecond: 400_000, fractionDigits: 1).dicomString
                == "010203.4")
        #expect(throws: DICOMError.self) {
            try DICOMTime(hour: 1, minute: 2, second: 3, microsecond: 450_000, fractionDigits: 1)
        }
        #expect(throws: DICOMError.self) { try DICOMTime(hour: 1, second: 3) }
        #expect(throws: DICOMError.self) { try DICOMTime(hour: 1, minute: 2, microsecond: 5) }
        #expect(throws: DICOMError.self) { try DICOMTime(hour: 24) }
    }

    @Test("TM elements")
    func elements() throws {
        let element = DataElement(tag: .studyTime, vr: .TM, string: "101530.25\\23 ")
        #expect(try element.times().map(\.hour) == [10, 23])
        let error = try #require(throws: DICOMError.self) {
            try DataElement(tag: .studyTime, vr: .TM, string: "1015\\2500").times()
        }
        #expect(error.code == .invalidTime && error.message.hasPrefix("TM value 2:"))
    }
}
