/// Why `chatAllowed` answered `allowed="false"`, spelled exactly as the API spells it.
///
/// A reason the vendor's note does not list is kept in `.unrecognized` and shown verbatim:
/// a newer server's reason is news for an administrator, not noise to drop.
public enum ChatAllowedReason: Hashable, Sendable, CustomStringConvertible {
    case queueDepthReached
    case agentNotAvailable
    case serviceNotRunning
    case invalidEntryPoint
    case entryPointInactive
    case other
    case unrecognized(String)

    public static let documented: [ChatAllowedReason] = [
        .queueDepthReached, .agentNotAvailable, .serviceNotRunning,
        .invalidEntryPoint, .entryPointInactive, .other,
    ]

    public init(rawValue: String) {
        switch rawValue {
        case "queue_depth_reached": self = .queueDepthReached
        case "agent_not_available": self = .agentNotAvailable
        case "service_not_running": self = .serviceNotRunning
        case "invalid_entry_point": self = .invalidEntryPoint
        case "entry_point_inactive": self = .entryPointInactive
        case "other": self = .other
        default: self = .unrecognized(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .queueDepthReached: "queue_depth_reached"
        case .agentNotAvailable: "agent_not_available"
        case .serviceNotRunning: "service_not_running"
        case .invalidEntryPoint: "invalid_entry_point"
        case .entryPointInactive: "entry_point_inactive"
        case .other: "other"
        case .unrecognized(let text): text
        }
    }

    /// The vendor note's meaning, for help texts and explanations.
    public var meaning: String {
        switch self {
        case .queueDepthReached: "the queue's maximum depth is reached; no new chats will be processed"
        case .agentNotAvailable: "no agent is available for new chats"
        case .serviceNotRunning: "the agent assignment service is not running"
        case .invalidEntryPoint: "the entry point in the request is invalid"
        case .entryPointInactive: "the entry point in the request is not active"
        case .other: "the entry point cannot take new chats for other reasons"
        case .unrecognized: "a reason the ECE 11.6 note does not list"
        }
    }

    public var description: String { rawValue }
}

/// The answer of `chatAllowed`: whether new chats can be processed, and why not.
public struct ChatAllowed: Hashable, Sendable {
    public var allowed: Bool
    /// Present when the server sent one; servers send it only with `allowed="false"`.
    public var reason: ChatAllowedReason?

    public init(allowed: Bool, reason: ChatAllowedReason? = nil) {
        self.allowed = allowed
        self.reason = reason
    }
}
