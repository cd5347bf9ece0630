import ECEChat
import ECECommon

/// The one owner of everything that changes while the simulator runs: the model, the clock that
/// maps wall time to simulated time, faults, received surveys and request counts.
///
/// HTTP handlers and in-process callers (tests, the demo, benchmarks) ask it; every question
/// first brings the model up to the simulated "now".
public actor SimulatorState {
    private var model: SimulationModel
    private var clock: SimulationClock
    private let wallClock: any WallClock
    private var globalFaults: FaultSettings
    private var faultsByEntryPoint: [EntryPointID: FaultSettings]
    /// Separate from the model's generators so injected faults never change the story.
    private var faultRandom: SplitMix64
    private var received: [ReceivedSurvey] = []
    private var statistics = RequestStatistics()
    private var stalls: [Int: @Sendable () -> Void] = [:]
    private var nextStall = 0
    private var stopping = false

    public init(configuration: SimulatorConfiguration) throws(ScenarioError) {
        let scenario = try configuration.makeScenario()
        try ScenarioValidation.check(scenario)
        guard configuration.speed.isFinite, configuration.speed >= 0 else {
            throw ScenarioError(file: nil, line: nil, message: "speed must be 0 or more, got \(configuration.speed)")
        }
        model = SimulationModel(scenario: scenario, seed: configuration.seed)
        wallClock = configuration.wallClock
        clock = SimulationClock(speed: configuration.speed, wall: configuration.wallClock.now())
        globalFaults = configuration.faults
        faultsByEntryPoint = configuration.faultsByEntryPoint
        faultRandom = .derived(seed: configuration.seed, stream: 0xFA_0175)
    }

    private func synchronize() {
        model.advance(to: clock.simulatedTime(atWall: wallClock.now()))
    }

    // MARK: Observation

    public func snapshot() -> SimulationSnapshot {
        synchronize()
        return model.snapshot
    }

    public func status(of id: EntryPointID) -> EntryPointStatus? {
        synchronize()
        return model.status(of: id)
    }

    /// What a call would report now (nil: an unknown entry point, which the call answers with 500).
    public func value(for call: ChatAPICall, entryPoint id: EntryPointID) -> ChatAPIValue? {
        synchronize()
        return model.value(for: call, entryPoint: id)
    }

    /// A copy of the model at the simulated "now", to inspect or to run ahead without effect.
    public func currentModel() -> SimulationModel {
        synchronize()
        return model
    }

    public var simulatedTime: Double {
        synchronize()
        return model.time
    }

    public func requestCounts() -> RequestCounts { statistics.snapshot(atWall: wallClock.now()) }

    public func resetRequestCounts() {
        // Requests still open stay counted, so they are not forgotten when they end.
        let open = statistics.open
        statistics = RequestStatistics()
        for _ in 0..<open { statistics.begin() }
    }

    public func surveys() -> [ReceivedSurvey] { received }

    public func clearSurveys() { received.removeAll() }

    // MARK: Time

    public var speed: Double { clock.speed }

    /// Moves simulated time forward at once, running every event on the way.
    public func advance(by seconds: Double) {
        synchronize()
        clock.jump(by: seconds)
        synchronize()
    }

    public func setSpeed(_ speed: Double) {
        synchronize()
        clock.setSpeed(max(0, speed.isFinite ? speed : 0), atWall: wallClock.now())
    }

    // MARK: Control

    /// Applies one change now, exactly as a timeline event would.
    /// - Returns: how many entry points, services or agents it touched.
    @discardableResult
    public func apply(_ action: TimelineEvent.Action) -> Int {
        synchronize()
        return model.apply(action)
    }

    /// Stops one assignment service instance, or all when `name` is nil.
    @discardableResult
    public func stopAssignmentService(_ name: String? = nil) -> Int { apply(.stopService(name)) }

    @discardableResult
    public func startAssignmentService(_ name: String? = nil) -> Int { apply(.startService(name)) }

    @discardableResult
    public func setActive(_ id: EntryPointID, _ active: Bool) -> Int { apply(.setActive([id], active)) }

    @discardableResult
    public func setHold(_ id: EntryPointID, _ hold: Bool) -> Int { apply(.setHold([id], hold)) }

    /// Adds waiting chats (they wait until the queue's next event assigns them) or removes the newest.
    @discardableResult
    public func setQueueDepth(_ id: EntryPointID, _ depth: Int) -> Int { apply(.setQueueDepth([id], depth)) }

    @discardableResult
    public func setMaxQueueDepth(_ id: EntryPointID, _ depth: Int) -> Int { apply(.setMaxQueueDepth([id], depth)) }

    @discardableResult
    public func setArrivalsPerHour(_ id: EntryPointID, _ rate: Double) -> Int { apply(.setArrivalsPerHour([id], rate)) }

    /// Logs out up to `count` agents, those serving any of `entryPoints` (all when nil), lowest first.
    @discardableResult
    public func logOut(_ count: Int, serving entryPoints: [EntryPointID]? = nil) -> Int {
        apply(.logOut(count: count, entryPoints: entryPoints))
    }

    @discardableResult
    public func logIn(_ count: Int, serving entryPoints: [EntryPointID]? = nil) -> Int {
        apply(.logIn(count: count, entryPoints: entryPoints))
    }

    // MARK: Faults

    /// Replaces the faults of some entry points, or the global ones when `entryPoints` is nil.
    public func setFaults(_ faults: FaultSettings, for entryPoints: [EntryPointID]? = nil) {
        guard let entryPoints else {
            globalFaults = faults
            return
        }
        for id in entryPoints { faultsByEntryPoint[id] = faults }
    }

    /// Clears the faults of some entry points (they follow the global ones again), or all faults.
    public func clearFaults(for entryPoints: [EntryPointID]? = nil) {
        guard let entryPoints else {
            globalFaults = .none
            faultsByEntryPoint.removeAll()
            return
        }
        for id in entryPoints { faultsByEntryPoint[id] = nil }
    }

    public func faults() -> FaultReport {
        FaultReport(global: globalFaults, byEntryPoint: Dictionary(uniqueKeysWithValues: faultsByEntryPoint.map { ($0.key.description, $0.value) }))
    }

    // MARK: For the HTTP layer

    /// Counts one API request; call before anything can go wrong with it.
    func record(_ call: String, entryPoint: EntryPointID? = nil) {
        statistics.record(call, entryPoint: entryPoint, atWall: wallClock.now())
    }

    /// Requests of `call` for one entry point since the start or last reset.
    public func requestCount(_ call: String, entryPoint: EntryPointID) -> Int {
        statistics.byEntryPoint[entryPoint]?[call] ?? 0
    }

    /// The value to report (nil for an unknown entry point) and what faults to inflict.
    func answer(_ call: ChatAPICall, entryPoint id: EntryPointID) -> (value: ChatAPIValue?, plan: FaultPlan) {
        synchronize()
        let faults = faultsByEntryPoint[id] ?? globalFaults
        let plan = faults.isNone || !faults.applies(to: call) ? FaultPlan.plain : faults.plan(&faultRandom)
        var value = model.value(for: call, entryPoint: id)
        if call == .chatAllowed, value != nil, let reason = faults.chatAllowedReason {
            value = .chatAllowed(ChatAllowed(allowed: false, reason: ChatAllowedReason(rawValue: reason)))
        }
        return (value, plan)
    }

    func surveyPlan() -> FaultPlan {
        globalFaults.isNone || !globalFaults.applies(to: nil) ? .plain : globalFaults.plan(&faultRandom)
    }

    /// Counts an API request as open until `endRequest`, for the peak `/sim/stats` reports.
    func beginRequest() {
        statistics.begin()
    }

    func endRequest() {
        statistics.end()
    }

    func receive(_ survey: Survey) {
        synchronize()
        received.append(ReceivedSurvey(
            sessionID: survey.sessionID,
            answers: survey.answers.map { ReceivedSurvey.Answer(question: $0.question, answer: $0.answer) },
            simulatedTime: model.time
        ))
    }

    /// Remembers how to end a stalled request, so stopping the simulator never waits on one.
    func registerStall(_ close: @escaping @Sendable () -> Void) -> Int {
        if stopping { close() }
        nextStall += 1
        stalls[nextStall] = close
        return nextStall
    }

    func endStall(_ id: Int) { stalls[id] = nil }

    /// Ends every stall now and any that begins from here on.
    func beginStopping() {
        stopping = true
        for close in stalls.values { close() }
        stalls.removeAll()
    }
}
