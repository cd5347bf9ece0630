import ECEChat
import ECECommon
import Foundation
import TOMLKit

/// Reads scenario files (TOML); see docs/simulator.md for the format.
public enum ScenarioFile {
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(file: path, line: nil, message: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ScenarioError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ScenarioError(file: file, line: nil, message: "not TOML (\(error))")
        }
        let lines = TOMLKeyLines(text)
        let top = ScenarioTableReader(table: root, section: nil, index: 0, file: file, lines: lines)
        try top.rejectUnknownKeys(["name", "start", "curve", "patience", "stopped_services", "entry_points", "agents", "timeline"])

        var entryPoints: [EntryPointSpec] = []
        var known = Set<EntryPointID>()
        for reader in try tables("entry_points", in: top) {
            for spec in try entryPointSpecs(reader) {
                guard known.insert(spec.id).inserted else { throw reader.error("ids", "entry point \(spec.id) is listed twice") }
                entryPoints.append(spec)
            }
        }
        guard !entryPoints.isEmpty else { throw top.error("entry_points", "the scenario needs at least one [[entry_points]] table") }
        var agents: [AgentGroup] = []
        for reader in try tables("agents", in: top) {
            agents.append(try agentGroup(reader, known: known))
        }
        var scenario = Scenario(name: try top.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, entryPoints: entryPoints, agents: agents)
        if let start = try top.duration("start") {
            guard start < 86_400 else { throw top.error("start", "\"start\" must be a time of day before 24:00:00") }
            scenario.startTimeOfDay = start
        }
        scenario.curve = try curve(top)
        scenario.patience = try top.double("patience") ?? 0
        if let value = root["stopped_services"] {
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                throw top.error("stopped_services", "\"stopped_services\" must be a list of service names")
            }
            scenario.stoppedServices = Set(array.compactMap(\.string))
        }
        for reader in try tables("timeline", in: top) {
            scenario.timeline.append(try timelineEvent(reader, known: known))
        }
        return scenario
    }

    private static func tables(_ key: String, in top: ScenarioTableReader) throws(ScenarioError) -> [ScenarioTableReader] {
        guard let value = top.table[key] else { return [] }
        guard let array = value.array else { throw top.error(key, "\"\(key)\" must be an array of tables: write [[\(key)]]") }
        var readers: [ScenarioTableReader] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else { throw top.error(key, "\"\(key)\" must be an array of tables: write [[\(key)]]") }
            readers.append(ScenarioTableReader(table: table, section: key, index: index, file: top.file, lines: top.lines))
        }
        return readers
    }

    private static func entryPointSpecs(_ reader: ScenarioTableReader) throws(ScenarioError) -> [EntryPointSpec] {
        try reader.rejectUnknownKeys([
            "ids", "name", "active", "agent_availability_required", "hold", "max_queue_depth", "initial_queue_depth",
            "arrivals_per_hour", "handle_time", "handle_time_shape", "handle_time_variation", "service",
        ])
        guard let ids = try reader.entryPoints("ids") else { throw reader.error(nil, "\(reader.place) needs \"ids\" (an ID or a range such as \"1000-1009\")") }
        let name = try reader.string("name")
        var handle = HandleTimeDistribution(mean: 300)
        if let mean = try reader.double("handle_time") {
            guard mean > 0 else { throw reader.error("handle_time", "\"handle_time\" must be above 0 seconds") }
            handle.mean = mean
        }
        if let shape = try reader.string("handle_time_shape") {
            guard let parsed = HandleTimeDistribution.Shape(rawValue: shape) else {
                throw reader.error("handle_time_shape", "\"handle_time_shape\" must be one of \(HandleTimeDistribution.Shape.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(shape)\"")
            }
            handle.shape = parsed
        }
        handle.variation = try reader.double("handle_time_variation") ?? handle.variation
        var specs: [EntryPointSpec] = []
        for id in ids {
            var spec = EntryPointSpec(id: id, name: name.map { ids.count > 1 ? "\($0) \(id)" : $0 })
            spec.active = try reader.bool("active") ?? spec.active
            spec.agentAvailabilityRequired = try reader.bool("agent_availability_required") ?? spec.agentAvailabilityRequired
            spec.hold = try reader.bool("hold") ?? spec.hold
            spec.maxQueueDepth = try reader.int("max_queue_depth") ?? spec.maxQueueDepth
            spec.initialQueueDepth = try reader.int("initial_queue_depth") ?? spec.initialQueueDepth
            spec.arrivalsPerHour = try reader.double("arrivals_per_hour") ?? spec.arrivalsPerHour
            spec.handleTime = handle
            spec.service = try reader.string("service") ?? spec.service
            specs.append(spec)
        }
        return specs
    }

    private static func agentGroup(_ reader: ScenarioTableReader, known: Set<EntryPointID>) throws(ScenarioError) -> AgentGroup {
        try reader.rejectUnknownKeys(["count", "ctl", "entry_points", "logged_in", "initial_load"])
        guard let count = try reader.int("count") else { throw reader.error(nil, "\(reader.place) needs \"count\"") }
        guard let served = try reader.entryPoints("entry_points") else { throw reader.error(nil, "\(reader.place) needs \"entry_points\" (the queues these agents serve)") }
        if let unknown = served.first(where: { !known.contains($0) }) {
            throw reader.error("entry_points", "entry point \(unknown) is not in any [[entry_points]] table")
        }
        let ctl = try reader.int("ctl", minimum: 1) ?? 3
        let load = try reader.int("initial_load") ?? 0
        guard load <= ctl else { throw reader.error("initial_load", "\"initial_load\" (\(load)) cannot exceed \"ctl\" (\(ctl))") }
        return AgentGroup(count: count, concurrentTaskLimit: ctl, entryPoints: served, loggedIn: try reader.bool("logged_in") ?? true, initialLoad: load)
    }

    private static func curve(_ top: ScenarioTableReader) throws(ScenarioError) -> ArrivalCurve {
        guard let value = top.table["curve"] else { return .flat }
        if let name = value.string {
            guard let curve = ArrivalCurve.named(name) else { throw top.error("curve", "\"curve\" must be \"flat\", \"business\" or 24 hourly factors, got \"\(name)\"") }
            return curve
        }
        if let array = value.array {
            let factors = array.map { $0.double ?? $0.int.map(Double.init) ?? -1 }
            if let curve = ArrivalCurve(multipliers: factors), curve.peak > 0 { return curve }
        }
        throw top.error("curve", "\"curve\" must be \"flat\", \"business\" or a list of 24 factors (0 or more, not all 0)")
    }

    static let actions = [
        "stop_service", "start_service", "activate", "deactivate", "hold", "release",
        "log_out", "log_in", "set_max_queue_depth", "set_queue_depth", "set_arrivals_per_hour",
    ]

    private static func timelineEvent(_ reader: ScenarioTableReader, known: Set<EntryPointID>) throws(ScenarioError) -> TimelineEvent {
        try reader.rejectUnknownKeys(["at", "action", "entry_points", "service", "count", "value"])
        guard let at = try reader.duration("at") else { throw reader.error(nil, "\(reader.place) needs \"at\" (such as \"00:02:00\")") }
        guard let action = try reader.string("action") else { throw reader.error(nil, "\(reader.place) needs \"action\" (one of \(actions.joined(separator: ", ")))") }
        let ids = try reader.entryPoints("entry_points")
        if let unknown = ids?.first(where: { !known.contains($0) }) {
            throw reader.error("entry_points", "entry point \(unknown) is not in any [[entry_points]] table")
        }
        func required<T>(_ value: T?, _ key: String, _ what: String) throws(ScenarioError) -> T {
            guard let value else { throw reader.error("action", "action \"\(action)\" needs \"\(key)\" (\(what))") }
            return value
        }
        let parsed: TimelineEvent.Action
        switch action {
        case "stop_service": parsed = .stopService(try reader.string("service"))
        case "start_service": parsed = .startService(try reader.string("service"))
        case "activate": parsed = .setActive(ids, true)
        case "deactivate": parsed = .setActive(ids, false)
        case "hold": parsed = .setHold(ids, true)
        case "release": parsed = .setHold(ids, false)
        case "log_out": parsed = .logOut(count: try required(try reader.int("count"), "count", "how many agents"), entryPoints: ids)
        case "log_in": parsed = .logIn(count: try required(try reader.int("count"), "count", "how many agents"), entryPoints: ids)
        case "set_max_queue_depth": parsed = .setMaxQueueDepth(ids, try required(try reader.int("value"), "value", "the new maximum"))
        case "set_queue_depth": parsed = .setQueueDepth(ids, try required(try reader.int("value"), "value", "the new depth"))
        case "set_arrivals_per_hour": parsed = .setArrivalsPerHour(ids, try required(try reader.double("value"), "value", "chats per hour"))
        default:
            throw reader.error("action", "unknown action \"\(action)\" (known: \(actions.joined(separator: ", ")))")
        }
        return TimelineEvent(at: at, parsed)
    }
}
