import ECEChat

/// Whether a customer could start a chat on an entry point: what `chatAllowed` last said while
/// its answer stood, or unknown (not yet polled, failing, stale).
public enum ChatState: Hashable, Sendable, Comparable, CustomStringConvertible {
    case allowed
    /// Refused, with the reason as the server spelled it (`not allowed` when it gave none).
    case refused(String)
    case unknown

    /// The state a `chatAllowed` answer stands for.
    public init(_ answer: ChatAllowed) {
        self = answer.allowed ? .allowed : .refused(answer.reason?.rawValue ?? "not allowed")
    }

    /// `allowed`, the reason as the API spells it, or `unknown`.
    public var description: String {
        switch self {
        case .allowed: "allowed"
        case .refused(let reason): reason
        case .unknown: "unknown"
        }
    }

    /// How bad it is for customers: what the panel's reason rules say of a refusal.
    public var severity: Severity {
        switch self {
        case .allowed: .ok
        case .refused(let reason): reason == "not allowed" ? .warning : ChatAllowedReason(rawValue: reason).severity
        case .unknown: .unknown
        }
    }

    /// Allowed first, then refusals by reason, unknown last: the order breakdowns list them in.
    public static func < (lhs: ChatState, rhs: ChatState) -> Bool {
        switch (lhs, rhs) {
        case (.allowed, .allowed), (.unknown, _): false
        case (.allowed, _), (.refused, .unknown): true
        case (.refused(let left), .refused(let right)): left < right
        case (.refused, .allowed): false
        }
    }
}
