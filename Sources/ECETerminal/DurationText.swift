/// Short texts for ages and intervals (`45s`, `3m 07s`, `2h 05m`), distinct from wait times,
/// which always go through `WaitTimeUnit.format`.
enum DurationText {
    /// An age or elapsed time in whole seconds.
    static func age(seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(ClockFormatter.two(whole % 60))s" }
        if whole < 86_400 { return "\(whole / 3600)h \(ClockFormatter.two((whole % 3600) / 60))m" }
        return "\(whole / 86_400)d \(ClockFormatter.two((whole % 86_400) / 3600))h"
    }

    /// How long a state has lasted, as a panel shows it: seconds only in the first minute
    /// (`45s`, `3m`, `2h 05m`), so that a wall of panels does not tick every second (the
    /// detail view gives the exact `age` and the time it began).
    static func lasting(seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" }
        return age(seconds: seconds)
    }

    /// Whole seconds, never negative (a clock step back) and 0 for a non-finite span.
    private static func wholeSeconds(_ seconds: Double) -> Int {
        max(0, Int(seconds.isFinite ? seconds.rounded(.down) : 0))
    }

    /// A polling interval: `500ms`, `5s`, `2.5s`, `2m`, `1m 30s`.
    static func interval(_ duration: Duration) -> String {
        let milliseconds = Int((duration.inSecondsValue * 1000).rounded())
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds % 1000 != 0 && milliseconds < 60_000 {
            return "\(Double(milliseconds / 100) / 10)s"
        }
        let seconds = milliseconds / 1000
        if seconds < 60 { return "\(seconds)s" }
        return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds / 60)m \(ClockFormatter.two(seconds % 60))s"
    }
}

extension Duration {
    /// Seconds as a Double (ECEMonitor's `inSeconds` twin, kept here to avoid relying on it).
    var inSecondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
