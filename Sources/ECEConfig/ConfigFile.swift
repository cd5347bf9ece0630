import ECEChat
import ECECommon
import ECEMonitor
import Foundation
import TOMLKit

/// The values one config file sets, each with its line; nil where the file is silent.
public struct ConfigFile: Sendable, Hashable {
    /// The path as given, which errors and `config check` print.
    public var path: String
    public var server: ConfigValue<String>?
    public var interval: ConfigValue<Double>?
    /// Every how many rounds the slower calls go; absent: chosen to fit the budget.
    public var fullEvery: ConfigValue<Int>?
    public var timeout: ConfigValue<Double>?
    public var maxRate: ConfigValue<Double>?
    public var burst: ConfigValue<Int>?
    public var theme: ConfigValue<String>?
    /// The HTTP proxy every server is reached through (unless `NO_PROXY` covers it).
    public var proxy: ConfigValue<String>?
    public var waitTime: ConfigValue<Double>?
    public var queueDepth: ConfigValue<Int>?
    public var freeSlots: ConfigValue<Int>?
    public var fullIn: ConfigValue<Double>?
    public var wallEnabled: ConfigValue<Bool>?
    public var wallRotate: ConfigValue<Int>?
    /// `grid`, `table` or `auto`.
    public var view: ConfigValue<String>?
    public var bell: ConfigValue<Bool>?
    public var entryPoints: [ConfiguredEntryPoints] = []
    /// `[[sites]]`: several servers, each with its own budget; empty for one `server`.
    public var sites: [ConfiguredSite] = []

    public init(path: String) {
        self.path = path
    }

    static let topLevelKeys = ["server", "interval", "full-every", "timeout", "max-rate", "burst", "theme", "proxy", "view", "bell", "thresholds", "wall", "entry-points", "sites"]
    /// What `view` may say (the dashboard's `DashboardViewMode`, spelled here without it).
    public static let viewModes = ["grid", "table", "auto"]
    static let thresholdKeys = ["wait-time", "queue-depth", "free-slots", "full-in"]
    static let wallKeys = ["enabled", "rotate"]
    static let entryPointKeys = ["ids", "group", "label", "site", "max-queue-depth"]

