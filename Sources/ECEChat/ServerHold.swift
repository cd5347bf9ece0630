import Foundation
import NIOConcurrencyHelpers

/// A server's request to be left alone for a while (`429`/`503`, usually with `Retry-After`):
/// until the time it gave, the client sends it nothing.
///
/// A lock rather than actor state, so a monitor's scheduling loop can look at it on every
/// turn without a hop to the client.
public final class ServerHold: Sendable {
    /// Why and until when requests are held back.
    public struct Hold: Sendable, Hashable {
        /// No request before this time.
        public var until: Date
        /// The status that asked for it (429 or 503).
        public var status: Int
        public var call: ChatAPICall?
        public var entryPoint: EntryPointID?

        public init(until: Date, status: Int, call: ChatAPICall? = nil, entryPoint: EntryPointID? = nil) {
            self.until = until
            self.status = status
            self.call = call
            self.entryPoint = entryPoint
        }
    }

    /// Used when the server gives no (or no readable) `Retry-After`.
    public static let defaultWait: Duration = .seconds(30)
    /// No server holds ecetop off longer than this, whatever it asks.
    public static let maximumWait: Duration = .seconds(600)

    private let state = NIOLockedValueBox<Hold?>(nil)

    public init() {}

    /// The hold in force at `now`, if any.
    public func current(at now: Date) -> Hold? {
        state.withLockedValue { hold in
            guard let active = hold, active.until > now else { return nil }
            return active
        }
    }

    /// Holds requests until `hold.until`, unless a hold already reaches further.
    public func extend(_ hold: Hold) {
        state.withLockedValue { current in
            if let existing = current, existing.until >= hold.until { return }
            current = hold
        }
    }

    /// When a `Retry-After` value (seconds or an HTTP date) received at `now` lets requests
    /// resume: 30 s after `now` when absent or unreadable, never more than 10 minutes after.
    public static func resumeTime(retryAfter: String?, at now: Date) -> Date {
        let asked = retryAfter.flatMap { delay(in: $0, at: now) } ?? defaultWait.timeInterval
        return now.addingTimeInterval(min(max(0, asked), maximumWait.timeInterval))
    }

    /// Seconds from `now` a `Retry-After` value names; nil when it is neither form.
    static func delay(in value: String, at now: Date) -> TimeInterval? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // A huge number of seconds is still a number: the cap applies, not the default.
            return TimeInterval(text) ?? maximumWait.timeInterval
        }
        return httpDate(text).map { $0.timeIntervalSince(now) }
    }

    /// The three date forms RFC 9110 requires a recipient to accept.
    private static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// `15:04:12` in the local time zone, as the header and messages show a resume time.
    public static func clockText(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
