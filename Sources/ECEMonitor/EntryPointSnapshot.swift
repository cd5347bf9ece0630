import ECEChat
import ECECommon
import Foundation

/// Everything the dashboard shows of one entry point at one moment; immutable once published.
///
/// Copy-on-write: every publication, sort and frame copies snapshots, thousands of them with
/// many entry points, so a copy is one reference to shared storage, and storage is copied only
/// when a shared snapshot is changed.
public struct EntryPointSnapshot: Sendable, Identifiable {
    // Inlinable, with the storage usable from inline code: a table frame or a sort reads a
    // field of thousands of snapshots, and an accessor call for each cost more than the read.
    @usableFromInline var storage: Storage

    @inlinable
    public var id: EntryPointID {
        _read { yield storage.id }
        _modify { makeUnique(); yield &storage.id }
    }
    @inlinable
    public var label: String? {
        _read { yield storage.label }
        _modify { makeUnique(); yield &storage.label }
    }
    @inlinable
    public var group: String? {
        _read { yield storage.group }
        _modify { makeUnique(); yield &storage.group }
    }
    @inlinable
    public var calls: CallStates {
        _read { yield storage.calls }
        _modify { makeUnique(); yield &storage.calls }
    }
    /// The newest good data is older than twice the effective interval.
    @inlinable
    public var isStale: Bool {
        _read { yield storage.isStale }
        _modify { makeUnique(); yield &storage.isStale }
    }
    @inlinable
    public var severity: Severity {
        _read { yield storage.severity }
        _modify { makeUnique(); yield &storage.severity }
    }
    /// Alerts active on this entry point (reason rules and thresholds), acknowledged or not.
    @inlinable
    public var alerts: [Alert] {
        _read { yield storage.alerts }
        _modify { makeUnique(); yield &storage.alerts }
    }
    @inlinable
    public var history: EntryPointHistory {
        _read { yield storage.history }
        _modify { makeUnique(); yield &storage.history }
    }
    /// When the next poll is due; nil while paused.
    @inlinable
    public var nextPollAt: Date? {
        _read { yield storage.nextPollAt }
        _modify { makeUnique(); yield &storage.nextPollAt }
    }
    /// When `statusWord` last changed to what it is now.
    @inlinable
    public var statusSince: Date? {
        _read { yield storage.statusSince }
        _modify { makeUnique(); yield &storage.statusSince }
    }
    /// The site (server) it belongs to when the config lists several; nil otherwise.
    @inlinable
    public var site: String? {
        _read { yield storage.site }
        _modify { makeUnique(); yield &storage.site }
    }
    /// Time spent in each chat state, kept up to date with staleness.
    @inlinable
    public var availability: AvailabilityLedger {
        _read { yield storage.availability }
        _modify { makeUnique(); yield &storage.availability }
    }
    /// The queue's maximum from the config file (`max-queue-depth`).
    @inlinable
    public var configuredMaxQueueDepth: Int? {
        _read { yield storage.configuredMaxQueueDepth }
        _modify { makeUnique(); yield &storage.configuredMaxQueueDepth }
    }
    /// The depth last seen together with `queue_depth_reached` (or eligibility 2).
    @inlinable
    public var learnedMaxQueueDepth: Int? {
        _read { yield storage.learnedMaxQueueDepth }
        _modify { makeUnique(); yield &storage.learnedMaxQueueDepth }
    }

