import ECEChat
import ECECommon
import Foundation
import HeapModule

/// When each entry point is polled next and with which calls: due times, who goes first,
/// the rotation of the slower calls, backoff while failing, the probe that notices a
/// server's return, and how often staleness is looked at.
///
/// A value with no clock and no tasks: the caller says what time it is (time since the
/// monitor started), so every decision can be tested by stepping `now` by hand.
///
/// Finding who is due costs O(log N), not a walk over every entry point: the waiting entry
/// points sit in a heap by due time, and a change of due time pushes a new entry that makes the
/// old one stale (skipped when it surfaces).
public struct PollSchedule: Sendable {
    /// What the loop does next.
    public enum Decision: Sendable, Hashable {
        /// Poll this entry point now (if the request budget allows).
        case poll(EntryPointID)
        /// Nothing is due: sleep until then (never more than a second away).
        case sleep(until: Duration)
    }

    /// The scheduling state of one entry point.
    struct Slot: Sendable {
        var dueAt: Duration
        var isInFlight = false
        var backoffLevel = 0
        /// Rounds dispatched so far: which of them are full is the rotation's choice.
        var round = 0
        /// Its place in the list when it came: staggers the full rounds across entry points.
        var phase = 0
        var lastRoundWasFull = false
        /// `chatAllowed`'s answer changed in a round without the slower calls: the next is full.
        var owesFullRound = false
        /// The stamp of its current entry in `waiting`; 0 while in flight, when it has none.
        var stamp: UInt64 = 0
    }

    /// An entry point waiting for its due time; ties go to the one listed first.
    struct Waiting: Comparable, Sendable {
        var dueAt: Duration
        var phase: Int
        var stamp: UInt64
        var id: EntryPointID

        static func < (a: Waiting, b: Waiting) -> Bool { (a.dueAt, a.phase, a.stamp) < (b.dueAt, b.phase, b.stamp) }
    }

    /// The interval asked for (`--interval`, `+`/`-`).
    public private(set) var interval: Duration
    /// Which calls each round makes: all of them every `fullEvery`th round, the two a
    /// supervisor reads in the others. Chosen again as the interval or the entry points change.
    public private(set) var rotation: CallRotation
    private let calls: [ChatAPICall]
    /// `--full-every`, which the budget does not move.
    private let fixedFullEvery: Int?
    let budget: RequestBudget.Configuration
    let maximumBackoff: Duration
    /// In the order the entry points were given.
    public private(set) var order: [EntryPointID] = []
    private var slots: [EntryPointID: Slot] = [:]
    private var waiting = Heap<Waiting>()
    private var nextStamp: UInt64 = 0
    /// Refreshed entry points (`r`), polled ahead of everyone, in the order they are listed.
    private var priority: [EntryPointID] = []
    /// Entry points whose last round failed because the server could not be reached (not, say,
    /// a 500): a server's answer ends their backoff, and these are the only ones it looks at.
    private var unreachable: Set<EntryPointID> = []
    public private(set) var inFlightCount = 0
    /// The entry point the user looks at: polled first when due.
    public var selected: EntryPointID?
    private var lastDispatchAt: Duration = .zero
    private var lastStalenessCheck: Duration = .seconds(-1)
    private var random: SplitMix64

    /// The interval range `setInterval` keeps to (`MonitorConfiguration.intervalSeconds`).
    static let intervalRange: ClosedRange<Duration> =
        .seconds(MonitorConfiguration.intervalSeconds.lowerBound) ... .seconds(MonitorConfiguration.intervalSeconds.upperBound)
    /// How often staleness is looked at while nothing else happens.
    static let stalenessCheckSpacing: Duration = .milliseconds(250)

    /// First polls are spread over the first round, so entry points are not polled in lockstep.
    public init(entryPoints: [EntryPointID], configuration: MonitorConfiguration) {
        interval = configuration.interval
        calls = configuration.calls
        fixedFullEvery = configuration.fullEvery
        budget = configuration.budget
        maximumBackoff = configuration.maximumBackoff
        random = SplitMix64(seed: configuration.seed)
        rotation = CallRotation(fullEvery: 1, calls: calls)
        for id in entryPoints where slots[id] == nil {
            order.append(id)
            slots[id] = Slot(dueAt: .zero, phase: order.count - 1)
        }
        chooseRotation()
        let firstRound = effectiveInterval
        for id in order {
            let offset = randomOffset(within: firstRound)
            setDue(id, offset)
        }
    }

