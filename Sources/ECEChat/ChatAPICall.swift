/// The five status calls of the ECE chat API, named as they appear in the URL path.
public enum ChatAPICall: String, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
    case agentAvailability
    case capacity
    case liveSessionStatus
    case checkEligibility
    case chatAllowed

    /// The root element (XML) a well-formed answer to this call carries.
    public var rootElementName: String {
        switch self {
        case .agentAvailability: "agentAvailability"
        case .capacity: "availableSlots"
        case .liveSessionStatus: "sessionStatus"
        case .checkEligibility: "checkEligibility"
        case .chatAllowed: "chatAllowed"
        }
    }

    public var description: String { rawValue }
}
