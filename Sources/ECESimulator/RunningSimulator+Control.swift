import ECEChat

/// The control API on the running simulator itself, mirroring `/sim/…`.
extension RunningSimulator {
    public func snapshot() async -> SimulationSnapshot { await state.snapshot() }
    public func status(of id: EntryPointID) async -> EntryPointStatus? { await state.status(of: id) }
    public func requestCounts() async -> RequestCounts { await state.requestCounts() }
    public func resetRequestCounts() async { await state.resetRequestCounts() }
    /// Requests of `call` for one entry point the server received since the start or last reset.
    public func requestCount(_ call: ChatAPICall, entryPoint: EntryPointID) async -> Int {
        await state.requestCount(call.rawValue, entryPoint: entryPoint)
    }
    public func surveys() async -> [ReceivedSurvey] { await state.surveys() }
    public func advance(by seconds: Double) async { await state.advance(by: seconds) }
    public func setSpeed(_ speed: Double) async { await state.setSpeed(speed) }
    @discardableResult public func apply(_ action: TimelineEvent.Action) async -> Int { await state.apply(action) }
    @discardableResult public func stopAssignmentService(_ name: String? = nil) async -> Int { await state.stopAssignmentService(name) }
    @discardableResult public func startAssignmentService(_ name: String? = nil) async -> Int { await state.startAssignmentService(name) }
    @discardableResult public func setActive(_ id: EntryPointID, _ active: Bool) async -> Int { await state.setActive(id, active) }
    @discardableResult public func setHold(_ id: EntryPointID, _ hold: Bool) async -> Int { await state.setHold(id, hold) }
    @discardableResult public func setQueueDepth(_ id: EntryPointID, _ depth: Int) async -> Int { await state.setQueueDepth(id, depth) }
    @discardableResult public func setMaxQueueDepth(_ id: EntryPointID, _ depth: Int) async -> Int { await state.setMaxQueueDepth(id, depth) }
    @discardableResult public func logOut(_ count: Int, serving ids: [EntryPointID]? = nil) async -> Int { await state.logOut(count, serving: ids) }
    @discardableResult public func logIn(_ count: Int, serving ids: [EntryPointID]? = nil) async -> Int { await state.logIn(count, serving: ids) }
    public func setFaults(_ faults: FaultSettings, for ids: [EntryPointID]? = nil) async { await state.setFaults(faults, for: ids) }
    public func clearFaults(for ids: [EntryPointID]? = nil) async { await state.clearFaults(for: ids) }
}
