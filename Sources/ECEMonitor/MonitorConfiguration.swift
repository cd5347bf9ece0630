import ECEChat
import Foundation

/// How the monitor polls; every field has a sensible default.
public struct MonitorConfiguration: Sendable {
    /// Labels and groups for entry points, from the config file.
    public struct EntryPointInfo: Sendable, Hashable {
        public var label: String?
        public var group: String?
        /// The queue's maximum depth, for the forecast (else it is learned).
        public var maxQueueDepth: Int?
        public init(label: String? = nil, group: String? = nil, maxQueueDepth: Int? = nil) {
            self.label = label
            self.group = group
            self.maxQueueDepth = maxQueueDepth
        }
    }

    public var interval: Duration = .seconds(5)
    public var calls: [ChatAPICall] = ChatAPICall.allCases
    /// Every how many rounds of an entry point its slower calls go (`--full-every`); nil
    /// chooses the smallest that lets the asked interval fit the budget (`CallRotation`).
    public var fullEvery: Int?
    public var budget = RequestBudget.Configuration()
    public var thresholds = AlertThresholds()
    /// How far back the per entry point history reaches.
    public var historyWindow: Duration = .seconds(3600)
    /// Polls fall due spread over the interval, but go out on this tick (or a fifth of the
    /// interval, if that is shorter): those due between two ticks together, so the process
    /// wakes once a tick rather than once a poll, and a poll is at most a tick late. The budget
    /// still holds; zero sends each poll at its due moment.
    public var pollTick: Duration = .seconds(1)
    /// Longest wait between polls of a failing entry point.
    public var maximumBackoff: Duration = .seconds(60)
    /// Events kept for the log.
    public var eventCapacity = 1000
    /// Share of entry points that must agree before a cause is called system-wide.
    public var diagnosisQuorum = 0.5
    public var entryPointInfo: [EntryPointID: EntryPointInfo] = [:]
    /// Seeds the jitter, so tests see the same schedule every run.
    public var seed: UInt64 = 0x00EC_E70F
    /// Told of every round of answers and every event besides the dashboard: the recorder
    /// (`--record`) and the metrics export.
    public var sinks: [any MonitorSink] = []

    public init() {}

    /// The polling intervals a person may ask for, in seconds: the config file, the flags and
    /// the dashboard's interval keys all hold to it.
    public static let intervalSeconds: ClosedRange<Double> = 0.5...3600
}

extension MonitorConfiguration {
    /// The interval an entry point's staleness is judged against (stale after two of them).
    ///
    /// The steady interval `effective`, except while the entry point's newest data is from its
    /// first round: every entry point's first round asks every call, so under a budget the
    /// first round of them all takes longer than two steady intervals (whose rounds mostly
    /// ask two calls), and the first answered would go stale before their second round came.
    /// - Parameter roundsAnswered: the entry point's rounds that have come back so far.
    public func stalenessInterval(effective: Duration, entryPoints: Int, roundsAnswered: Int) -> Duration {
        guard roundsAnswered <= 1 else { return effective }
        return max(effective, budget.sustainableInterval(entryPoints: entryPoints, callsEach: Double(calls.count)))
    }
}