    public init(id: EntryPointID, label: String? = nil, group: String? = nil, calls: CallStates = CallStates(),
                isStale: Bool = false, severity: Severity = .unknown, alerts: [Alert] = [],
                history: EntryPointHistory = EntryPointHistory(capacity: 1), nextPollAt: Date? = nil) {
        storage = Storage(id: id, label: label, group: group, calls: calls, isStale: isStale, severity: severity,
                          alerts: alerts, history: history, nextPollAt: nextPollAt)
    }

    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
    }

    /// The fields, shared between copies until one of them changes.
    ///
    /// Unchecked, for sending and for exclusive access alike: a `Storage` is only written
    /// through `makeUnique`, so a shared one, the only kind another task can see, is never
    /// written, and a write to an unshared one is the access that makes it unshared.
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline @exclusivity(unchecked) var id: EntryPointID
        @usableFromInline @exclusivity(unchecked) var label: String?
        @usableFromInline @exclusivity(unchecked) var group: String?
        @usableFromInline @exclusivity(unchecked) var calls: CallStates
        @usableFromInline @exclusivity(unchecked) var isStale: Bool
        @usableFromInline @exclusivity(unchecked) var severity: Severity
        @usableFromInline @exclusivity(unchecked) var alerts: [Alert]
        @usableFromInline @exclusivity(unchecked) var history: EntryPointHistory
        @usableFromInline @exclusivity(unchecked) var nextPollAt: Date?
        @usableFromInline @exclusivity(unchecked) var statusSince: Date?
        @usableFromInline @exclusivity(unchecked) var site: String?
        @usableFromInline @exclusivity(unchecked) var availability = AvailabilityLedger()
        @usableFromInline @exclusivity(unchecked) var configuredMaxQueueDepth: Int?
        @usableFromInline @exclusivity(unchecked) var learnedMaxQueueDepth: Int?

        init(id: EntryPointID, label: String?, group: String?, calls: CallStates, isStale: Bool, severity: Severity,
             alerts: [Alert], history: EntryPointHistory, nextPollAt: Date?) {
            self.id = id
            self.label = label
            self.group = group
            self.calls = calls
            self.isStale = isStale
            self.severity = severity
            self.alerts = alerts
            self.history = history
            self.nextPollAt = nextPollAt
        }

        @usableFromInline init(copying other: Storage) {
            id = other.id
            label = other.label
            group = other.group
            calls = other.calls
            isStale = other.isStale
            severity = other.severity
            alerts = other.alerts
            history = other.history
            nextPollAt = other.nextPollAt
            statusSince = other.statusSince
            site = other.site
            availability = other.availability
            configuredMaxQueueDepth = other.configuredMaxQueueDepth
            learnedMaxQueueDepth = other.learnedMaxQueueDepth
        }
    }

    public func state(_ call: ChatAPICall) -> CallState { calls[call] ?? CallState() }

    public var chatAllowed: ChatAllowed? {
        if case .chatAllowed(let value) = calls[.chatAllowed]?.lastValue { return value }
        return nil
    }

    public var sessionStatus: SessionStatus? {
        if case .sessionStatus(let value) = calls[.liveSessionStatus]?.lastValue { return value }
        return nil
    }

    /// Free slots (`capacity`).
    public var freeSlots: Int? {
        if case .capacity(let value) = calls[.capacity]?.lastValue { return value }
        return nil
    }

    public var agentAvailable: Bool? {
        if case .agentAvailability(let value) = calls[.agentAvailability]?.lastValue { return value }
        return nil
    }

    public var eligibility: Eligibility? {
        if case .eligibility(let value) = calls[.checkEligibility]?.lastValue { return value }
        return nil
    }

    /// The time of the newest good value of any call.
    public var newestDataAt: Date? {
        var newest: Date?
        for state in calls.values {
            if let at = state.lastSuccessAt, newest.map({ at > $0 }) ?? true { newest = at }
        }
        return newest
    }

    /// `2s`, or `2s-40s` when the values shown differ in age: with the slower calls polled every
    /// Nth round, their values are older than the newest, and must not pass for as fresh.
    public func dataAgeText(at now: Date) -> String? {
        // One pass, no arrays: a table frame asks this of every row.
        var newest: Date?, oldest: Date?
        for state in calls.values {
            guard let at = state.lastSuccessAt else { continue }
            if newest.map({ at > $0 }) ?? true { newest = at }
            if oldest.map({ at < $0 }) ?? true { oldest = at }
        }
        guard let newest, let oldest else { return nil }
        let youngest = DurationText.age(seconds: now.timeIntervalSince(newest))
        let eldest = DurationText.age(seconds: now.timeIntervalSince(oldest))
        return eldest == youngest ? youngest : "\(youngest)-\(eldest)"
    }

    /// Whether any call's most recent exchange failed; unlike `failingCalls`, builds nothing.
    public var hasFailingCall: Bool { calls.values.contains { $0.isFailing && $0.lastError != nil } }

    /// Calls whose most recent exchange failed, with their errors, in the API's order.
    public var failingCalls: [(call: ChatAPICall, error: CallFailure)] {
        // Nearly every panel of every frame asks, and nearly always nothing fails: answer that
        // without building an array.
        guard hasFailingCall else { return [] }
        return ChatAPICall.allCases.compactMap { call in
            guard let state = calls[call], state.isFailing, let error = state.lastError else { return nil }
            return (call, error)
        }
    }

    /// Any alert not yet acknowledged: the panel flashes while this is true.
    public var hasUnacknowledgedAlert: Bool { alerts.contains { !$0.isAcknowledged } }

    /// When the queue fills up at its recent rate, with the fit's inputs; nil without a maximum,
    /// on stale data or with too few recent samples.
    public func queueForecast(at now: Date) -> QueueForecast? {
        let maximum = configuredMaxQueueDepth ?? learnedMaxQueueDepth
        return QueueForecast.fit(history.queueDepth, at: now, maximum: maximum,
                                 source: configuredMaxQueueDepth != nil ? .configured : .learned, isStale: isStale)
    }

    /// Time in each chat state over the last `seconds` before `now`, or since the start for nil.
    public func timeInStates(over seconds: Double?, at now: Date) -> AvailabilityBreakdown {
        availability.breakdown(from: seconds.map { now.addingTimeInterval(-$0) }, to: now)
    }

    /// The share allowed and the share unknown over the last `seconds` before `now` (nil: since
    /// the start), as `timeInStates` gives them, without its table by reason.
    public func availabilityShares(over seconds: Double?, at now: Date) -> AvailabilityShares {
        availability.availabilityShares(from: seconds.map { now.addingTimeInterval(-$0) }, to: now)
    }

    /// Marks every alert seen (`a`, `A`): it stays listed but stops demanding attention.
    public mutating func acknowledgeAlerts() {
        for index in alerts.indices { alerts[index].isAcknowledged = true }
    }

    /// The reason shown on the panel, as the API spells it, or `allowed`.
    public var statusWord: String {
        guard let chatAllowed else { return "unknown" }
        if chatAllowed.allowed { return "allowed" }
        return chatAllowed.reason?.rawValue ?? "not allowed"
    }
}
