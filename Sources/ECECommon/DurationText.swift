/// Short texts for people: ages and intervals (`45s`, `3m 07s`, `2h 05m`) and the API's wait
/// times (`3.0 s`, `2m 05s`, `1h 02m`).
public enum DurationText {
    /// An age or elapsed time in whole seconds.
    public static func age(seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(twoDigits(whole % 60))s" }
        if whole < 86_400 { return "\(whole / 3600)h \(twoDigits((whole % 3600) / 60))m" }
        return "\(whole / 86_400)d \(twoDigits((whole % 86_400) / 3600))h"
    }

    /// How long a state has lasted, as a panel shows it: seconds only in the first minute
    /// (`45s`, `3m`, `2h 05m`), so that a wall of panels does not tick every second (the
    /// detail view gives the exact `age` and the time it began).
    public static func lasting(seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" }
        return age(seconds: seconds)
    }

    /// A polling interval: `500ms`, `5s`, `2.5s`, `2m`, `1m 30s`.
    public static func interval(_ duration: Duration) -> String {
        let milliseconds = Int((duration.inSeconds * 1000).rounded())
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds % 1000 != 0 && milliseconds < 60_000 {
            return "\(Double(milliseconds / 100) / 10)s"
        }
        let seconds = milliseconds / 1000
        if seconds < 60 { return "\(seconds)s" }
        return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds / 60)m \(twoDigits(seconds % 60))s"
    }

    /// An expected wait: `3.0 s` below a minute (tenths: the API's waits are often
    /// fractional), `2m 05s` up to an hour, `1h 02m` above; a non-finite value verbatim.
    public static func wait(seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds) s" }
        if seconds < 60 {
            let tenths = (seconds * 10).rounded() / 10
            return "\(tenths) s"
        }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m \(twoDigits(whole % 60))s" }
        return "\(whole / 3600)h \(twoDigits((whole % 3600) / 60))m"
    }

    /// Whole seconds, never negative (a clock step back) and 0 for a non-finite span.
    private static func wholeSeconds(_ seconds: Double) -> Int {
        max(0, Int(seconds.isFinite ? seconds.rounded(.down) : 0))
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
