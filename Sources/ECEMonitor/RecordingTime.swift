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
}