    /// Sets when a waiting entry point is due (one in flight waits for its answer, and is
    /// queued again then).
    private mutating func setDue(_ id: EntryPointID, _ dueAt: Duration) {
        guard var slot = slots[id] else { return }
        slot.dueAt = dueAt
        if !slot.isInFlight {
            nextStamp += 1
            slot.stamp = nextStamp
            waiting.insert(Waiting(dueAt: dueAt, phase: slot.phase, stamp: nextStamp, id: id))
        }
        slots[id] = slot
        if waiting.count > 2 * slots.count + 64 { rebuildWaiting() }
    }

    /// Drops the stale entries all at once when they outnumber the live ones.
    private mutating func rebuildWaiting() {
        waiting = Heap(slots.compactMap { id, slot in
            slot.isInFlight ? nil : Waiting(dueAt: slot.dueAt, phase: slot.phase, stamp: slot.stamp, id: id)
        })
    }

    /// The waiting entry point due first, once the stale entries above it are gone.
    private mutating func earliestWaiting() -> Waiting? {
        while let top = waiting.min {
            if slots[top.id]?.stamp == top.stamp { return top }
            waiting.removeMin()
        }
        return nil
    }

    /// The interval every entry point is polled at: the one asked for, or longer when the
    /// request budget cannot pay for it even with the slower calls at their slowest.
    public var effectiveInterval: Duration {
        max(interval, budget.sustainableInterval(entryPoints: slots.count, callsEach: rotation.meanCallsPerRound))
    }

    /// The calls the entry point's next round makes: all of them on a full round.
    public func calls(for id: EntryPointID) -> [ChatAPICall] {
        guard let slot = slots[id] else { return calls }
        return rotation.calls(round: slot.round, phase: slot.phase, chatAllowedChanged: slot.owesFullRound)
    }

    private mutating func chooseRotation() {
        rotation = CallRotation(entryPoints: slots.count, interval: interval, ratePerSecond: budget.isUnlimited ? nil : budget.ratePerSecond,
                                calls: calls, fixed: fixedFullEvery)
    }

    /// When the entry point is due next.
    public func dueTime(of id: EntryPointID) -> Duration? { slots[id]?.dueAt }

    /// The entry point's rounds that have come back (answered or failed).
    public func roundsLanded(of id: EntryPointID) -> Int {
        guard let slot = slots[id] else { return 0 }
        return slot.isInFlight ? slot.round - 1 : slot.round
    }

    /// How many failed rounds in a row the entry point is backing off from.
    public func backoffLevel(of id: EntryPointID) -> Int { slots[id]?.backoffLevel ?? 0 }

    // MARK: Deciding

    /// Who is polled now: a refresh request first, then the selected entry point when due,
    /// then the most overdue; while every entry point backs off, still one probe per interval.
    public mutating func next(now: Duration) -> Decision {
        let refreshed = priority.compactMap { id in slots[id].flatMap { $0.isInFlight ? nil : (id: id, phase: $0.phase) } }
        if let first = refreshed.min(by: { $0.phase < $1.phase }) { return .poll(first.id) }
        if let selected, let slot = slots[selected], !slot.isInFlight, slot.dueAt <= now { return .poll(selected) }
        let best = earliestWaiting()
        let probe = lastDispatchAt + effectiveInterval
        if let best {
            if best.dueAt <= now { return .poll(best.id) }
            // When every entry point is backing off, still probe one per interval, so that a
            // server's return is noticed within one interval.
            if best.dueAt > probe, now >= probe { return .poll(best.id) }
        }
        // The earliest due poll, but not before the next probe, and never more than a second
        // away so staleness and the header's clock keep moving.
        let target = min(best?.dueAt ?? now + .seconds(1), max(probe, now))
        return .sleep(until: min(max(target, now), now + .seconds(1)))
    }

    /// True at most every `stalenessCheckSpacing`: time to look whose data has gone stale.
    public mutating func isStalenessCheckDue(now: Duration) -> Bool {
        guard now - lastStalenessCheck >= Self.stalenessCheckSpacing else { return false }
        lastStalenessCheck = now
        return true
    }

    // MARK: Outcomes

    /// The entry point's calls went out now; returns when it is due next.
    @discardableResult
    public mutating func didDispatch(_ id: EntryPointID, now: Duration) -> Duration? {
        guard var slot = slots[id] else { return nil }
        let interval = effectiveInterval
        var next = max(slot.dueAt, .zero) + interval
        if next < now { next = now + interval }
        slot.dueAt = next
        if !slot.isInFlight { inFlightCount += 1 }
        slot.isInFlight = true
        slot.stamp = 0
        slot.lastRoundWasFull = rotation.isFull(round: slot.round, phase: slot.phase, chatAllowedChanged: slot.owesFullRound)
        slot.owesFullRound = false
        slot.round += 1
        slots[id] = slot
        priority.removeAll { $0 == id }
        lastDispatchAt = now
        return next
    }

