import Foundation

/// One active alert on one entry point.
public struct Alert: Sendable, Hashable, Identifiable {
    /// What raised it: a chatAllowed reason, or a configured threshold.
    public enum Rule: Sendable, Hashable, CustomStringConvertible {
        case reason(String)
        case waitTimeAtLeast(Double)
        case queueDepthAtLeast(Int)
        case freeSlotsAtMost(Int)
        /// The forecast says the queue is full within this many seconds.
        case fullInAtMost(Double)

        public var description: String {
            switch self {
            case .reason(let reason): reason
            case .waitTimeAtLeast(let seconds): "wait time at or above \(Self.wholeIfWhole(seconds)) s"
            case .queueDepthAtLeast(let depth): "queue depth at or above \(depth)"
            case .freeSlotsAtMost(0): "no free slots"
            case .freeSlotsAtMost(let slots): "free slots at or below \(slots)"
            case .fullInAtMost(let seconds): "queue filling: full within ~\(QueueForecast.approximate(seconds))"
            }
        }

        /// `120`, not `120.0`: thresholds are nearly always whole seconds.
        private static func wholeIfWhole(_ value: Double) -> String {
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
    }

    public var rule: Rule
    public var severity: Severity
    public var since: Date
    public var isAcknowledged: Bool

    public var id: Rule { rule }

    public init(rule: Rule, severity: Severity, since: Date, isAcknowledged: Bool = false) {
        self.rule = rule
        self.severity = severity
        self.since = since
        self.isAcknowledged = isAcknowledged
    }
}

/// Thresholds that raise warnings beside the reason rules; nil disables one.
///
/// Each is inclusive ("at or above", "at or below") because that is how people write
/// them in the config file: `queue-depth = 5` means five waiting chats already warn.
public struct AlertThresholds: Sendable, Hashable {
    /// Warn when the estimated wait is at least this many seconds.
    public var waitTimeAtLeastSeconds: Double?
    /// Warn when at least this many chats wait in the queue.
    public var queueDepthAtLeast: Int?
    /// Warn when free slots drop to this many or fewer (0: only when none are left).
    public var freeSlotsAtMost: Int?
    /// Warn when the queue forecast says full within this many seconds (off by default).
    public var fullInAtMostSeconds: Double?

    public init(waitTimeAtLeastSeconds: Double? = nil, queueDepthAtLeast: Int? = nil, freeSlotsAtMost: Int? = nil,
                fullInAtMostSeconds: Double? = nil) {
        self.waitTimeAtLeastSeconds = waitTimeAtLeastSeconds
        self.queueDepthAtLeast = queueDepthAtLeast
        self.freeSlotsAtMost = freeSlotsAtMost
        self.fullInAtMostSeconds = fullInAtMostSeconds
    }

    /// The alerts these thresholds and the reason rules raise for a snapshot's values.
    func evaluate(_ snapshot: EntryPointSnapshot, at time: Date) -> [(Alert.Rule, Severity)] {
        var raised: [(Alert.Rule, Severity)] = []
        if let chatAllowed = snapshot.chatAllowed, !chatAllowed.allowed {
            let reason = chatAllowed.reason
            raised.append((.reason(reason?.rawValue ?? "not allowed"), reason?.severity ?? .warning))
        }
        if let limit = waitTimeAtLeastSeconds, let status = snapshot.sessionStatus, status.waitTimeSeconds >= limit {
            raised.append((.waitTimeAtLeast(limit), .warning))
        }
        if let limit = queueDepthAtLeast, let status = snapshot.sessionStatus, status.queueDepth >= limit {
            raised.append((.queueDepthAtLeast(limit), .warning))
        }
        if let limit = freeSlotsAtMost, let slots = snapshot.freeSlots, slots <= limit {
            raised.append((.freeSlotsAtMost(limit), .warning))
        }
        if let limit = fullInAtMostSeconds, let seconds = snapshot.queueForecast(at: time)?.secondsToFull, seconds <= limit {
            raised.append((.fullInAtMost(limit), .warning))
        }
        return raised
    }
}
