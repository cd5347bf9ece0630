/// A decoded answer of one status call.
public enum ChatAPIValue: Hashable, Sendable {
    case agentAvailability(Bool)
    /// Free slots: the agents' concurrent task limits less their current load.
    case capacity(Int)
    case sessionStatus(SessionStatus)
    case eligibility(Eligibility)
    case chatAllowed(ChatAllowed)

    public var call: ChatAPICall {
        switch self {
        case .agentAvailability: .agentAvailability
        case .capacity: .capacity
        case .sessionStatus: .liveSessionStatus
        case .eligibility: .checkEligibility
        case .chatAllowed: .chatAllowed
        }
    }
}
