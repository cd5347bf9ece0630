import ECEChat

/// Everything the simulator knows about one entry point at one simulated time; what the five
/// calls answer is derived from it alone.
public struct EntryPointStatus: Sendable, Hashable, Codable {
    public var id: EntryPointID
    public var name: String
    public var active: Bool
    public var hold: Bool
    public var agentAvailabilityRequired: Bool
    public var service: String
    public var serviceRunning: Bool
    public var queueDepth: Int
    public var maxQueueDepth: Int
    /// Estimated wait for a new chat, in seconds.
    public var waitTime: Double
    /// Free slots: CTL less load, summed over the logged-in agents serving the queue.
    public var capacity: Int
    public var agentsLoggedIn: Int
    public var arrivalsPerHour: Double
    /// Chats that arrived and were queued, turned away, assigned to an agent, and abandoned.
    public var queued: Int
    public var rejected: Int
    public var assigned: Int
    public var abandoned: Int

    /// What agentAvailability answers: true when not required, as ECE does.
    public var agentAvailable: Bool { !agentAvailabilityRequired || agentsLoggedIn > 0 }

    public var eligibility: Eligibility {
        if queueDepth >= maxQueueDepth { return .queueDepthReached }
        if !agentAvailable { return .noAgentAvailable }
        return .canTakeChats
    }

    /// The reference's rules, first match wins: inactive, service stopped, queue full, no agent,
    /// then the catch-all `other` for a held entry point.
    public var chatAllowed: ChatAllowed {
        if !active { return ChatAllowed(allowed: false, reason: .entryPointInactive) }
        if !serviceRunning { return ChatAllowed(allowed: false, reason: .serviceNotRunning) }
        if queueDepth >= maxQueueDepth { return ChatAllowed(allowed: false, reason: .queueDepthReached) }
        if !agentAvailable { return ChatAllowed(allowed: false, reason: .agentNotAvailable) }
        if hold { return ChatAllowed(allowed: false, reason: .other) }
        return ChatAllowed(allowed: true)
    }

    /// The decoded value each call reports.
    public func value(for call: ChatAPICall) -> ChatAPIValue {
        switch call {
        case .agentAvailability: .agentAvailability(agentAvailable)
        case .capacity: .capacity(capacity)
        case .liveSessionStatus: .sessionStatus(SessionStatus(queueDepth: queueDepth, waitTimeSeconds: waitTime))
        case .checkEligibility: .eligibility(eligibility)
        case .chatAllowed: .chatAllowed(chatAllowed)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, active, hold, agentAvailabilityRequired, service, serviceRunning, queueDepth, maxQueueDepth
        case waitTime, capacity, agentsLoggedIn, arrivalsPerHour, queued, rejected, assigned, abandoned
        case agentAvailable, responseType, allowed, reason
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(EntryPointID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        active = try c.decode(Bool.self, forKey: .active)
        hold = try c.decode(Bool.self, forKey: .hold)
        agentAvailabilityRequired = try c.decode(Bool.self, forKey: .agentAvailabilityRequired)
        service = try c.decode(String.self, forKey: .service)
        serviceRunning = try c.decode(Bool.self, forKey: .serviceRunning)
        queueDepth = try c.decode(Int.self, forKey: .queueDepth)
        maxQueueDepth = try c.decode(Int.self, forKey: .maxQueueDepth)
        waitTime = try c.decode(Double.self, forKey: .waitTime)
        capacity = try c.decode(Int.self, forKey: .capacity)
        agentsLoggedIn = try c.decode(Int.self, forKey: .agentsLoggedIn)
        arrivalsPerHour = try c.decode(Double.self, forKey: .arrivalsPerHour)
        queued = try c.decode(Int.self, forKey: .queued)
        rejected = try c.decode(Int.self, forKey: .rejected)
        assigned = try c.decode(Int.self, forKey: .assigned)
        abandoned = try c.decode(Int.self, forKey: .abandoned)
    }

    init(
        id: EntryPointID, name: String, active: Bool, hold: Bool, agentAvailabilityRequired: Bool, service: String,
        serviceRunning: Bool, queueDepth: Int, maxQueueDepth: Int, waitTime: Double, capacity: Int, agentsLoggedIn: Int,
        arrivalsPerHour: Double, queued: Int, rejected: Int, assigned: Int, abandoned: Int
    ) {
        self.id = id
        self.name = name
        self.active = active
        self.hold = hold
        self.agentAvailabilityRequired = agentAvailabilityRequired
        self.service = service
        self.serviceRunning = serviceRunning
        self.queueDepth = queueDepth
        self.maxQueueDepth = maxQueueDepth
        self.waitTime = waitTime
        self.capacity = capacity
        self.agentsLoggedIn = agentsLoggedIn
        self.arrivalsPerHour = arrivalsPerHour
        self.queued = queued
        self.rejected = rejected
        self.assigned = assigned
        self.abandoned = abandoned
    }

    /// Also writes the derived answers, so `/sim/state` shows what the calls would report.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(active, forKey: .active)
        try c.encode(hold, forKey: .hold)
        try c.encode(agentAvailabilityRequired, forKey: .agentAvailabilityRequired)
        try c.encode(service, forKey: .service)
        try c.encode(serviceRunning, forKey: .serviceRunning)
        try c.encode(queueDepth, forKey: .queueDepth)
        try c.encode(maxQueueDepth, forKey: .maxQueueDepth)
        try c.encode(waitTime, forKey: .waitTime)
        try c.encode(capacity, forKey: .capacity)
        try c.encode(agentsLoggedIn, forKey: .agentsLoggedIn)
        try c.encode(arrivalsPerHour, forKey: .arrivalsPerHour)
        try c.encode(queued, forKey: .queued)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(assigned, forKey: .assigned)
        try c.encode(abandoned, forKey: .abandoned)
        try c.encode(agentAvailable, forKey: .agentAvailable)
        try c.encode(eligibility.code, forKey: .responseType)
        try c.encode(chatAllowed.allowed, forKey: .allowed)
        try c.encodeIfPresent(chatAllowed.reason?.rawValue, forKey: .reason)
    }
}
