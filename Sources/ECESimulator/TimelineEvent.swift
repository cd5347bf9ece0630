import ECEChat

/// Something a scenario makes happen at a fixed simulated time.
public struct TimelineEvent: Sendable, Hashable {
    /// What changes; a nil or empty entry point list means all entry points.
    public enum Action: Sendable, Hashable {
        case stopService(String?)
        case startService(String?)
        case setActive([EntryPointID]?, Bool)
        case setHold([EntryPointID]?, Bool)
        case logOut(count: Int, entryPoints: [EntryPointID]?)
        case logIn(count: Int, entryPoints: [EntryPointID]?)
        case setMaxQueueDepth([EntryPointID]?, Int)
        case setQueueDepth([EntryPointID]?, Int)
        case setArrivalsPerHour([EntryPointID]?, Double)
    }

    /// Seconds after the start of the simulation.
    public var at: Double
    public var action: Action

    public init(at: Double, _ action: Action) {
        self.at = at
        self.action = action
    }
}
