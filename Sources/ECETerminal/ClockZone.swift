#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whose hours the clock shows: the machine's local time or a fixed offset from UTC.
///
/// Not Foundation's `TimeZone`: on Linux, `TimeZone.current` and a `Calendar` read ICU's zone
/// data and keep it resident from then on, for a header that shows `HH:MM:SS`. libc's
/// `localtime_r` reads the same `TZ` and `/etc/localtime` rules with none of it.
public enum ClockZone: Sendable, Hashable {
    /// libc's local time: `TZ`, else `/etc/localtime`.
    case local
    /// A fixed offset east of UTC, in seconds (tests pin `.utc` to get the same text anywhere).
    case fixed(secondsEastOfUTC: Int)

    public static let utc = ClockZone.fixed(secondsEastOfUTC: 0)

    /// The calendar fields of `secondsSince1970` in this zone.
    func fields(secondsSince1970: Double) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let whole = secondsSince1970.isFinite ? secondsSince1970.rounded(.down) : 0
        var parts = tm()
        switch self {
        case .local:
            var time = time_t(whole)
            localtime_r(&time, &parts)
        case .fixed(let offset):
            var time = time_t(whole) + time_t(offset)
            gmtime_r(&time, &parts)
        }
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
