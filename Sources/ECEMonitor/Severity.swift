import ECEChat

/// How bad an entry point's state is, in the monitoring-plugin convention's order.
public enum Severity: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible, Codable {
    case ok = 0
    case warning = 1
    case unknown = 2
    case critical = 3

    /// The monitoring-plugin exit status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    public var exitStatus: Int32 {
        switch self {
        case .ok: 0
        case .warning: 1
        case .critical: 2
        case .unknown: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .unknown: "UNKNOWN"
        case .critical: "CRITICAL"
        }
    }
}

extension ChatAllowedReason {
    /// The built-in alert rule for a reason: what stops chats for everyone is critical, what an
    /// administrator chose or a shift change explains is a warning.
    public var severity: Severity {
        switch self {
        case .queueDepthReached, .serviceNotRunning, .invalidEntryPoint: .critical
        case .agentNotAvailable, .entryPointInactive, .other, .unrecognized: .warning
        }
    }
}
