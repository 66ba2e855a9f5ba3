import Foundation
import Testing

@testable import S3Presign

@Suite struct SigV4TimestampTests {
    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (1_440_938_160, "20150830T123600Z"),
        (1_735_787_045.999, "20250102T030405Z"),
        (951_782_400, "20000229T000000Z"),
        (951_868_799, "20000229T235959Z"),
        (4_107_542_400, "21000301T000000Z"),
        (-1, "19691231T235959Z"),
        (-0.5, "19691231T235959Z"),
        (-2_208_988_800, "19000101T000000Z"),
        (-62_135_596_800, "00010101T000000Z"),
        (253_402_300_799, "99991231T235959Z"),
    ])
    func formatsUTCAndTruncatesFractions(_ seconds: Double, _ expected: String) throws {
        let timestamp = try SigV4Timestamp(Date(timeIntervalSince1970: seconds))
        #expect(timestamp.dateTime == expected)
        #expect(timestamp.day == String(expected.prefix(8)))
    }

    @Test func agreesWithTheCalendarOverFourHundredYears() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        // Every 7th day and a shifting time of day, 1800 to 2200.
        var seconds: Int64 = -5_364_662_400
        while seconds < 7_258_118_400 {
            let date = Date(timeIntervalSince1970: Double(seconds))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0
            )
            #expect(try SigV4Timestamp(date).dateTime == expected)
            seconds += 7 * 86_400 + 3_607
        }
    }
}
