import ECEChat
import Foundation
import Logging

/// Polls many entry points through one shared `ChatAPIClient` within a global request budget,
/// and publishes what it learns as immutable snapshots.
///
/// One scheduling loop decides who is polled next (refresh requests first, then the selected
/// entry point when due, then the most overdue), pays for each round of calls from the token
/// bucket, and runs the rounds concurrently as child tasks. Nothing here waits on a reader:
/// snapshots go out through a stream that keeps only the newest.
public actor ChatMonitor<C: Clock> where C.Duration == Duration {
    /// The newest picture after every change; a slow reader only ever misses stale ones.
    public nonisolated let snapshots: AsyncStream<MonitorSnapshot>
    private let snapshotSink: AsyncStream<MonitorSnapshot>.Continuation
    private let commandStream: AsyncStream<MonitorCommand>
    private nonisolated let commandSink: AsyncStream<MonitorCommand>.Continuation

    private let client: ChatAPIClient
    private let clock: C
    private let start: C.Instant
    private let origin: Date
    private let logger: Logger
    private var configuration: MonitorConfiguration
    private var budget: RequestBudget
    private var entries: [EntryPointID: Entry] = [:]
    private var order: [EntryPointID] = []
    private var selected: EntryPointID?
    private var isPaused = false
    private var events: RingBuffer<MonitorEvent>
    /// `events` as the array snapshots carry, rebuilt only after events were logged: most
    /// publications (one per answered poll) log none, and copying up to a thousand events
    /// each time was wasted.
    private var publishedEvents: [MonitorEvent] = []
    private var eventsChanged = false
    private var generation = 0
    private var requestsSent = 0
    private var isDirty = true
    private var random: SplitMix64
    private var wakeSignal = WakeSignal()
    private var lastDispatchAt: Duration = .zero
    private var lastStalenessCheck: Duration = .seconds(-1)
    private var latestSnapshot = MonitorSnapshot()
    private var journal: EventJournal?
    private var pendingJournal: [MonitorEvent] = []
    private var journalError: String?
    /// The server's latest hold (429/503), once logged.
    private var noticedHold: ServerHold.Hold?

    private typealias Entry = MonitoredEntry

    public init(
        client: ChatAPIClient, entryPoints: [EntryPointID], configuration: MonitorConfiguration = .init(),
        clock: C, origin: Date = Date(), logger: Logger = Logger(label: "ecetop.monitor")
    ) {
        self.client = client
        self.clock = clock
        self.start = clock.now
        self.origin = origin
        self.logger = logger
        self.configuration = configuration
        self.budget = RequestBudget(configuration.budget, minimumBurst: configuration.calls.count)
        self.events = RingBuffer(capacity: max(1, configuration.eventCapacity))
        (snapshots, snapshotSink) = AsyncStream.makeStream(of: MonitorSnapshot.self, bufferingPolicy: .bufferingNewest(1))
        (commandStream, commandSink) = AsyncStream.makeStream(of: MonitorCommand.self, bufferingPolicy: .unbounded)
        var random = SplitMix64(seed: configuration.seed)
        let firstRound = max(configuration.interval, budget.sustainableInterval(entryPoints: Set(entryPoints).count, callsEach: configuration.calls.count))
        for id in entryPoints where entries[id] == nil {
            order.append(id)
            let spread = Int64(random.next() % UInt64(max(1, nanoseconds(firstRound))))
            entries[id] = Entry(snapshot: Self.makeSnapshot(id, configuration: configuration), dueAt: .nanoseconds(spread))
        }
        self.random = random
        if let recorder = configuration.recorder {
            var seen = Set<EntryPointID>()
            recorder.begin(RecordingHeader(server: client.server.description, entryPoints: entryPoints.filter { seen.insert($0).inserted },
                                           configuration: configuration, started: origin))
        }
    }

    /// Sends a command from any thread (the UI's included); it is handled in order.
    public nonisolated func send(_ command: MonitorCommand) {
        commandSink.yield(command)
    }

    /// Polls until the task running it is cancelled; then the snapshot stream finishes.
    public func run() async {
        await withDiscardingTaskGroup { group in
            let commands = commandStream
            group.addTask {
                for await command in commands { await self.handle(command) }
            }
            while !Task.isCancelled {
                let now = elapsed
                refreshStaleness(now: now)
                let hold = noticeHold(now: now)
                if isDirty { publish(now: now) }
                if isPaused {
                    await sleep(until: now + .seconds(1))
                    continue
                }
                if let hold {
                    await sleep(until: min(now + .seconds(1), .seconds(hold.until.timeIntervalSince(origin))))
                    continue
                }
                guard let id = nextEntryToPoll(now: now) else {
                    await sleep(until: nextWakeTime(now: now))
                    continue
                }
                let cost = configuration.calls.count
                let wait = budget.wait(for: cost, now: now)
                if wait > .zero {
                    await sleep(until: now + wait)
                    continue
                }
                _ = budget.take(cost, now: now)
                dispatch(id, now: now)
                let client = self.client
                let calls = configuration.calls
                group.addTask {
                    let exchanges = await Self.poll(id, calls: calls, client: client)
                    await self.apply(exchanges, to: id)
                }
            }
            commandSink.finish()
        }
        snapshotSink.finish()
    }

    /// The most recent published picture (for tests and one-shot readers).
    public var snapshot: MonitorSnapshot { latestSnapshot }

    /// Entry points whose round of calls is on the wire now.
    public var pollsInFlight: Int { entries.values.reduce(0) { $0 + ($1.isInFlight ? 1 : 0) } }

    public var effectiveInterval: Duration {
        max(configuration.interval, budget.sustainableInterval(entryPoints: entries.count, callsEach: configuration.calls.count))
    }

    // MARK: Scheduling

    private var elapsed: Duration { start.duration(to: clock.now) }

    private func date(_ offset: Duration) -> Date { origin.addingTimeInterval(offset.inSeconds) }

    private func nextEntryToPoll(now: Duration) -> EntryPointID? {
        var best: (id: EntryPointID, dueAt: Duration)?
        for id in order {
            guard let entry = entries[id], !entry.isInFlight else { continue }
            if entry.isPriority { return id }
            if id == selected, entry.dueAt <= now { return id }
            if best == nil || entry.dueAt < best!.dueAt { best = (id, entry.dueAt) }
        }
        guard let best else { return nil }
        if best.dueAt <= now { return best.id }
        // When every entry point is backing off, still probe one per interval, so that a
        // server's return is noticed within one interval.
        if best.dueAt > lastDispatchAt + effectiveInterval, now >= lastDispatchAt + effectiveInterval {
            return best.id
        }
        return nil
    }

    private func nextWakeTime(now: Duration) -> Duration {
        var earliest = now + .seconds(1)
        var found = false
        for entry in entries.values where !entry.isInFlight && (!found || entry.dueAt < earliest) {
            earliest = entry.dueAt
            found = true
        }
        let probe = lastDispatchAt + effectiveInterval
        // The earliest due poll, but not before the next probe, and never more than a second
        // away so staleness and the header's clock keep moving.
        let target = min(earliest, max(probe, now))
        return min(max(target, now), now + .seconds(1))
    }

    private func dispatch(_ id: EntryPointID, now: Duration) {
        guard let entry = entries[id] else { return }
        let interval = effectiveInterval
        var next = max(entry.dueAt, .zero) + interval
        if next < now { next = now + interval }
        entry.dueAt = next
        entry.isInFlight = true
        entry.isPriority = false
        entry.snapshot.nextPollAt = date(next)
        lastDispatchAt = now
        requestsSent += configuration.calls.count
    }

    private static func poll(_ id: EntryPointID, calls: [ChatAPICall], client: ChatAPIClient) async -> [ChatAPIExchange] {
        await withTaskGroup(of: ChatAPIExchange.self) { group in
            for call in calls { group.addTask { await client.exchange(call, entryPoint: id) } }
            var exchanges: [ChatAPIExchange] = []
            for await exchange in group { exchanges.append(exchange) }
            return exchanges
        }
    }

    /// Spreads first polls over the interval so entry points are not polled in lockstep.
    private func spreadDueTimes(over interval: Duration, from now: Duration) {
        let nanoseconds = max(1, nanoseconds(interval))
        for id in order {
            entries[id]?.dueAt = now + .nanoseconds(Int64(random.next() % UInt64(nanoseconds)))
        }
    }

    private func backoffDelay(level: Int) -> Duration {
        let base = effectiveInterval.inSeconds * pow(2, Double(max(0, level - 1)))
        let capped = min(base, max(configuration.maximumBackoff.inSeconds, effectiveInterval.inSeconds))
        let jitter = 0.8 + 0.4 * Double(random.next() % 1000) / 1000
        return .milliseconds(Int64(capped * jitter * 1000))
    }

    // MARK: Sleeping and waking

    private func sleep(until deadline: Duration) async {
        if wakeSignal.consumePending() { return }
        let target = start.advanced(by: max(deadline, elapsed))
        let clock = self.clock
        let timer = Task {
            do {
                try await clock.sleep(until: target, tolerance: nil)
                self.wake()
            } catch {}
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { wakeSignal.park($0) }
        } onCancel: {
            Task { await self.wake() }
        }
        timer.cancel()
    }

    private func wake() { wakeSignal.wake() }

    // MARK: Commands

    func handle(_ command: MonitorCommand) {
        let now = elapsed
        switch command {
        case .pause:
            isPaused = true
        case .resume:
            if isPaused { spreadDueTimes(over: effectiveInterval, from: now) }
            isPaused = false
        case .togglePause:
            handle(isPaused ? .resume : .pause)
            return
        case .refresh(let id?):
            entries[id]?.isPriority = true
            entries[id]?.dueAt = now
        case .refresh(nil):
            for id in order { entries[id]?.dueAt = now; entries[id]?.backoffLevel = 0 }
        case .setInterval(let interval):
            configuration.interval = min(max(interval, .milliseconds(500)), .seconds(3600))
            let effective = effectiveInterval
            for id in order { if let due = entries[id]?.dueAt, due > now + effective { entries[id]?.dueAt = now + effective } }
        case .add(let ids):
            for id in ids where entries[id] == nil {
                order.append(id)
                let spread = Int64(random.next() % UInt64(max(1, nanoseconds(effectiveInterval))))
                entries[id] = Entry(snapshot: Self.makeSnapshot(id, configuration: configuration), dueAt: now + .nanoseconds(spread))
            }
        case .remove(let ids):
            let removed = Set(ids)
            order.removeAll { removed.contains($0) }
            for id in ids { entries[id] = nil }
        case .select(let id):
            selected = id
        case .startJournal(let path):
            do {
                journal = try EventJournal(path: path)
                journalError = nil
                // The journal starts with what is known so far, so a report is complete.
                pendingJournal = Array(events)
            } catch {
                journal = nil
                journalError = "\(error)"
            }
        case .stopJournal:
            journal = nil
            pendingJournal = []
        case .replay:
            return
        case .acknowledge(let id):
            for key in id.map({ [$0] }) ?? order {
                guard let entry = entries[key] else { continue }
                for index in entry.snapshot.alerts.indices { entry.snapshot.alerts[index].isAcknowledged = true }
            }
        }
        isDirty = true
        wake()
    }

    // MARK: Applying results

    private static func makeSnapshot(_ id: EntryPointID, configuration: MonitorConfiguration) -> EntryPointSnapshot {
        EntryPointSnapshot.empty(id, configuration: configuration)
    }

    private func apply(_ exchanges: [ChatAPIExchange], to id: EntryPointID) {
        guard let entry = entries[id] else { return }
        let now = elapsed
        let time = date(now)
        let old = entry.snapshot
        var new = old
        for exchange in exchanges { configuration.exchangeObserver?(exchange) }
        new.record(exchanges, at: time)
        for event in new.derive(from: old, at: time, thresholds: configuration.thresholds) { log(event) }
        configuration.recorder?.record(exchanges, of: id, server: client.server.description, interval: effectiveInterval, at: time)

        let failures = exchanges.filter { $0.error != nil }
        if !exchanges.isEmpty, failures.count == exchanges.count {
            entry.backoffLevel += 1
            if entry.backoffLevel > 1 {
                entry.dueAt = now + backoffDelay(level: entry.backoffLevel)
                new.nextPollAt = date(entry.dueAt)
            }
        } else {
            let wasUnreachable = entry.backoffLevel > 0
            entry.backoffLevel = 0
            if wasUnreachable || failures.count < exchanges.count { resumeUnreachableEntries(now: now, except: id) }
        }
        entry.snapshot = new
        entry.isInFlight = false
        updateStaleness(of: id, now: now)
        isDirty = true
        wake()
    }

    /// One entry point answering means the server is back: end the others' backoff now
    /// instead of after their (possibly long) wait.
    private func resumeUnreachableEntries(now: Duration, except answered: EntryPointID) {
        for id in order where id != answered {
            guard let entry = entries[id], entry.backoffLevel > 0 else { continue }
            let unreachable = entry.snapshot.failingCalls.contains { $0.error.isUnreachable }
            guard unreachable else { continue }
            entries[id]?.backoffLevel = 0
            entries[id]?.dueAt = min(entry.dueAt, now)
        }
    }

    private func refreshStaleness(now: Duration) {
        guard now - lastStalenessCheck >= .milliseconds(250) else { return }
        lastStalenessCheck = now
        for id in order { updateStaleness(of: id, now: now) }
    }

    /// Marks an entry point stale when its newest good data is older than two intervals.
    private func updateStaleness(of id: EntryPointID, now: Duration) {
        guard let entry = entries[id] else { return }
        let wasStale = entry.snapshot.isStale
        let event = entry.snapshot.updateStaleness(at: date(now), interval: effectiveInterval, ageWithoutData: now.inSeconds)
        guard entry.snapshot.isStale != wasStale else { return }
        if let event { log(event) }
        isDirty = true
    }

    /// The server's hold in force now, logged once when it begins: nothing is polled under it.
    private func noticeHold(now: Duration) -> ServerHold.Hold? {
        guard let hold = client.hold.current(at: date(now)) else { return nil }
        if hold != noticedHold {
            noticedHold = hold
            log(MonitorEvent(time: date(now), entryPoint: hold.entryPoint ?? order.first ?? EntryPointID(1)!, kind: .serverAskedToWait,
                             call: hold.call, old: "", new: "HTTP \(hold.status) · resuming \(ServerHold.clockText(hold.until))"))
            isDirty = true
        }
        return hold
    }

    private func log(_ event: MonitorEvent) {
        events.append(event)
        eventsChanged = true
        if journal != nil { pendingJournal.append(event) }
        logger.info("\(event.summary)")
    }

    // MARK: Publishing

    private func publish(now: Duration) {
        generation += 1
        let snapshots = order.compactMap { entries[$0]?.snapshot }
        if eventsChanged {
            publishedEvents = Array(events)
            eventsChanged = false
        }
        latestSnapshot = MonitorSnapshot(
            generation: generation, takenAt: date(now), server: client.server.description,
            entryPoints: snapshots, askedInterval: configuration.interval, effectiveInterval: effectiveInterval,
            budget: budget.configuration, isPaused: isPaused, events: publishedEvents,
            diagnoses: DiagnosisRules.diagnose(snapshots, quorum: configuration.diagnosisQuorum),
            requestsSent: requestsSent
        )
        latestSnapshot.journalPath = journal?.path
        latestSnapshot.journalError = journalError
        latestSnapshot.recordingError = configuration.recorder?.lastError
        latestSnapshot.serverHold = client.hold.current(at: date(now))
        if let journal, !pendingJournal.isEmpty {
            do {
                try journal.append(pendingJournal)
            } catch {
                // Recording stops and the header says why; the dashboard carries on.
                self.journal = nil
                journalError = "\(error)"
                latestSnapshot.journalPath = nil
                latestSnapshot.journalError = journalError
            }
            pendingJournal.removeAll(keepingCapacity: true)
        }
        isDirty = false
        snapshotSink.yield(latestSnapshot)
    }
}

/// Whole nanoseconds of a duration, for arithmetic with random offsets.
func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
}

extension ChatMonitor where C == ContinuousClock {
    public init(client: ChatAPIClient, entryPoints: [EntryPointID], configuration: MonitorConfiguration = .init(), logger: Logger = Logger(label: "ecetop.monitor")) {
        self.init(client: client, entryPoints: entryPoints, configuration: configuration, clock: ContinuousClock(), origin: Date(), logger: logger)
    }
}

/// The scheduling state of one entry point beside what it shows.
///
/// A class: the scheduler scans every entry on each turn, and as a struct each look at
/// `dueAt` copied the whole snapshot (calls, alerts, history) with a retain per field. Not
/// nested in the generic monitor, whose nested types need their metadata looked up on
/// every access.
private final class MonitoredEntry {
    var snapshot: EntryPointSnapshot
    var dueAt: Duration
    var isInFlight = false
    var isPriority = false
    var backoffLevel = 0

    init(snapshot: EntryPointSnapshot, dueAt: Duration) {
        self.snapshot = snapshot
        self.dueAt = dueAt
    }
}
