import ECEChat
import ECECommon
import Foundation

/// The rules that turn a round of answers into a new picture of one entry point, shared by the
/// live monitor and the replay of a recording so that both show the same thing for the same answers.
extension EntryPointSnapshot {
    /// The picture of an entry point before any answer, with history room for the configured window.
    public static func empty(_ id: EntryPointID, configuration: MonitorConfiguration) -> EntryPointSnapshot {
        let info = configuration.entryPointInfo[id]
        let capacity = min(7200, EntryPointHistory.capacity(window: configuration.historyWindow, interval: configuration.interval))
        var snapshot = EntryPointSnapshot(id: id, label: info?.label, group: info?.group, history: EntryPointHistory(capacity: capacity))
        snapshot.configuredMaxQueueDepth = info?.maxQueueDepth
        return snapshot
    }

    /// Takes in one round of the client's exchanges, as `record(answers:at:)` does.
    public mutating func record(_ exchanges: [ChatAPIExchange], at time: Date) {
        record(answers: exchanges.map(CallAnswer.init), at: time)
    }

    /// Takes in one round of answers: each call's state and the history's samples.
    public mutating func record(answers: [CallAnswer], at time: Date) {
        for answer in answers {
            calls[answer.call, default: CallState()].record(answer, at: time)
            guard case .success(let value) = answer.outcome else { continue }
            switch value {
            case .sessionStatus(let status):
                history.recordSessionStatus(queueDepth: status.queueDepth, waitTimeSeconds: status.waitTimeSeconds, at: time)
            case .capacity(let slots):
                history.recordFreeSlots(slots, at: time)
            default:
                break
            }
        }
        let full = chatAllowed?.reason == .queueDepthReached || eligibility == .queueDepthReached
        if full, let depth = sessionStatus?.queueDepth, depth > 0 { learnedMaxQueueDepth = depth }
    }

    /// Recomputes severity and alerts against `old` (the picture before the round); returns
    /// the events the change makes, oldest first.
    public mutating func derive(from old: EntryPointSnapshot, at time: Date, thresholds: AlertThresholds) -> [MonitorEvent] {
        var events: [MonitorEvent] = []
        if old.statusWord != statusWord {
            statusSince = time
            history.recordStatusChange(statusWord, at: time)
            events.append(MonitorEvent(time: time, entryPoint: id, kind: .statusChanged, call: nil, old: old.statusWord, new: statusWord))
        }
        if old.eligibility != eligibility, let eligibility {
            events.append(MonitorEvent(time: time, entryPoint: id, kind: .eligibilityChanged, call: .checkEligibility,
                                       old: old.eligibility?.description ?? "unknown", new: eligibility.description))
        }
        for call in ChatAPICall.allCases {
            let before = old.state(call), after = state(call)
            if !before.isFailing, after.isFailing, let error = after.lastError {
                events.append(MonitorEvent(time: time, entryPoint: id, kind: .errorStarted, call: call, old: "ok", new: error.description))
            } else if before.isFailing, !after.isFailing {
                events.append(MonitorEvent(time: time, entryPoint: id, kind: .errorEnded, call: call,
                                           old: before.lastError?.description ?? "error", new: "ok"))
            }
        }
        var raised: [Alert] = []
        for (rule, severity) in thresholds.evaluate(self, at: time) {
            if let existing = old.alerts.first(where: { $0.rule == rule }) {
                raised.append(Alert(rule: rule, severity: severity, since: existing.since, isAcknowledged: existing.isAcknowledged))
            } else {
                raised.append(Alert(rule: rule, severity: severity, since: time, isAcknowledged: false))
                events.append(MonitorEvent(time: time, entryPoint: id, kind: .alertRaised, call: nil, old: "", new: "\(severity): \(rule)"))
            }
        }
        for cleared in old.alerts where !raised.contains(where: { $0.rule == cleared.rule }) {
            events.append(MonitorEvent(time: time, entryPoint: id, kind: .alertCleared, call: nil, old: cleared.rule.description, new: ""))
        }
        alerts = raised
        let callSeverity = Severity.of(chatAllowed: chatAllowed, anyCallFailed: hasFailingCall)
        severity = max(callSeverity, raised.map(\.severity).max() ?? .ok)
        return events
    }