    /// Its round is over: it waits for its due time again.
    private mutating func landed(_ id: EntryPointID) {
        guard let slot = slots[id], slot.isInFlight else { return }
        inFlightCount -= 1
        slots[id]?.isInFlight = false
        setDue(id, slot.dueAt)
    }

    /// At least one call answered: the backoff ends, and since the server answers, so does
    /// the backoff of the entry points that could not reach it. When `chatAllowed`'s answer
    /// changed in a round that left out the slower calls, a full round is due at once (the
    /// state moved, so slots and agents likely did too); returns its due time then.
    @discardableResult
    public mutating func didAnswer(_ id: EntryPointID, now: Duration, chatAllowedChanged: Bool = false) -> Duration? {
        guard let slot = slots[id] else { return nil }
        slots[id]?.backoffLevel = 0
        unreachable.remove(id)
        landed(id)
        var moved: Duration?
        if chatAllowedChanged, !slot.lastRoundWasFull, !rotation.slowerCalls.isEmpty {
            slots[id]?.owesFullRound = true
            if !priority.contains(id) { priority.append(id) }
            setDue(id, now)
            moved = now
        }
        for other in unreachable {
            guard let slot = slots[other] else { continue }
            slots[other]?.backoffLevel = 0
            setDue(other, min(slot.dueAt, now))
        }
        unreachable.removeAll()
        return moved
    }

    /// Every call failed: from the second failure in a row the next poll waits twice as long
    /// each time (with jitter), up to `maximumBackoff`. Returns the new due time when it moved.
    @discardableResult
    public mutating func didFail(_ id: EntryPointID, now: Duration, unreachable: Bool) -> Duration? {
        guard var slot = slots[id] else { return nil }
        slot.backoffLevel += 1
        slots[id] = slot
        if unreachable { self.unreachable.insert(id) } else { self.unreachable.remove(id) }
        landed(id)
        guard slot.backoffLevel > 1 else { return nil }
        let due = now + backoffDelay(level: slot.backoffLevel)
        setDue(id, due)
        return due
    }

    private mutating func backoffDelay(level: Int) -> Duration {
        let base = effectiveInterval.inSeconds * pow(2, Double(max(0, level - 1)))
        let capped = min(base, max(maximumBackoff.inSeconds, effectiveInterval.inSeconds))
        let jitter = 0.8 + 0.4 * Double(random.next() % 1000) / 1000
        return .milliseconds(Int64(capped * jitter * 1000))
    }

    // MARK: Commands

    /// Poll this entry point next, ahead of everyone (`r` on its detail).
    public mutating func refresh(_ id: EntryPointID, now: Duration) {
        guard slots[id] != nil else { return }
        if !priority.contains(id) { priority.append(id) }
        setDue(id, now)
    }

    /// Every entry point is due now and its backoff forgotten (`r` on the grid).
    public mutating func refreshAll(now: Duration) {
        for id in order {
            slots[id]?.backoffLevel = 0
            setDue(id, now)
        }
        unreachable.removeAll()
    }

    /// Changes the interval (kept within `intervalRange`); no poll waits longer than the new one.
    public mutating func setInterval(_ interval: Duration, now: Duration) {
        self.interval = min(max(interval, Self.intervalRange.lowerBound), Self.intervalRange.upperBound)
        chooseRotation()
        let effective = effectiveInterval
        for id in order {
            if let due = slots[id]?.dueAt, due > now + effective { setDue(id, now + effective) }
        }
    }

    /// New entry points, their first polls spread over one interval from now.
    public mutating func add(_ ids: [EntryPointID], now: Duration) {
        var added: [EntryPointID] = []
        for id in ids where slots[id] == nil {
            order.append(id)
            added.append(id)
            slots[id] = Slot(dueAt: now, phase: order.count - 1)
        }
        chooseRotation()
        let spread = effectiveInterval
        for id in added {
            let offset = randomOffset(within: spread)
            setDue(id, now + offset)
        }
    }

    public mutating func remove(_ ids: [EntryPointID]) {
        let removed = Set(ids)
        order.removeAll { removed.contains($0) }
        for id in ids {
            if slots[id]?.isInFlight == true { inFlightCount -= 1 }
            slots[id] = nil
            unreachable.remove(id)
        }
        priority.removeAll { removed.contains($0) }
        chooseRotation()
    }

    /// After a pause: spread the polls over one interval from now, not all at once.
    public mutating func resume(now: Duration) {
        let interval = effectiveInterval
        for id in order {
            let offset = randomOffset(within: interval)
            setDue(id, now + offset)
        }
    }

    private mutating func randomOffset(within interval: Duration) -> Duration {
        let (seconds, attoseconds) = interval.components
        let nanoseconds = max(1, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        return .nanoseconds(Int64(random.next() % UInt64(nanoseconds)))
    }
}
