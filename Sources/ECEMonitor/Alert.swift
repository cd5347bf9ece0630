import Foundation

/// One active alert on one entry point.
public struct Alert: Sendable, Hashable, Identifiable {
    /// What raised it: a chatAllowed reason, or a configured threshold.
    public enum Rule: Sendable, Hashable, CustomStringConvertible {
        case reason(String)
        case waitTimeAbove(Double)
        case queueDepthAbove(Int)
        case noFreeSlots

        public var description: String {
            switch self {
            case .reason(let reason): reason
            case .waitTimeAbove(let seconds): "wait time above \(seconds) s"
            case .queueDepthAbove(let depth): "queue depth above \(depth)"
            case .noFreeSlots: "no free slots"
            }
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

/// Thresholds that raise alerts beside the reason rules; nil disables one.
public struct AlertThresholds: Sendable, Hashable {
    /// Warn when the estimated wait exceeds this many seconds.
    public var waitTimeAboveSeconds: Double?
    /// Warn when more chats than this wait in the queue.
    public var queueDepthAbove: Int?
    /// Warn when free slots drop to zero.
    public var warnOnNoFreeSlots: Bool

    public init(waitTimeAboveSeconds: Double? = nil, queueDepthAbove: Int? = nil, warnOnNoFreeSlots: Bool = false) {
        self.waitTimeAboveSeconds = waitTimeAboveSeconds
        self.queueDepthAbove = queueDepthAbove
        self.warnOnNoFreeSlots = warnOnNoFreeSlots
    }

    /// The alerts these thresholds and the reason rules raise for a snapshot's values.
    func evaluate(_ snapshot: EntryPointSnapshot) -> [(Alert.Rule, Severity)] {
        var raised: [(Alert.Rule, Severity)] = []
        if let chatAllowed = snapshot.chatAllowed, !chatAllowed.allowed {
            let reason = chatAllowed.reason
            raised.append((.reason(reason?.rawValue ?? "not allowed"), reason?.severity ?? .warning))
        }
        if let limit = waitTimeAboveSeconds, let status = snapshot.sessionStatus, status.waitTimeSeconds > limit {
            raised.append((.waitTimeAbove(limit), .warning))
        }
        if let limit = queueDepthAbove, let status = snapshot.sessionStatus, status.queueDepth > limit {
            raised.append((.queueDepthAbove(limit), .warning))
        }
        if warnOnNoFreeSlots, snapshot.freeSlots == 0 {
            raised.append((.noFreeSlots, .warning))
        }
        return raised
    }
}
