import ECEChat

/// One entry point as a scenario sets it up, with the queue behind it.
public struct EntryPointSpec: Sendable, Hashable {
    public var id: EntryPointID
    public var name: String
    public var active: Bool = true
    /// ECE's "agent availability required": when false, agentAvailability and checkEligibility
    /// answer as if an agent were there even with nobody logged in.
    public var agentAvailabilityRequired: Bool = true
    /// Blocks new chats for a reason the API does not name; chatAllowed answers `other`.
    public var hold: Bool = false
    public var maxQueueDepth: Int = 10
    public var initialQueueDepth: Int = 0
    /// Mean arrivals per hour before the daily curve is applied.
    public var arrivalsPerHour: Double = 30
    public var handleTime = HandleTimeDistribution(mean: 300)
    /// The agent assignment service instance that routes this entry point's queue.
    public var service: String = ECESimulatorDefaults.service

    public init(id: EntryPointID, name: String? = nil) {
        self.id = id
        self.name = name ?? "Entry point \(id)"
    }
}

/// Names and values shared by presets, scenario files and the command line.
public enum ECESimulatorDefaults {
    public static let service = "aas"
    public static let entryPoints = "1000-1009"
}
