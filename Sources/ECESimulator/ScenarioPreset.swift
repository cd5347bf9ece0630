import ECEChat

/// The built-in scenarios, each built for any list of entry point IDs.
public enum ScenarioPreset: String, Sendable, CaseIterable {
    /// Few chats, many free agents: chat is allowed everywhere almost all the time.
    case calm
    /// A working day near capacity: queues build at the peaks and sometimes reach their maximum.
    case busy
    /// After a minute the assignment service stops and half the agents leave; queues fill to their
    /// maximum; at five minutes the service restarts, the agents return and the queues drain.
    case meltdown
    /// Every chatAllowed reason at once, by entry point position (cycle of seven); any ID outside
    /// the list answers `invalid_entry_point`. The allowed ones are busy: their queues rise and
    /// fall as chats arrive, are handled and abandoned; the full queue stays full with a wait of
    /// minutes.
    case mixed

    /// The assignment service instance `mixed` keeps stopped.
    public static let stoppedServiceInMixed = "aas-2"

    public func scenario(entryPoints ids: [EntryPointID]) -> Scenario {
        switch self {
        case .calm: calm(ids)
        case .busy: busy(ids)
        case .meltdown: meltdown(ids)
        case .mixed: mixed(ids)
        }
    }

    private func calm(_ ids: [EntryPointID]) -> Scenario {
        var specs: [EntryPointSpec] = []
        var agents: [AgentGroup] = []
        for id in ids {
            var spec = EntryPointSpec(id: id, name: "Support \(id)")
            spec.arrivalsPerHour = 20
            spec.handleTime = HandleTimeDistribution(shape: .lognormal, mean: 240)
            spec.maxQueueDepth = 10
            specs.append(spec)
            agents.append(AgentGroup(count: 3, concurrentTaskLimit: 3, entryPoints: [id]))
        }
        return Scenario(name: rawValue, entryPoints: specs, agents: agents)
    }

    private func busy(_ ids: [EntryPointID]) -> Scenario {
        var specs: [EntryPointSpec] = []
        var agents: [AgentGroup] = []
        for id in ids {
            var spec = EntryPointSpec(id: id, name: "Sales \(id)")
            spec.arrivalsPerHour = 70
            spec.handleTime = HandleTimeDistribution(shape: .lognormal, mean: 300)
            spec.maxQueueDepth = 8
            spec.initialQueueDepth = 2
            specs.append(spec)
            agents.append(AgentGroup(count: 2, concurrentTaskLimit: 4, entryPoints: [id], initialLoad: 3))
        }
        var scenario = Scenario(name: rawValue, entryPoints: specs, agents: agents)
        scenario.curve = .business
        scenario.startTimeOfDay = 10 * 3600
        scenario.patience = 240
        return scenario
    }

    private func meltdown(_ ids: [EntryPointID]) -> Scenario {
        var specs: [EntryPointSpec] = []
        var agents: [AgentGroup] = []
        for id in ids {
            var spec = EntryPointSpec(id: id, name: "Billing \(id)")
            spec.arrivalsPerHour = 180
            spec.handleTime = HandleTimeDistribution(shape: .lognormal, mean: 100)
            spec.maxQueueDepth = 6
            specs.append(spec)
            agents.append(AgentGroup(count: 2, concurrentTaskLimit: 4, entryPoints: [id], initialLoad: 2))
        }
        var scenario = Scenario(name: rawValue, entryPoints: specs, agents: agents)
        // Half the agents leave while the service is down (one per queue, so every queue keeps
        // someone and customers keep arriving into the queue), and come back after it restarts.
        scenario.timeline = [TimelineEvent(at: 60, .stopService(nil))]
            + ids.map { TimelineEvent(at: 90, .logOut(count: 1, entryPoints: [$0])) }
            + [TimelineEvent(at: 300, .startService(nil))]
            + ids.map { TimelineEvent(at: 330, .logIn(count: 1, entryPoints: [$0])) }
        return scenario
    }

    private func mixed(_ ids: [EntryPointID]) -> Scenario {
        var specs: [EntryPointSpec] = []
        var agents: [AgentGroup] = []
        for (position, id) in ids.enumerated() {
            var spec = EntryPointSpec(id: id)
            spec.arrivalsPerHour = 20
            spec.handleTime = HandleTimeDistribution(shape: .lognormal, mean: 240)
            var group = AgentGroup(count: 3, concurrentTaskLimit: 3, entryPoints: [id])
            switch position % 7 {
            case 0:
                // Every slot taken and a short queue from the start; arrivals a little below
                // what nine slots handle, so the queue wanders instead of filling up.
                spec.name = "Allowed \(id)"
                spec.arrivalsPerHour = 200
                spec.handleTime = HandleTimeDistribution(shape: .lognormal, mean: 150)
                spec.maxQueueDepth = 8
                spec.initialQueueDepth = 2
                group.initialLoad = 3
            case 1:
                spec.name = "Inactive \(id)"
                spec.active = false
            case 2:
                spec.name = "Service stopped \(id)"
                spec.service = Self.stoppedServiceInMixed
            case 3:
                // Chats arrive far faster than one agent's two slots take them: the queue is at
                // its maximum nearly all the time, and refills within seconds when a slot frees.
                spec.name = "Queue full \(id)"
                spec.maxQueueDepth = 3
                spec.initialQueueDepth = 3
                spec.arrivalsPerHour = 3600
                spec.handleTime = HandleTimeDistribution(shape: .lognormal, mean: 300)
                group = AgentGroup(count: 1, concurrentTaskLimit: 2, entryPoints: [id], initialLoad: 2)
            case 4:
                spec.name = "No agent \(id)"
                group.loggedIn = false
            case 5:
                spec.name = "Held \(id)"
                spec.hold = true
            default:
                spec.name = "Availability not required \(id)"
                spec.agentAvailabilityRequired = false
                group.count = 0
            }
            specs.append(spec)
            agents.append(group)
        }
        var scenario = Scenario(name: rawValue, entryPoints: specs, agents: agents)
        scenario.stoppedServices = [Self.stoppedServiceInMixed]
        scenario.patience = 240
        return scenario
    }
}
