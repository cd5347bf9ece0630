import ECEChat
import ECECommon

/// Which calls one round of an entry point makes. `chatAllowed` (state and alerts) and
/// `liveSessionStatus` (queue and wait) go every round; `agentAvailability`, `capacity` and
/// `checkEligibility`, which change less often, every `fullEvery`th round of that entry point,
/// and at once after `chatAllowed`'s answer changed.
public struct CallRotation: Sendable, Hashable {
    /// What a supervisor reads: polled every round.
    public static let everyRound: Set<ChatAPICall> = [.chatAllowed, .liveSessionStatus]
    public static let fullEveryRange = 1...10

    /// Every how many rounds of an entry point all its calls go (1: every round).
    public let fullEvery: Int
    /// The calls configured; those of `everyRound` among them go every round.
    public let calls: [ChatAPICall]

    public init(fullEvery: Int, calls: [ChatAPICall] = ChatAPICall.allCases) {
        self.fullEvery = min(max(fullEvery, Self.fullEveryRange.lowerBound), Self.fullEveryRange.upperBound)
        self.calls = calls
    }

    /// The rotation that lets `entryPoints` be polled every `interval` within `ratePerSecond`:
    /// the smallest N (1…10) whose mean cost per round fits, or 10 when none does (the interval
    /// is then stretched). `fixed` (`--full-every`) wins; an unlimited budget polls all five.
    public init(entryPoints: Int, interval: Duration, ratePerSecond: Double?, calls: [ChatAPICall] = ChatAPICall.allCases,
                fixed: Int? = nil) {
        if let fixed {
            self.init(fullEvery: fixed, calls: calls)
            return
        }
        guard let ratePerSecond, ratePerSecond > 0, entryPoints > 0 else {
            self.init(fullEvery: 1, calls: calls)
            return
        }
        let allowedPerRound = ratePerSecond * interval.inSeconds / Double(entryPoints)
        let chosen = Self.fullEveryRange.first { n in
            CallRotation(fullEvery: n, calls: calls).meanCallsPerRound <= allowedPerRound + 1e-9
        }
        self.init(fullEvery: chosen ?? Self.fullEveryRange.upperBound, calls: calls)
    }

    /// The calls of every round.
    public var frequentCalls: [ChatAPICall] { calls.filter(Self.everyRound.contains) }

    /// The calls only full rounds make.
    public var slowerCalls: [ChatAPICall] { calls.filter { !Self.everyRound.contains($0) } }

    /// Requests per round on average.
    public var meanCallsPerRound: Double {
        Double(frequentCalls.count) + Double(slowerCalls.count) / Double(fullEvery)
    }

    /// Whether round `round` (0 the first, always full) of an entry point is full;
    /// `chatAllowedChanged` says its last round saw a new `chatAllowed` answer. `phase` (the
    /// entry point's place in the list) staggers the full rounds, so that one entry point in N
    /// makes one in any round of all: were they in step, every Nth round of all would cost
    /// five calls each and stretch the interval for everyone.
    public func isFull(round: Int, phase: Int = 0, chatAllowedChanged: Bool) -> Bool {
        chatAllowedChanged || round == 0 || (round + phase) % fullEvery == 0
    }

    /// The calls of round `round`.
    public func calls(round: Int, phase: Int = 0, chatAllowedChanged: Bool) -> [ChatAPICall] {
        isFull(round: round, phase: phase, chatAllowedChanged: chatAllowedChanged) || slowerCalls.isEmpty ? calls : frequentCalls
    }

    /// `slots/agents/eligibility every 3rd`; nil when every round is full.
    public var headerText: String? {
        guard fullEvery > 1, !slowerCalls.isEmpty, !frequentCalls.isEmpty else { return nil }
        let labels: [(ChatAPICall, String)] = [(.capacity, "slots"), (.agentAvailability, "agents"), (.checkEligibility, "eligibility")]
        let names = labels.filter { slowerCalls.contains($0.0) }.map(\.1)
        return "\(names.joined(separator: "/")) every \(Self.ordinal(fullEvery))"
    }

    /// `2nd`, `3rd`, `4th` … `10th`.
    static func ordinal(_ n: Int) -> String {
        switch n {
        case 2: "2nd"
        case 3: "3rd"
        default: "\(n)th"
        }
    }
}
