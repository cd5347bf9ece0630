/// One site (server) of several: its name, address and whether it answers.
public struct SiteStatus: Sendable, Hashable {
    public var name: String
    /// The server, credentials redacted.
    public var server: String
    /// As `MonitorSnapshot.isServerReachable`: nil before the first answer came back.
    public var isReachable: Bool?
    /// The site's own request budget: each site's server sees only its own requests.
    public var budget: RequestBudget.Configuration

    public init(name: String, server: String, isReachable: Bool?, budget: RequestBudget.Configuration = .init()) {
        self.name = name
        self.server = server
        self.isReachable = isReachable
        self.budget = budget
    }

    /// `london`, `london (unreachable)`: how headings and the header name the site.
    public var title: String {
        isReachable == false ? "\(name) (unreachable)" : name
    }
}
