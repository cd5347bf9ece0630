import ECEChat
import ECECommon

/// The simulated contact centre as a deterministic state machine over simulated seconds.
///
/// A pure value: all randomness comes from seeded generators inside it, and time only moves
/// through `advance(to:)` and `step()`. Each entry point draws from its own stream, so the
/// story at a given time does not depend on how often (or when) anyone looked at it.
public struct SimulationModel: Sendable, Hashable {
    struct WaitingChat: Sendable, Hashable {
        var id: Int
        var arrived: Double
    }

    struct EntryPointState: Sendable, Hashable {
        var spec: EntryPointSpec
        var waiting: [WaitingChat] = []
        var agents: [Int] = []
        var random: SplitMix64
        var arrivalGeneration = 0
        var queued = 0
        var rejected = 0
        var assigned = 0
        var abandoned = 0
    }

    struct AgentState: Sendable, Hashable {
        var concurrentTaskLimit: Int
        var loggedIn: Bool
        var load = 0
        var entryPoints: [Int]
    }

    /// Simulated seconds since the start.
    public private(set) var time: Double = 0
    public let scenarioName: String
    let startTimeOfDay: Double
    let curve: ArrivalCurve
    let patience: Double
    var entryPoints: [EntryPointState] = []
    var indexByID: [EntryPointID: Int] = [:]
    var agents: [AgentState] = []
    var services: [String: Bool] = [:]
    var events = EventQueue()
    let timeline: [TimelineEvent]
    var nextChatID = 0

    public init(scenario: Scenario, seed: UInt64) {
        scenarioName = scenario.name
        startTimeOfDay = scenario.startTimeOfDay
        curve = scenario.curve
        patience = scenario.patience
        timeline = scenario.timeline
        for spec in scenario.entryPoints where indexByID[spec.id] == nil {
            indexByID[spec.id] = entryPoints.count
            entryPoints.append(EntryPointState(spec: spec, random: .derived(seed: seed, stream: UInt64(spec.id.rawValue))))
            services[spec.service] = true
        }
        for name in scenario.stoppedServices { services[name] = false }
        var agentRandom = SplitMix64.derived(seed: seed, stream: 0)
        for group in scenario.agents {
            let served = group.entryPoints.compactMap { indexByID[$0] }
            for _ in 0..<max(0, group.count) {
                let agent = agents.count
                agents.append(AgentState(concurrentTaskLimit: max(0, group.concurrentTaskLimit), loggedIn: group.loggedIn, entryPoints: served))
                for e in served { entryPoints[e].agents.append(agent) }
                guard let first = served.first else { continue }
                for _ in 0..<min(max(0, group.initialLoad), group.concurrentTaskLimit) {
                    agents[agent].load += 1
                    events.schedule(.chatEnd(agent: agent), at: entryPoints[first].spec.handleTime.draw(&agentRandom))
                }
            }
        }
        for e in entryPoints.indices {
            for _ in 0..<max(0, entryPoints[e].spec.initialQueueDepth) { enqueue(e) }
            scheduleArrival(e)
        }
        for (index, event) in scenario.timeline.enumerated() {
            events.schedule(.timeline(index: index), at: max(0, event.at))
        }
        for e in entryPoints.indices { dispatch(e) }
        advance(to: 0)
    }

    // MARK: Time

    /// Runs every event up to and including `target`; never moves time backwards.
    public mutating func advance(to target: Double) {
        while let next = events.nextTime, next <= target {
            step()
        }
        time = max(time, target)
    }

    /// Runs the next scheduled event and returns its time, or nil when nothing is scheduled.
    @discardableResult
    public mutating func step() -> Double? {
        guard let event = events.popFirst() else { return nil }
        time = max(time, event.time)
        switch event.kind {
        case .arrival(let e, let generation):
            guard generation == entryPoints[e].arrivalGeneration else { break }
            scheduleArrival(e)
            arrive(e)
        case .chatEnd(let agent):
            agents[agent].load = max(0, agents[agent].load - 1)
            offerSlots(of: agent)
        case .abandon(let e, let chat):
            if let position = entryPoints[e].waiting.firstIndex(where: { $0.id == chat }) {
                entryPoints[e].waiting.remove(at: position)
                entryPoints[e].abandoned += 1
            }
        case .timeline(let index):
            apply(timeline[index].action)
        }
        return event.time
    }

