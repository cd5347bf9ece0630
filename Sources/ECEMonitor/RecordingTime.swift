import Foundation

/// Times in a recording: ISO 8601 in UTC with milliseconds (`2026-11-26T03:50:01.123Z`).
///
/// The milliseconds are rounded and written by hand: the format style truncates, which would
/// turn a `.1` stored as `.0999…` into `.099` and move a replayed poll before its moment.
enum RecordingTime {
    private static let style = Date.ISO8601FormatStyle()

    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int64((Double(milliseconds) / 1000).rounded(.down))
        let fraction = milliseconds - seconds * 1000
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(style)
        let digits = String(fraction)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// Reads `text` (fraction optional, up to nanoseconds); nil when it is not such a time.
    static func date(_ text: String) -> Date? {
        var utf8 = text
        return utf8.withUTF8(quickDate) ?? parsed(text)
    }

    /// `date(_:)` by the format style alone.
    static func parsed(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        var whole = String(text.dropLast())
        var fraction = 0.0
        if let dot = whole.firstIndex(of: ".") {
            let digits = whole[whole.index(after: dot)...]
            guard (1...9).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(digits) else { return nil }
            fraction = Double(value) / pow(10, Double(digits.count))
            whole = String(whole[..<dot])
        }
        guard let date = try? style.parse(whole + "Z") else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff]Z` from 1900 on read by hand (the format style's parser takes most
    /// of a report's time); nil for anything else, which the format style then judges. The
    /// same arithmetic as the slow path: whole seconds, then the fraction added.
    private static func quickDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
              bytes[bytes.count - 1] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19),
              year >= 1900, (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            let digits = bytes.count - 21
            guard bytes[19] == 0x2E, (1...9).contains(digits), let value = number(20..<20 + digits) else { return nil }
            fraction = Double(value) / pow(10, Double(digits))
        }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds)).addingTimeInterval(fraction)
    }
}
