import ECEChat

/// What a wallboard shows first, summed over many entry points: chats waiting, the longest
/// wait and where, how many accept chats, free slots, how many have an agent.
///
/// A value not yet read, or stale, is left out of every sum; `leftOut` counts the entry points
/// that had at least one value left out, so a total is never taken for more than it is.
public struct FloorTotals: Sendable, Hashable {
    /// One entry point's values as far as they can be trusted: nil where unread or stale.
    public struct Reading: Sendable, Hashable {
        public var id: EntryPointID
        public var queueDepth: Int?
        public var waitSeconds: Double?
        public var allowed: Bool?
        public var freeSlots: Int?
        public var agentAvailable: Bool?

        public init(id: EntryPointID, queueDepth: Int? = nil, waitSeconds: Double? = nil, allowed: Bool? = nil,
                    freeSlots: Int? = nil, agentAvailable: Bool? = nil) {
            self.id = id
            self.queueDepth = queueDepth
            self.waitSeconds = waitSeconds
            self.allowed = allowed
            self.freeSlots = freeSlots
            self.agentAvailable = agentAvailable
        }

        var isComplete: Bool {
            queueDepth != nil && waitSeconds != nil && allowed != nil && freeSlots != nil && agentAvailable != nil
        }
    }

    public struct LongestWait: Sendable, Hashable {
        public var seconds: Double
        public var id: EntryPointID
    }

    /// Entry points summed over, left-out ones included.
    public var count = 0
    /// Sum of queue depths.
    public var waiting = 0
    /// The longest expected wait and the entry point that has it (the lowest ID on a tie).
    public var longestWait: LongestWait?
    /// Entry points whose `chatAllowed` says allowed.
    public var allowed = 0
    public var freeSlots = 0
    /// Entry points with an agent available.
    public var agentsAvailable = 0
    /// Entry points with at least one value unread or stale.
    public var leftOut = 0

    public init() {}

    public init(_ readings: some Sequence<Reading>) {
        for reading in readings { add(reading) }
    }

    public mutating func add(_ reading: Reading) {
        count += 1
        if let depth = reading.queueDepth { waiting += depth }
        if let wait = reading.waitSeconds, wait.isFinite {
            if longestWait.map({ wait > $0.seconds || (wait == $0.seconds && reading.id < $0.id) }) ?? true {
                longestWait = LongestWait(seconds: wait, id: reading.id)
            }
        }
        if reading.allowed == true { allowed += 1 }
        if let slots = reading.freeSlots { freeSlots += slots }
        if reading.agentAvailable == true { agentsAvailable += 1 }
        if !reading.isComplete { leftOut += 1 }
    }

    /// Takes back what `add(reading)` counted, but for the longest wait, which a sum cannot
    /// forget: the caller finds it again if `reading` had it.
    public mutating func remove(_ reading: Reading) {
        count -= 1
        if let depth = reading.queueDepth { waiting -= depth }
        if reading.allowed == true { allowed -= 1 }
        if let slots = reading.freeSlots { freeSlots -= slots }
        if reading.agentAvailable == true { agentsAvailable -= 1 }
        if !reading.isComplete { leftOut -= 1 }
    }
}

extension FloorTotals.Reading {
    /// The values of a published snapshot: a stale entry point, or a call whose last exchange
    /// failed, counts as unread (its value is older than it would look in a sum).
    public init(_ entryPoint: EntryPointSnapshot) {
        self.init(id: entryPoint.id)
        guard !entryPoint.isStale else { return }
        func fresh(_ call: ChatAPICall) -> Bool { entryPoint.calls[call]?.isFailing != true }
        if fresh(.liveSessionStatus), let session = entryPoint.sessionStatus {
            queueDepth = session.queueDepth
            waitSeconds = session.waitTimeSeconds
        }
        if fresh(.chatAllowed) { allowed = entryPoint.chatAllowed?.allowed }
        if fresh(.capacity) { freeSlots = entryPoint.freeSlots }
        if fresh(.agentAvailability) { agentAvailable = entryPoint.agentAvailable }
    }
}

extension FloorTotals {
    /// The totals of a snapshot's entry points.
    public init(_ entryPoints: [EntryPointSnapshot]) {
        self.init()
        for entryPoint in entryPoints { add(Reading(entryPoint)) }
    }

    /// The parts of the totals line, most important first; `waitText` formats the longest wait.
    /// `leftOutText` says what they leave out.
    public func parts(waitText: (Double) -> String) -> [String] {
        var parts = ["waiting \(waiting)"]
        if let longest = longestWait {
            parts.append("longest wait \(waitText(longest.seconds)) (\(longest.id))")
        } else {
            parts.append("longest wait -")
        }
        parts.append("allowed \(allowed)/\(count)")
        parts.append("free slots \(freeSlots)")
        parts.append("agent available \(agentsAvailable)/\(count)")
        return parts
    }

    /// `2 left out (unread or stale)`; nil when every value counted.
    public var leftOutText: String? {
        leftOut > 0 ? "\(leftOut) left out (unread or stale)" : nil
    }
}
