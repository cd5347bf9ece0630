/// The whole simulated contact centre at one moment, as `/sim/state` shows it.
public struct SimulationSnapshot: Sendable, Hashable, Codable {
    public var scenario: String
    /// Simulated seconds since the start.
    public var time: Double
    public var timeOfDay: String
    /// Assignment service instances and whether each runs.
    public var services: [String: Bool]
    public var agentsTotal: Int
    public var agentsLoggedIn: Int
    /// Chats the agents handle right now.
    public var agentsLoad: Int
    public var entryPoints: [EntryPointStatus]
}
