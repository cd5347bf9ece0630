import ECEChat

/// The simulated contact centre: entry points, agents, assignment services and a timeline.
public struct Scenario: Sendable, Hashable {
    public var name: String
    /// Simulated time of day at the start, in seconds after midnight (drives the daily curve).
    public var startTimeOfDay: Double = 9 * 3600
    public var curve: ArrivalCurve = .flat
    /// Mean seconds a waiting customer stays before giving up; 0 means customers never give up.
    public var patience: Double = 0
    public var entryPoints: [EntryPointSpec]
    public var agents: [AgentGroup]
    /// Assignment service instances stopped at the start (all others run).
    public var stoppedServices: Set<String> = []
    public var timeline: [TimelineEvent] = []

    public init(name: String, entryPoints: [EntryPointSpec], agents: [AgentGroup]) {
        self.name = name
        self.entryPoints = entryPoints
        self.agents = agents
    }
}