    /// Reads and checks the file at `path`; a missing or unreadable file is an error too.
    public static func load(path: String) throws(ConfigError) -> ConfigFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(file: path, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw ConfigError(file: path, line: nil, message: "is a directory, not a config file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, message: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Checks `text` as the contents of `path` (which only names the file in errors).
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        // toml++ stops at a NUL and would report a confusing position past it.
        if let nul = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.contains("\u{0}") }) {
            throw ConfigError(file: path, line: nul + 1, message: "TOML syntax error: NUL character in the file")
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: path, line: error.source.begin.line, column: error.source.begin.column,
                              message: "TOML syntax error at column \(error.source.begin.column): \(error.description)")
        } catch {
            throw ConfigError(file: path, line: nil, message: "TOML syntax error: \(error)")
        }
        let lines = TOMLKeyLines(text)
        let top = ConfigTableReader(table: root, prefix: "", position: .top, file: path, lines: lines)
        try top.rejectUnknownKeys(topLevelKeys)

        var file = ConfigFile(path: path)
        if let server = try top.string("server") {
            do {
                _ = try ChatAPIServer(parsing: server.value)
            } catch {
                throw top.error("server", "\"server\": \(error.description)")
            }
            file.server = server
        }
        file.interval = try top.double("interval", in: MonitorConfiguration.intervalSeconds, unit: "seconds")
        file.fullEvery = try top.int("full-every", in: CallRotation.fullEveryRange)
        file.timeout = try top.double("timeout", in: ChatAPIClient.Configuration.requestTimeoutSeconds, unit: "seconds")
        file.maxRate = try top.double("max-rate", in: 0...1_000_000, unit: "requests per second (0 = unlimited)")
        file.burst = try top.int("burst", in: 1...1_000_000)
        file.theme = try top.text("theme")
        if let view = try top.string("view") {
            guard viewModes.contains(view.value) else {
                throw top.error("view", "\"view\": must be one of \(viewModes.joined(separator: ", ")), got \"\(view.value)\"")
            }
            file.view = view
        }
        file.bell = try top.bool("bell")
        if let proxy = try top.text("proxy") {
            do {
                _ = try HTTPProxy(parsing: proxy.value)
            } catch {
                throw top.error("proxy", "\"proxy\": \(error.description)")
            }
            file.proxy = proxy
        }

        if let thresholds = try top.subtable("thresholds") {
            try thresholds.rejectUnknownKeys(thresholdKeys)
            file.waitTime = try thresholds.double("wait-time", in: 0...86_400, unit: "seconds")
            file.queueDepth = try thresholds.int("queue-depth", in: 1...1_000_000)
            file.freeSlots = try thresholds.int("free-slots", in: 0...1_000_000)
            file.fullIn = try thresholds.double("full-in", in: 1...86_400, unit: "seconds")
        }
        if let wall = try top.subtable("wall") {
            try wall.rejectUnknownKeys(wallKeys)
            file.wallEnabled = try wall.bool("enabled")
            file.wallRotate = try wall.int("rotate", in: 1...3600)
        }
        file.sites = try ConfiguredSite.read(top)
        if !file.sites.isEmpty, file.server != nil {
            throw top.error("server", "\"server\" and [[sites]] cannot both be set: give each site its own server")
        }
        file.entryPoints = try entryPoints(top, sites: file.sites)
        for site in file.sites where !file.entryPoints.contains(where: { $0.site == site.name }) {
            throw ConfigError(file: path, line: site.line, message: "site \"\(site.name)\" has no [[entry-points]] with site = \"\(site.name)\"")
        }
        return file
    }

    /// The `site` of an `[[entry-points]]` table: required when the file lists sites, refused otherwise.
    private static func site(of reader: ConfigTableReader, index: Int, sites: [ConfiguredSite]) throws(ConfigError) -> String? {
        let names = sites.map(\.name)
        guard let site = try reader.string("site") else {
            guard sites.isEmpty else {
                throw reader.error(nil, "\"entry-points[\(index + 1)]\" needs \"site\" when the file lists [[sites]] (one of: \(names.joined(separator: ", ")))")
            }
            return nil
        }
        guard !sites.isEmpty else {
            throw reader.error("site", "\"\(reader.name("site"))\": the file lists no [[sites]]; add them, or drop \"site\" to use \"server\"")
        }
        guard names.contains(site.value) else {
            var message = "\"\(reader.name("site"))\": no site \"\(site.value)\""
            if let suggestion = KeySuggestion.nearest(to: site.value, in: names) {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += " (sites: \(names.joined(separator: ", ")))"
            }
            throw reader.error("site", message)
        }
        return site.value
    }

    private static func entryPoints(_ top: ConfigTableReader, sites: [ConfiguredSite]) throws(ConfigError) -> [ConfiguredEntryPoints] {
        var result: [ConfiguredEntryPoints] = []
        // The same ID may be on two sites (two servers), not twice on one.
        var firstLine: [String: [EntryPointID: Int]] = [:]
        for (index, reader) in try top.arrayOfTables("entry-points", keysHint: "ids/group/label").enumerated() {
            try reader.rejectUnknownKeys(entryPointKeys)
            guard let ids = try reader.entryPointIDs("ids") else {
                throw reader.error(nil, "\"entry-points[\(index + 1)]\" needs \"ids\" (an ID such as 1000 or a range such as \"1000-1003\")")
            }
            let site = try site(of: reader, index: index, sites: sites)
            for id in ids.value {
                if let earlier = firstLine[site ?? "", default: [:]][id] {
                    let on = site.map { " for site \"\($0)\"" } ?? ""
                    throw reader.error("ids", "\"\(reader.name("ids"))\": entry point \(id) is already listed\(on) on line \(earlier)")
                }
                firstLine[site ?? "", default: [:]][id] = ids.line
            }
            result.append(ConfiguredEntryPoints(ids: ids.value, group: try reader.text("group")?.value,
                                                label: try reader.text("label")?.value, line: ids.line, site: site,
                                                maxQueueDepth: try reader.int("max-queue-depth", in: 1...1_000_000)?.value))
        }
        return result
    }
}
