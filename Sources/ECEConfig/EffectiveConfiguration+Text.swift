import ECEChat
import Foundation

extension EffectiveConfiguration {
    /// The settings as TOML-ish text, each line commented with its source; what `config check` prints.
    public var text: String {
        var lines = ["# ecetop configuration" + (path.map { " from \($0)" } ?? " (no config file: defaults and flags only)")]
        func add(_ assignment: String, _ source: ConfigSource) {
            let padded = assignment.count < 40 ? assignment + String(repeating: " ", count: 40 - assignment.count) : assignment + " "
            lines.append(padded + "# " + source.description)
        }
        func optional<T: Sendable & Hashable>(_ key: String, _ setting: Setting<T?>, _ show: (T) -> String, off: String) {
            if let value = setting.value { add("\(key) = \(show(value))", setting.source) } else { add("# \(key) not set: \(off)", setting.source) }
        }
        if let server {
            // Credentials in the URL must never reach the screen.
            add("server = \(Self.quoted(ChatAPIServer.redactingCredentials(in: server.value)))", server.source)
        } else if !siteTables.isEmpty {
            lines.append("# server: each of the [[sites]] below names its own")
        } else {
            lines.append("# server not set: pass --server URL, set $ECETOP_SERVER or write server = \"URL\"")
        }
        add("interval = \(Self.number(interval.value))", interval.source)
        optional("full-every", fullEvery, { String($0) }, off: "the smallest that fits the budget")
        add("timeout = \(Self.number(timeout.value))", timeout.source)
        add("max-rate = \(Self.number(maxRate.value))", maxRate.source)
        add("burst = \(burst.value)", burst.source)
        add("theme = \(Self.quoted(theme.value))", theme.source)
        add("view = \(Self.quoted(view.value))", view.source)
        add("bell = \(bell.value)", bell.source)
        optional("proxy", proxy, { Self.quoted(ChatAPIServer.redactingCredentials(in: $0)) }, off: "$HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY")
        lines.append("")
        lines.append("[thresholds]")
        optional("wait-time", waitTime, Self.number, off: "no wait-time warning")
        optional("queue-depth", queueDepth, { String($0) }, off: "no queue-depth warning")
        optional("free-slots", freeSlots, { String($0) }, off: "no free-slots warning")
        optional("full-in", fullIn, Self.number, off: "no queue-filling forecast warning")
        lines.append("")
        lines.append("[wall]")
        add("enabled = \(wallEnabled.value)", wallEnabled.source)
        add("rotate = \(wallRotate.value)", wallRotate.source)
        for site in siteTables {
            lines.append("")
            add("[[sites]]", path.map { ConfigSource.file(path: $0, line: site.line) } ?? .builtIn)
            lines.append("name = \(Self.quoted(site.name))")
            lines.append("server = \(Self.quoted(ChatAPIServer.redactingCredentials(in: site.server)))")
            let resolved = self.sites.first { $0.name == site.name }
            if let resolved {
                lines.append("timeout = \(Self.number(resolved.timeout))")
                lines.append("max-rate = \(Self.number(resolved.maxRate))")
                lines.append("burst = \(resolved.burst)")
            }
        }
        for table in entryPointTables {
            lines.append("")
            add("[[entry-points]]", path.map { ConfigSource.file(path: $0, line: table.line) } ?? .builtIn)
            if let site = table.site { lines.append("site = \(Self.quoted(site))") }
            lines.append("ids = \(Self.quoted(Self.ranges(table.ids)))")
            if let group = table.group { lines.append("group = \(Self.quoted(group))") }
            if let label = table.label { lines.append("label = \(Self.quoted(label))") }
            if let maximum = table.maxQueueDepth { lines.append("max-queue-depth = \(maximum)") }
        }
        lines.append("")
        let watched = entryPoints.value.isEmpty ? "none" : "\(entryPoints.value.count) (\(Self.ranges(entryPoints.value)))"
        if sites.isEmpty {
            lines.append("# entry points watched: \(watched), from \(entryPoints.source)")
        } else {
            let perSite = sites.map { "\($0.name) \($0.entryPoints.count) (\(Self.ranges($0.entryPoints)))" }
            lines.append("# entry points watched: \(perSite.joined(separator: ", ")), from \(entryPoints.source)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `5`, not `5.0`; `2.5` as is.
    public static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A TOML basic string, escaping what TOML requires.
    static func quoted(_ text: String) -> String {
        // Backslashes first, so the ones added before quotes are not doubled again.
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `1000-1003,1007`: runs of consecutive IDs as ranges, in the order given.
    static func ranges(_ ids: [EntryPointID]) -> String {
        var parts: [String] = []
        var index = 0
        while index < ids.count {
            var end = index
            while end + 1 < ids.count, ids[end + 1].rawValue == ids[end].rawValue + 1 { end += 1 }
            parts.append(end == index ? "\(ids[index])" : "\(ids[index])-\(ids[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
