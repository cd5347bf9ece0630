/// The answer of `liveSessionStatus`: chats waiting in the queue and the estimated wait.
public struct SessionStatus: Hashable, Sendable {
    public var queueDepth: Int
    /// Estimated wait in seconds (see `WaitTimeUnit`).
    public var waitTimeSeconds: Double

    public init(queueDepth: Int, waitTimeSeconds: Double) {
        self.queueDepth = queueDepth
        self.waitTimeSeconds = waitTimeSeconds
    }
}

/// The unit of the API's `waitTime`, kept in this one place.
///
/// The ECE 11.6 note does not state it; the vendor's later cloud API says seconds. Should a
/// server turn out to send minutes, change `secondsPerUnit` and everything follows.
public enum WaitTimeUnit {
    public static let secondsPerUnit: Double = 1
    public static let symbol = "s"

    /// Formats seconds for people: `3.0 s` below a minute, `2m 05s` up to an hour, `1h 02m` above.
    public static func format(seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds) s" }
        if seconds < 60 {
            let tenths = (seconds * 10).rounded() / 10
            return "\(tenths) s"
        }
        let whole = Int(seconds.rounded())
        if whole < 3600 {
            let minutes = whole / 60, rest = whole % 60
            return "\(minutes)m \(rest < 10 ? "0" : "")\(rest)s"
        }
        let hours = whole / 3600, minutes = (whole % 3600) / 60
        return "\(hours)h \(minutes < 10 ? "0" : "")\(minutes)m"
    }
}
