import ECEChat
import Foundation

/// The picture a recording gives at one recorded moment: every poll up to then taken in with
/// the live monitor's own rules (severity, alerts, events, history, staleness).
///
/// Moving forward applies the polls in between; moving back starts again from the beginning
/// (a recording of a day replays in well under a second).
public struct ReplayTimeline: Sendable {
    public let recording: Recording
    private let configuration: MonitorConfiguration
    /// The recorded moment shown.
    public private(set) var position: Date
    /// How many of the recording's polls are taken in.
    public private(set) var appliedPolls = 0
    private var entries: [EntryPointID: EntryPointSnapshot] = [:]
    private var events: EventLog
    private var interval: Duration
    /// Calls in the polls taken in, for the header's request count.
    private var callsTaken = 0
    /// Polls taken in per entry point: staleness allows for the first round, as live.
    private var pollsTaken: [EntryPointID: Int] = [:]

    public init(_ recording: Recording) {
        self.recording = recording
        configuration = recording.header.monitorConfiguration
        position = recording.start
        events = EventLog(capacity: max(1, configuration.eventCapacity))
        interval = configuration.interval
        reset()
    }

    public var start: Date { recording.start }
    public var end: Date { recording.end }

    /// When the next poll not yet shown was taken in; nil after the last.
    public var nextPollTime: Date? {
        appliedPolls < recording.polls.count ? recording.polls[appliedPolls].time : nil
    }

    /// Shows the recording at `target`, kept within its start and end.
    public mutating func move(to target: Date) {
        let target = min(max(target, start), end)
        if target < position { reset() }
        while appliedPolls < recording.polls.count, recording.polls[appliedPolls].time <= target {
            apply(recording.polls[appliedPolls])
            appliedPolls += 1
        }
        position = target
        for id in recording.entryPoints { updateStaleness(of: id, at: target) }
    }

    /// Marks alerts seen, as `a` and `A` do live (until a seek back replays them afresh).
    public mutating func acknowledge(_ id: EntryPointID?) {
        for key in id.map({ [$0] }) ?? recording.entryPoints { entries[key]?.acknowledgeAlerts() }
    }

    /// The dashboard's picture of this moment.
    public func snapshot(generation: Int, status: ReplayStatus) -> MonitorSnapshot {
        let shown = recording.entryPoints.compactMap { entries[$0] }
        var snapshot = MonitorSnapshot(
            generation: generation, takenAt: position, server: recording.header.server, entryPoints: shown,
            askedInterval: configuration.interval, effectiveInterval: interval, budget: configuration.budget,
            isPaused: status.isPaused, events: events,
            diagnoses: DiagnosisRules.diagnose(shown, quorum: configuration.diagnosisQuorum),
            requestsSent: callsTaken
        )
        snapshot.replay = status
        snapshot.summary = FloorSummary(shown)
        return snapshot
    }

    private mutating func reset() {
        entries = Dictionary(uniqueKeysWithValues: recording.entryPoints.map { ($0, EntryPointSnapshot.empty($0, configuration: configuration)) })
        events = EventLog(capacity: events.capacity)
        interval = configuration.interval
        appliedPolls = 0
        callsTaken = 0
        pollsTaken = [:]
        position = start
    }

    private mutating func apply(_ poll: Recording.Poll) {
        interval = poll.interval
        callsTaken += poll.answers.count
        guard var entry = entries.removeValue(forKey: poll.entryPoint) else { return }
        var closed: [AvailabilityLedger.Segment] = []
        // Judged with the rounds before this one, as the live monitor judged the data this
        // poll replaced; the answers it brings are fresh either way.
        for event in entry.replay(poll.answers, at: poll.time, interval: stalenessInterval(of: poll.entryPoint),
                                  thresholds: configuration.thresholds, since: start, closing: &closed) {
            events.append(event)
        }
        entries[poll.entryPoint] = entry
        pollsTaken[poll.entryPoint, default: 0] += 1
    }

    private func stalenessInterval(of id: EntryPointID) -> Duration {
        configuration.stalenessInterval(effective: interval, entryPoints: recording.entryPoints.count, roundsAnswered: pollsTaken[id] ?? 0)
    }

    private mutating func updateStaleness(of id: EntryPointID, at time: Date) {
        guard var entry = entries[id] else { return }
        let event = entry.updateStaleness(at: time, interval: stalenessInterval(of: id), ageWithoutData: time.timeIntervalSince(start))
        if let event { events.append(event) }
        entries[id] = entry
    }
}
