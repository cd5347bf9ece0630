import ECEChat
import ECEMonitor

/// One `[[sites]]` table: a server with its own request budget (and deadline), named so
/// `[[entry-points]]` tables can say `site = "…"`.
public struct ConfiguredSite: Sendable, Hashable {
    public var name: String
    public var server: String
    public var timeout: Double?
    public var maxRate: Double?
    public var burst: Int?
    /// The line of `name`.
    public var line: Int

    public init(name: String, server: String, timeout: Double? = nil, maxRate: Double? = nil, burst: Int? = nil, line: Int) {
        self.name = name
        self.server = server
        self.timeout = timeout
        self.maxRate = maxRate
        self.burst = burst
        self.line = line
    }

    static let keys = ["name", "server", "timeout", "max-rate", "burst"]

    /// Reads the `[[sites]]` array: each needs a unique name and a valid server.
    static func read(_ top: ConfigTableReader) throws(ConfigError) -> [ConfiguredSite] {
        var sites: [ConfiguredSite] = []
        for (index, reader) in try top.arrayOfTables("sites", keysHint: "name/server").enumerated() {
            try reader.rejectUnknownKeys(keys)
            guard let name = try reader.text("name") else {
                throw reader.error(nil, "\"sites[\(index + 1)]\" needs \"name\" (what the dashboard and the metrics call the site)")
            }
            if let earlier = sites.first(where: { $0.name == name.value }) {
                throw reader.error("name", "\"\(reader.name("name"))\": site \"\(name.value)\" is already defined on line \(earlier.line)")
            }
            guard let server = try reader.string("server") else {
                throw reader.error(nil, "\"sites[\(index + 1)]\" (\"\(name.value)\") needs \"server\" (its base URL)")
            }
            do {
                _ = try ChatAPIServer(parsing: server.value)
            } catch {
                throw reader.error("server", "\"\(reader.name("server"))\": \(error.description)")
            }
            sites.append(ConfiguredSite(
                name: name.value, server: server.value,
                timeout: try reader.double("timeout", in: ChatAPIClient.Configuration.requestTimeoutSeconds, unit: "seconds")?.value,
                maxRate: try reader.double("max-rate", in: 0...1_000_000, unit: "requests per second (0 = unlimited)")?.value,
                burst: try reader.int("burst", in: 1...1_000_000)?.value,
                line: name.line))
        }
        return sites
    }
}
