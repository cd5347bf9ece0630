@testable import ECETerminal
import Foundation
import Testing

@Suite struct ClockFormatterTests {
    /// 2026-11-26 09:05:07 UTC.
    private let instant = Date(timeIntervalSince1970: 1_795_683_907.75)

    @Test func utcGivesTheTimeAndDayOfUTC() {
        let clock = ClockFormatter(zone: .utc)
        #expect(clock.time(instant) == "09:05:07")
        #expect(clock.day(instant) == "2026-11-26")
    }

    @Test func aFixedOffsetMovesTheHoursAndCrossesMidnight() {
        #expect(ClockFormatter(zone: .fixed(secondsEastOfUTC: 5 * 3600 + 1800)).time(instant) == "14:35:07")
        let west = ClockFormatter(zone: .fixed(secondsEastOfUTC: -10 * 3600))
        #expect(west.time(instant) == "23:05:07")
        #expect(west.day(instant) == "2026-11-25")
    }

    @Test func agreesWithFoundationsCalendarAcrossYearsAndLeapDays() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let clock = ClockFormatter(zone: .utc)
        // Every 7 days and 13,337 s over 12 years: leap days, month ends, year ends.
        for step in 0..<630 {
            let date = Date(timeIntervalSince1970: 1_577_836_800 + Double(step) * (7 * 86_400 + 13_337))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expectedTime = [parts.hour!, parts.minute!, parts.second!].map { ClockFormatter.two($0) }.joined(separator: ":")
            let expectedDay = "\(parts.year!)-\(ClockFormatter.two(parts.month!))-\(ClockFormatter.two(parts.day!))"
            guard clock.time(date) == expectedTime, clock.day(date) == expectedDay else {
                Issue.record("\(date): \(clock.day(date)) \(clock.time(date)) ≠ \(expectedDay) \(expectedTime)")
                return
            }
        }
    }
}
