/// The `responseType` of `checkEligibility`: can the entry point's queue take new chats.
public enum Eligibility: Hashable, Sendable, CustomStringConvertible {
    /// `0`: the queue can take new chats.
    case canTakeChats
    /// `1`: no agent is available for new chats.
    case noAgentAvailable
    /// `2`: the queue's maximum depth is reached.
    case queueDepthReached
    /// A code the vendor's note does not list, kept as the server sent it.
    case unrecognized(Int)

    public init(code: Int) {
        switch code {
        case 0: self = .canTakeChats
        case 1: self = .noAgentAvailable
        case 2: self = .queueDepthReached
        default: self = .unrecognized(code)
        }
    }

    public var code: Int {
        switch self {
        case .canTakeChats: 0
        case .noAgentAvailable: 1
        case .queueDepthReached: 2
        case .unrecognized(let code): code
        }
    }

    public var meaning: String {
        switch self {
        case .canTakeChats: "queue can take new chats"
        case .noAgentAvailable: "no agent available"
        case .queueDepthReached: "queue maximum depth reached"
        case .unrecognized: "code not in the ECE 11.6 note"
        }
    }

    public var description: String { "\(code) (\(meaning))" }
}