    /// Simulated wall-clock time of day, `HH:MM:SS`.
    public var timeOfDay: String {
        let seconds = Int((startTimeOfDay + time).rounded(.down)) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    // MARK: Queries

    public var entryPointIDs: [EntryPointID] { entryPoints.map(\.spec.id) }

    public func contains(_ id: EntryPointID) -> Bool { indexByID[id] != nil }

    /// Nil for an entry point the scenario does not have.
    public func status(of id: EntryPointID) -> EntryPointStatus? {
        indexByID[id].map(status(at:))
    }

    /// What a call reports; nil for an unknown entry point, except chatAllowed which ECE answers
    /// with `invalid_entry_point`.
    public func value(for call: ChatAPICall, entryPoint id: EntryPointID) -> ChatAPIValue? {
        if let status = status(of: id) { return status.value(for: call) }
        return call == .chatAllowed ? .chatAllowed(ChatAllowed(allowed: false, reason: .invalidEntryPoint)) : nil
    }

    public var snapshot: SimulationSnapshot {
        SimulationSnapshot(
            scenario: scenarioName, time: time, timeOfDay: timeOfDay, services: services,
            agentsTotal: agents.count, agentsLoggedIn: agents.count(where: \.loggedIn),
            agentsLoad: agents.reduce(0) { $0 + $1.load },
            entryPoints: entryPoints.indices.map(status(at:))
        )
    }

    func status(at e: Int) -> EntryPointStatus {
        let state = entryPoints[e]
        var capacity = 0, limit = 0, loggedIn = 0
        for agent in state.agents where agents[agent].loggedIn {
            loggedIn += 1
            limit += agents[agent].concurrentTaskLimit
            capacity += max(0, agents[agent].concurrentTaskLimit - agents[agent].load)
        }
        let depth = state.waiting.count
        // Chats ahead of a new one, each taking a mean handle time, worked off in parallel by
        // every slot the logged-in agents have.
        let wait = Double(depth) * state.spec.handleTime.mean / Double(max(1, limit))
        return EntryPointStatus(
            id: state.spec.id, name: state.spec.name, active: state.spec.active, hold: state.spec.hold,
            agentAvailabilityRequired: state.spec.agentAvailabilityRequired, service: state.spec.service,
            serviceRunning: services[state.spec.service] ?? true, queueDepth: depth,
            maxQueueDepth: state.spec.maxQueueDepth, waitTime: (wait * 10).rounded() / 10, capacity: capacity,
            agentsLoggedIn: loggedIn, arrivalsPerHour: state.spec.arrivalsPerHour,
            queued: state.queued, rejected: state.rejected, assigned: state.assigned, abandoned: state.abandoned
        )
    }

    // MARK: Changes (the timeline and the control API)

    /// Applies one change now. - Returns: how many entry points, services or agents it touched.
    @discardableResult
    public mutating func apply(_ action: TimelineEvent.Action) -> Int {
        switch action {
        case .stopService(let name):
            let names = name.map { [$0] } ?? Array(services.keys)
            for name in names { services[name] = false }
            return names.count
        case .startService(let name):
            let names = name.map { [$0] } ?? Array(services.keys)
            for name in names { services[name] = true }
            for e in entryPoints.indices where names.contains(entryPoints[e].spec.service) { dispatch(e) }
            return names.count
        case .setActive(let ids, let active):
            return update(ids) { $0.spec.active = active }
        case .setHold(let ids, let hold):
            return update(ids) { $0.spec.hold = hold }
        case .setMaxQueueDepth(let ids, let depth):
            return update(ids) { $0.spec.maxQueueDepth = max(0, depth) }
        case .setQueueDepth(let ids, let depth):
            let targets = indexes(ids)
            for e in targets {
                // Added chats wait until the next event of this queue assigns them, so a depth set
                // through the control API is visible at once even while agents have free slots.
                while entryPoints[e].waiting.count < depth { enqueue(e) }
                if entryPoints[e].waiting.count > max(0, depth) { entryPoints[e].waiting.removeLast(entryPoints[e].waiting.count - max(0, depth)) }
            }
            return targets.count
        case .setArrivalsPerHour(let ids, let rate):
            let targets = indexes(ids)
            for e in targets {
                entryPoints[e].spec.arrivalsPerHour = max(0, rate)
                entryPoints[e].arrivalGeneration += 1
                scheduleArrival(e)
            }
            return targets.count
        case .logOut(let count, let ids):
            let chosen = agentIndexes(serving: ids, loggedIn: true).prefix(max(0, count))
            for agent in chosen { agents[agent].loggedIn = false }
            return chosen.count
        case .logIn(let count, let ids):
            let chosen = agentIndexes(serving: ids, loggedIn: false).prefix(max(0, count))
            for agent in chosen {
                agents[agent].loggedIn = true
                offerSlots(of: agent)
            }
            return chosen.count
        }
    }

    private mutating func update(_ ids: [EntryPointID]?, _ change: (inout EntryPointState) -> Void) -> Int {
        let targets = indexes(ids)
        for e in targets { change(&entryPoints[e]) }
        return targets.count
    }

    private func indexes(_ ids: [EntryPointID]?) -> [Int] {
        guard let ids, !ids.isEmpty else { return Array(entryPoints.indices) }
        return ids.compactMap { indexByID[$0] }
    }

    private func agentIndexes(serving ids: [EntryPointID]?, loggedIn: Bool) -> [Int] {
        let served = ids.flatMap { $0.isEmpty ? nil : Set($0.compactMap { indexByID[$0] }) }
        return agents.indices.filter { agent in
            agents[agent].loggedIn == loggedIn && (served.map { !$0.isDisjoint(with: agents[agent].entryPoints) } ?? true)
        }
    }

    // MARK: Queue mechanics

    /// Schedules the next arrival by thinning a Poisson process at the curve's peak rate, so a
    /// rate that follows the daily curve stays an exact non-homogeneous Poisson process.
    private mutating func scheduleArrival(_ e: Int) {
        let peakRate = entryPoints[e].spec.arrivalsPerHour / 3600 * curve.peak
        guard peakRate > 0, peakRate.isFinite else { return }
        var candidate = time
        for _ in 0..<100_000 {
            candidate += entryPoints[e].random.exponential(mean: 1 / peakRate)
            let acceptance = curve.multiplier(atTimeOfDay: startTimeOfDay + candidate) / curve.peak
            if entryPoints[e].random.unit() < acceptance {
                events.schedule(.arrival(entryPoint: e, generation: entryPoints[e].arrivalGeneration), at: candidate)
                return
            }
        }
    }

    private mutating func arrive(_ e: Int) {
        let spec = entryPoints[e].spec
        let nobody = spec.agentAvailabilityRequired && !entryPoints[e].agents.contains { agents[$0].loggedIn }
        // The customer's site would not offer chat in these states; ECE turns the request away.
        if !spec.active || spec.hold || entryPoints[e].waiting.count >= spec.maxQueueDepth || nobody {
            entryPoints[e].rejected += 1
            return
        }
        enqueue(e)
        dispatch(e)
    }

    private mutating func enqueue(_ e: Int) {
        nextChatID += 1
        entryPoints[e].waiting.append(WaitingChat(id: nextChatID, arrived: time))
        entryPoints[e].queued += 1
        if patience > 0 {
            let leaves = time + entryPoints[e].random.exponential(mean: patience)
            events.schedule(.abandon(entryPoint: e, chat: nextChatID), at: leaves)
        }
    }

    /// Assigns waiting chats of one queue to the serving agent with the most free slots.
    private mutating func dispatch(_ e: Int) {
        guard services[entryPoints[e].spec.service] ?? true else { return }
        while !entryPoints[e].waiting.isEmpty {
            var best: Int?
            var bestFree = 0
            for agent in entryPoints[e].agents where agents[agent].loggedIn {
                let free = agents[agent].concurrentTaskLimit - agents[agent].load
                if free > bestFree { best = agent; bestFree = free }
            }
            guard let best else { return }
            assign(entryPoints[e].waiting.removeFirst(), of: e, to: best)
        }
    }

    /// Gives an agent's free slots to the longest-waiting chats among the queues it serves.
    private mutating func offerSlots(of agent: Int) {
        while agents[agent].loggedIn, agents[agent].load < agents[agent].concurrentTaskLimit {
            var oldest: (e: Int, arrived: Double)?
            for e in agents[agent].entryPoints where services[entryPoints[e].spec.service] ?? true {
                guard let head = entryPoints[e].waiting.first else { continue }
                if oldest == nil || head.arrived < oldest!.arrived { oldest = (e, head.arrived) }
            }
            guard let oldest else { return }
            assign(entryPoints[oldest.e].waiting.removeFirst(), of: oldest.e, to: agent)
        }
    }

    private mutating func assign(_ chat: WaitingChat, of e: Int, to agent: Int) {
        agents[agent].load += 1
        entryPoints[e].assigned += 1
        let handle = entryPoints[e].spec.handleTime.draw(&entryPoints[e].random)
        events.schedule(.chatEnd(agent: agent), at: time + handle)
    }
}
