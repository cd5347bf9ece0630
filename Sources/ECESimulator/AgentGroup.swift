import ECEChat

/// A number of alike agents serving the queues of some entry points.
public struct AgentGroup: Sendable, Hashable {
    public var count: Int
    /// Concurrent task limit: how many chats one agent handles at once.
    public var concurrentTaskLimit: Int
    public var entryPoints: [EntryPointID]
    public var loggedIn: Bool
    /// Chats each agent already handles when the simulation starts.
    public var initialLoad: Int

    public init(count: Int, concurrentTaskLimit: Int, entryPoints: [EntryPointID], loggedIn: Bool = true, initialLoad: Int = 0) {
        self.count = count
        self.concurrentTaskLimit = concurrentTaskLimit
        self.entryPoints = entryPoints
        self.loggedIn = loggedIn
        self.initialLoad = initialLoad
    }
}
