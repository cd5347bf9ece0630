import ECEChat
import ECECommon
import Foundation
import Logging

/// Polls many entry points through one shared `ChatAPIClient` within its server's request budget,
/// and publishes what it learns as immutable snapshots.
///
/// Each turn of the loop asks the `PollSchedule` who is due, pays for the round of calls from
/// the token bucket, and runs the rounds concurrently as child tasks; their answers update the
/// entry point's snapshot and go to the sinks (recorder, metrics, journal). Nothing here waits
/// on a reader: snapshots go out through a stream that keeps only the newest.
public actor ChatMonitor<C: Clock> where C.Duration == Duration {
    /// The newest picture after every change; a slow reader only ever misses stale ones.
    public nonisolated var snapshots: AsyncStream<MonitorSnapshot> { loop.snapshots }
    private nonisolated let loop: MonitorLoop<MonitorCommand, C>

    private let client: ChatAPIClient
    private let start: C.Instant
    private let origin: Date
    private let logger: Logger
    private let configuration: MonitorConfiguration
    private var schedule: PollSchedule
    private var budget: RequestBudget
    /// In the schedule's order. A publication shares this array; the next change copies it
    /// (a reference per entry point) and the changed snapshot alone.
    private var entries: [EntryPointSnapshot] = []
    private var positions: [EntryPointID: Int] = [:]
    /// For each of `entries`, when a staleness check may next change it (nil: not before an
    /// answer), so a check looks at those alone rather than at every entry point.
    private var stalenessDue: [Date?] = []
    /// The effective interval `stalenessDue` was worked out with; another one means a check of
    /// all (`MonitorConfiguration.stalenessInterval` derives each entry point's from it).
    private var stalenessDueInterval: Duration?
    /// The header's counts and the totals line over `entries`, kept as they change.
    private var summary = FloorSummary()
    private var diagnoses: [Diagnosis] = []
    private var candidates = DiagnosisCandidates()
    /// An answer changed what the diagnosis looks at: failures, or an entry point's status.
    private var diagnosisInputsChanged = true
    private var isPaused = false
    private var events: EventLog
    private var generation = 0
    private var requestsSent = 0
    private var isDirty = true
    /// Where the polling loop's current sleep ends; nil while it is awake.
    private var sleepingUntil: Duration?
    private var latestSnapshot = MonitorSnapshot()
    private let journal: JournalSink
    private let sinks: [any MonitorSink]
    private var holdNotice = ServerHoldNotice()

    public init(
        client: ChatAPIClient, entryPoints: [EntryPointID], configuration: MonitorConfiguration = .init(),
        clock: C, origin: Date = Date(), logger: Logger = Logger(label: "ecetop.monitor")
    ) {
        self.client = client
        self.start = clock.now
        self.origin = origin
        self.logger = logger
        self.configuration = configuration
        loop = MonitorLoop(clock: clock)
        budget = RequestBudget(configuration.budget, minimumBurst: configuration.calls.count)
        events = EventLog(capacity: max(1, configuration.eventCapacity))
        schedule = PollSchedule(entryPoints: entryPoints, configuration: configuration)
        entries = schedule.order.map { .empty($0, configuration: configuration) }
        positions = Dictionary(uniqueKeysWithValues: schedule.order.enumerated().map { ($1, $0) })
        stalenessDue = Array(repeating: .distantPast, count: schedule.order.count)
        summary = FloorSummary(entries)
        candidates = DiagnosisCandidates(entries)
        journal = JournalSink(capacity: configuration.eventCapacity)
        sinks = configuration.sinks + [journal]
        for sink in sinks {
            sink.monitorStarted(server: client.server.description, entryPoints: schedule.order, configuration: configuration, at: origin)
        }
    }

    /// Sends a command from any thread (the UI's included); it is handled in order.
    public nonisolated func send(_ command: MonitorCommand) {
        loop.send(command)
    }

    /// Polls until the task running it is cancelled; then the snapshot stream finishes.
    ///
    /// On the client's event loop (a task executor preference, which this actor and the
    /// client's follow): an answer is read, decoded and applied on the thread that received
    /// it, without a hop to Swift's pool and back.
    public func run() async {
        await withTaskExecutorPreference(client.taskExecutor) { await self.polling() }
    }

    private func polling() async {
        await loop.run(handle: { await self.handle($0) }) { group in
            let now = elapsed
            if schedule.isStalenessCheckDue(now: now) { checkStaleness(now: now) }
            let hold = holdNotice.check(client.hold, at: date(now), entryPoint: schedule.order.first)
            if let event = hold?.event { log([event]) }
            if isDirty { publish(now: now) }
            if isPaused || hold != nil {
                // Nothing is polled while paused or while the server asked to wait; look again soon.
                await sleep(until: min(now + .seconds(1), hold.map { .seconds($0.hold.until.timeIntervalSince(origin)) } ?? now + .seconds(1)))
                return
            }
            let id: EntryPointID
            switch schedule.next(now: now) {
            case .sleep(let until): return await sleep(until: onTick(until))
            case .poll(let due): id = due
            }
            let calls = schedule.calls(for: id)
            let cost = calls.count
            let wait = budget.wait(for: cost, now: now)
            if wait > .zero { return await sleep(until: onTick(now + wait, within: budget.fillTime)) }
            _ = budget.take(cost, now: now)
            if let next = schedule.didDispatch(id, now: now), let index = positions[id] { entries[index].nextPollAt = date(next) }
            requestsSent += cost
            let client = self.client
            group.addTask { await self.apply(await client.round(of: calls, for: id), to: id) }
        }
    }

    /// How the files this monitor's sinks write fare; read by the dashboard, from any thread.
    public nonisolated var outputs: OutputFileStatus {
        var status = OutputFileStatus()
        for sink in sinks { sink.report(into: &status) }
        return status
    }

    /// The most recent published picture (for tests and one-shot readers).
    public var snapshot: MonitorSnapshot { latestSnapshot }

    /// Entry points whose round of calls is on the wire now.
    public var pollsInFlight: Int { schedule.inFlightCount }

    public var effectiveInterval: Duration { schedule.effectiveInterval }

    private var elapsed: Duration { start.duration(to: loop.clock.now) }

    private func date(_ offset: Duration) -> Date { origin.addingTimeInterval(offset.inSeconds) }

    /// `deadline` moved up to the next poll tick (`MonitorConfiguration.pollTick`, at most a
    /// fifth of the interval), so that the polls falling due between two ticks go out together.
    /// A wait for the budget's tokens gives the longest tick: the time its bucket takes to fill,
    /// beyond which tokens would be lost and the budget not spent.
    private func onTick(_ deadline: Duration, within longest: Duration? = nil) -> Duration {
        var tick = self.tick
        if let longest { tick = min(tick, longest) }
        guard tick > .zero else { return deadline }
        return tick * (deadline / tick).rounded(.up)
    }

    /// The poll tick: `MonitorConfiguration.pollTick`, at most a fifth of the interval.
    private var tick: Duration { min(configuration.pollTick, schedule.effectiveInterval / 5) }

    private func sleep(until deadline: Duration) async {
        sleepingUntil = deadline
        defer { sleepingUntil = nil }
        await loop.sleep(until: start.advanced(by: max(deadline, elapsed)))
    }

    func handle(_ command: MonitorCommand) {
        let now = elapsed
        switch command {
        case .pause: isPaused = true
        case .resume:
            if isPaused { schedule.resume(now: now) }
            isPaused = false
        case .togglePause: return handle(isPaused ? .resume : .pause)
        case .refresh(let id?): schedule.refresh(id, now: now)
        case .refresh(nil): schedule.refreshAll(now: now)
        case .setInterval(let interval): schedule.setInterval(interval, now: now)
        case .add(let ids):
            schedule.add(ids, now: now)
            followScheduleOrder()
        case .remove(let ids):
            schedule.remove(ids)
            followScheduleOrder()
        case .select(let id): schedule.selected = id
        case .startJournal(let path): journal.start(path: path)
        case .stopJournal: journal.stop()
        case .acknowledge(let id):
            for index in id.map({ positions[$0].map { [$0] } ?? [] }) ?? Array(entries.indices) where entries[index].hasUnacknowledgedAlert {
                entries[index].acknowledgeAlerts()
            }
        }
        isDirty = true
        loop.wake()
    }

    /// Entry points added or removed: the snapshots follow the schedule's order, the new ones empty.
    private func followScheduleOrder() {
        let previous = entries, previousPositions = positions, previousDue = stalenessDue
        entries = schedule.order.map { id in previousPositions[id].map { previous[$0] } ?? .empty(id, configuration: configuration) }
        stalenessDue = schedule.order.map { id in previousPositions[id].map { previousDue[$0] } ?? .distantPast }
        positions = Dictionary(uniqueKeysWithValues: schedule.order.enumerated().map { ($1, $0) })
        summary = FloorSummary(entries)
        candidates = DiagnosisCandidates(entries)
        diagnosisInputsChanged = true
    }

    private func apply(_ exchanges: [ChatAPIExchange], to id: EntryPointID) {
        guard let index = positions[id] else { return }
        let old = entries[index]
        let now = elapsed
        let time = date(now)
        var new = old
        new.record(exchanges, at: time)
        for sink in sinks {
            sink.monitorPolled(exchanges, of: id, server: client.server.description, interval: schedule.effectiveInterval, at: time)
        }
        let logged = new.derive(from: old, at: time, thresholds: configuration.thresholds)
        if !exchanges.isEmpty, exchanges.allSatisfy({ $0.error != nil }) {
            let unreachable = new.failingCalls.contains { $0.error.isUnreachable }
            if let due = schedule.didFail(id, now: now, unreachable: unreachable) { new.nextPollAt = date(due) }
        } else {
            let changed = old.chatAllowed != nil && new.chatAllowed != nil && old.chatAllowed != new.chatAllowed
            if let due = schedule.didAnswer(id, now: now, chatAllowedChanged: changed) { new.nextPollAt = date(due) }
        }
        let statusChanged = old.statusWord != new.statusWord
        if old.hasFailingCall || new.hasFailingCall || statusChanged { diagnosisInputsChanged = true }
        change(at: index) { $0 = new }
        let events = logged + [updateStaleness(at: index, now: now)].compactMap { $0 }
        log(events)
        isDirty = true
        // The answers of one tick's rounds are published together, once the last is in: each
        // publication is a snapshot, a hop to its reader and a wake-up of the screen, and
        // the screen draws new values once a second anyway. News (a changed status, an event)
        // goes out at once, and so does everything when the loop would sleep past a tick.
        if schedule.inFlightCount == 0 || statusChanged || !events.isEmpty || sleepingUntil.map({ $0 > now + tick }) ?? true {
            loop.wake()
        }
    }

    /// Brings staleness up to date where it may have changed: every entry point when the
    /// interval changed, otherwise those whose due moment has passed.
    private func checkStaleness(now: Duration) {
        let time = date(now)
        let everyEntry = stalenessDueInterval != schedule.effectiveInterval
        var events: [MonitorEvent] = []
        for index in entries.indices {
            guard everyEntry || stalenessDue[index].map({ time > $0 }) ?? false else { continue }
            if let event = updateStaleness(at: index, now: now) { events.append(event) }
        }
        if everyEntry { stalenessDueInterval = schedule.effectiveInterval }
        log(events)
    }

    /// Marks an entry point stale when its newest good data is older than two intervals.
    private func updateStaleness(at index: Int, now: Duration) -> MonitorEvent? {
        let interval = configuration.stalenessInterval(effective: schedule.effectiveInterval, entryPoints: entries.count,
                                                       roundsAnswered: schedule.roundsLanded(of: entries[index].id))
        let wasStale = entries[index].isStale
        let event = change(at: index) { $0.updateStaleness(at: date(now), interval: interval, ageWithoutData: now.inSeconds) }
        if entries[index].isStale != wasStale { isDirty = true }
        stalenessDue[index] = entries[index].stalenessChangeDue(interval: interval, watchedSince: origin)
        return event
    }

    /// Changes one snapshot in a way the summary or the diagnosis counts (values, failures,
    /// severity, staleness).
    private func change<Result>(at index: Int, _ body: (inout EntryPointSnapshot) -> Result) -> Result {
        summary.remove(entries[index])
        candidates.remove(entries[index])
        defer {
            summary.add(entries[index])
            candidates.add(entries[index])
        }
        return body(&entries[index])
    }

    private func log(_ logged: [MonitorEvent]) {
        guard !logged.isEmpty else { return }
        for event in logged {
            events.append(event)
            logger.info("\(event.summary)")
        }
        isDirty = true
        for sink in sinks { sink.monitorLogged(logged) }
    }

    private func publish(now: Duration) {
        generation += 1
        if diagnosisInputsChanged {
            let quorum = configuration.diagnosisQuorum
            diagnoses = candidates.mayDiagnose(total: entries.count, quorum: quorum) ? DiagnosisRules.diagnose(entries, quorum: quorum) : []
            diagnosisInputsChanged = false
        }
        latestSnapshot = MonitorSnapshot(
            generation: generation, takenAt: date(now), server: client.server.description,
            entryPoints: entries, askedInterval: schedule.interval, effectiveInterval: schedule.effectiveInterval,
            budget: budget.configuration, isPaused: isPaused, events: events,
            diagnoses: diagnoses,
            requestsSent: requestsSent
        )
        latestSnapshot.serverHold = client.hold.current(at: date(now))
        latestSnapshot.rotation = schedule.rotation
        summary.settle(entries)
        latestSnapshot.summary = summary
        isDirty = false
        loop.publish(latestSnapshot)
    }
}