    /// Marks the entry point stale when its newest good data is older than two intervals.
    ///
    /// - Parameter ageWithoutData: how long it has been watched, for one that never answered.
    /// - Returns: the event of the change, when it changed and there was data to grow old.
    public mutating func updateStaleness(at time: Date, interval: Duration, ageWithoutData: Double) -> MonitorEvent? {
        var closed: [AvailabilityLedger.Segment] = []
        return updateStaleness(at: time, interval: interval, ageWithoutData: ageWithoutData, closing: &closed)
    }

    /// Marks staleness as above and brings the availability ledger up to `time`, appending the
    /// stretches of time it closes to `closed` (for a report that keeps more than the ledger's window).
    public mutating func updateStaleness(at time: Date, interval: Duration, ageWithoutData: Double,
                                         closing closed: inout [AvailabilityLedger.Segment]) -> MonitorEvent? {
        closed += observeAvailability(at: time, interval: interval)
        let newest = newestDataAt
        let age = newest.map { time.timeIntervalSince($0) } ?? ageWithoutData
        let stale = age > (interval * 2).inSeconds
        guard stale != isStale else { return nil }
        isStale = stale
        guard newest != nil else { return nil }
        return MonitorEvent(time: time, entryPoint: id, kind: stale ? .becameStale : .becameFresh, call: nil,
                            old: "", new: stale ? "\(Int(age)) s old" : "")
    }

    /// The moment after which `updateStaleness` may change this snapshot if no answer comes
    /// first: its data goes stale, or its `chatAllowed` answer lapses in the ledger. Nil: not
    /// before the next answer. Before it, `updateStaleness` changes nothing and returns nil.
    ///
    /// - Parameter watchedSince: the moment `ageWithoutData` counts from.
    public func stalenessChangeDue(interval: Duration, watchedSince: Date) -> Date? {
        // The ledger's first observation is made by the first check, whenever it comes.
        guard availability.currentSince != nil else { return .distantPast }
        let doubleInterval = (interval * 2).inSeconds
        var due = isStale ? nil : (newestDataAt ?? watchedSince).addingTimeInterval(doubleInterval)
        if let lapse = availability.answerLapsesAt { due = min(due ?? lapse, lapse) }
        return due
    }

    /// The chat state `chatAllowed` gives now: its answer stands from when it came until two
    /// intervals later (as staleness); a failing call or no answer yet is unknown.
    private mutating func observeAvailability(at time: Date, interval: Duration) -> [AvailabilityLedger.Segment] {
        let call = state(.chatAllowed)
        if call.isFailing, let failedAt = call.failingSince {
            return availability.observe(.unknown, at: failedAt, validUntil: nil)
        }
        guard let answeredAt = call.lastSuccessAt, let chatAllowed else {
            return availability.observe(.unknown, at: availability.currentSince ?? time, validUntil: nil)
        }
        return availability.observe(ChatState(chatAllowed), at: answeredAt, validUntil: answeredAt.addingTimeInterval((interval * 2).inSeconds))
    }

    /// Takes in one recorded round as the live monitor does: staleness caught up to the round's
    /// moment, the answers, the rules, and staleness again. Returns the events it made.
    public mutating func replay(_ answers: [CallAnswer], at time: Date, interval: Duration, thresholds: AlertThresholds,
                                since start: Date, closing closed: inout [AvailabilityLedger.Segment]) -> [MonitorEvent] {
        var events: [MonitorEvent] = []
        if let event = updateStaleness(at: time, interval: interval, ageWithoutData: time.timeIntervalSince(start), closing: &closed) {
            events.append(event)
        }
        // The rules compare with the picture before, but never its history: letting go of it
        // keeps the history's storage unshared, so a sample is appended in place, not copied
        // with the hour behind it (replays apply thousands of polls at once).
        var old = self
        old.history = EntryPointHistory(capacity: 1)
        record(answers: answers, at: time)
        events += derive(from: old, at: time, thresholds: thresholds)
        if let event = updateStaleness(at: time, interval: interval, ageWithoutData: time.timeIntervalSince(start), closing: &closed) {
            events.append(event)
        }
        return events
    }
}
