import ECEChat
import Foundation

/// Builds a `ShiftReport` from a recording's lines as they stream past, with the live
/// monitor's own rules (`EntryPointSnapshot.replay`), holding per entry point only its current
/// picture and what the report will print.
public struct ShiftReportBuilder {
    public struct Configuration: Sendable {
        /// The window; nil: from the recording's start, to its last poll.
        public var from: Date?
        public var to: Date?
        /// Only these entry points; nil: all.
        public var entryPoints: Set<EntryPointID>?
        /// Keep every state change and a queue-depth trace, for the HTML timeline.
        public var keepsTimeline = false

        public init(from: Date? = nil, to: Date? = nil, entryPoints: Set<EntryPointID>? = nil, keepsTimeline: Bool = false) {
            self.from = from
            self.to = to
            self.entryPoints = entryPoints
            self.keepsTimeline = keepsTimeline
        }
    }

    /// Most points of a queue-depth trace: past this, neighbouring stretches merge in pairs.
    static let traceLimit = 1200

    private struct Tracker {
        var snapshot: EntryPointSnapshot
        var row: ShiftReport.EntryPointRow
        /// How long one point of the queue trace covers; doubles when the trace is full.
        var traceStep: Double = 1
    }

    private let configuration: Configuration
    private var monitorConfiguration = MonitorConfiguration()
    private var header: RecordingHeader?
    private var start = Date(timeIntervalSince1970: 0)
    private var lastPollTime: Date?
    private var order: [EntryPointID] = []
    private var trackers: [EntryPointID: Tracker] = [:]
    private var closed: [AvailabilityLedger.Segment] = []

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The window's start: the asked `from`, but not before the recording starts.
    private var windowStart: Date { max(configuration.from ?? start, start) }

    /// Takes in one good line of the recording.
    public mutating func take(_ item: RecordingStream.Item) {
        switch item {
        case .header(let header):
            if self.header == nil {
                self.header = header
                monitorConfiguration = header.monitorConfiguration
                start = RecordingTime.date(header.started) ?? start
            }
            for entryPoint in header.entryPoints {
                guard let id = EntryPointID(entryPoint.id) else { continue }
                if monitorConfiguration.entryPointInfo[id] == nil {
                    monitorConfiguration.entryPointInfo[id] = .init(label: entryPoint.label, group: entryPoint.group, maxQueueDepth: entryPoint.maxQueueDepth)
                }
                track(id)
            }
        case .poll(let poll):
            if let to = configuration.to, poll.time > to { return }
            lastPollTime = poll.time
            guard header != nil, track(poll.entryPoint), var tracker = trackers.removeValue(forKey: poll.entryPoint) else { return }
            closed.removeAll(keepingCapacity: true)
            _ = tracker.snapshot.replay(poll.answers, at: poll.time, interval: poll.interval, thresholds: monitorConfiguration.thresholds,
                                        since: start, closing: &closed)
            for segment in closed { account(segment, in: &tracker.row) }
            if poll.time >= windowStart, let status = tracker.snapshot.sessionStatus, tracker.snapshot.state(.liveSessionStatus).lastSuccessAt == poll.time {
                notePeaks(status, at: poll.time, in: &tracker)
            }
            trackers[poll.entryPoint] = tracker
        }
    }

    /// The report, closing every entry point's last stretch at the window's end.
    public mutating func finish(skippedLines: Int) -> ShiftReport {
        let end = max(configuration.to ?? lastPollTime ?? start, windowStart)
        var rows: [ShiftReport.EntryPointRow] = []
        for id in order {
            guard var tracker = trackers[id] else { continue }
            for segment in tracker.snapshot.availability.openSegments(until: end) { account(segment, in: &tracker.row) }
            rows.append(tracker.row)
        }
        return ShiftReport(from: windowStart, to: end, server: header?.server ?? "", skippedLines: skippedLines,
                           entryPoints: rows, groups: Self.groups(of: rows))
    }

    /// Starts following `id` (from the recording's start, unknown until it answers) unless
    /// it is filtered out; returns whether it is followed.
    @discardableResult
    private mutating func track(_ id: EntryPointID) -> Bool {
        if trackers[id] != nil { return true }
        if let wanted = configuration.entryPoints, !wanted.contains(id) { return false }
        var snapshot = EntryPointSnapshot.empty(id, configuration: monitorConfiguration)
        snapshot.availability = AvailabilityLedger(retention: 0)
        _ = snapshot.updateStaleness(at: start, interval: monitorConfiguration.interval, ageWithoutData: 0)
        let row = ShiftReport.EntryPointRow(id: id, label: snapshot.label, group: snapshot.group)
        trackers[id] = Tracker(snapshot: snapshot, row: row)
        order.append(id)
        return true
    }

    /// Counts the part of `segment` inside the window: time, incidents, gaps, timeline.
    private func account(_ segment: AvailabilityLedger.Segment, in row: inout ShiftReport.EntryPointRow) {
        var clipped = segment
        clipped.start = max(segment.start, windowStart)
        if let to = configuration.to { clipped.end = min(segment.end, to) }
        guard clipped.end > clipped.start else { return }
        row.breakdown.add(clipped.state, clipped.seconds)
        if clipped.state.severity == .critical {
            if let last = row.incidents.indices.last, row.incidents[last].reason == clipped.state.description, row.incidents[last].end == clipped.start {
                row.incidents[last].end = clipped.end
            } else {
                row.incidents.append(.init(start: clipped.start, end: clipped.end, reason: clipped.state.description))
            }
        }
        if clipped.state == .unknown { Self.append(clipped, to: &row.gaps) }
        if configuration.keepsTimeline { Self.append(clipped, to: &row.timeline) }
    }

    private static func append(_ segment: AvailabilityLedger.Segment, to segments: inout [AvailabilityLedger.Segment]) {
        if let last = segments.indices.last, segments[last].state == segment.state, segments[last].end == segment.start {
            segments[last].end = segment.end
        } else {
            segments.append(segment)
        }
    }

    private func notePeaks(_ status: SessionStatus, at time: Date, in tracker: inout Tracker) {
        let depth = Double(status.queueDepth)
        if depth > (tracker.row.deepestQueue?.value ?? -1) { tracker.row.deepestQueue = .init(value: depth, time: time) }
        if status.waitTimeSeconds.isFinite, status.waitTimeSeconds > (tracker.row.longestWait?.value ?? -1) {
            tracker.row.longestWait = .init(value: status.waitTimeSeconds, time: time)
        }
        guard configuration.keepsTimeline else { return }
        // One point per stretch of `traceStep` seconds, the deepest in it; when full, pairs merge.
        let slot = (time.timeIntervalSince(windowStart) / tracker.traceStep).rounded(.down)
        if let last = tracker.row.queueTrace.last, (last.time.timeIntervalSince(windowStart) / tracker.traceStep).rounded(.down) == slot {
            tracker.row.queueTrace[tracker.row.queueTrace.count - 1].value = max(last.value, depth)
        } else {
            tracker.row.queueTrace.append(.init(time: time, value: depth))
        }
        if tracker.row.queueTrace.count > Self.traceLimit {
            tracker.traceStep *= 2
            var merged: [EntryPointHistory.Sample] = []
            for sample in tracker.row.queueTrace {
                let slot = (sample.time.timeIntervalSince(windowStart) / tracker.traceStep).rounded(.down)
                if let last = merged.last, (last.time.timeIntervalSince(windowStart) / tracker.traceStep).rounded(.down) == slot {
                    merged[merged.count - 1].value = max(last.value, sample.value)
                } else {
                    merged.append(sample)
                }
            }
            tracker.row.queueTrace = merged
        }
    }

    /// Groups in the order their first member appears; entry points without one are in none.
    private static func groups(of rows: [ShiftReport.EntryPointRow]) -> [ShiftReport.GroupRow] {
        var groups: [ShiftReport.GroupRow] = []
        for row in rows {
            guard let name = row.group else { continue }
            var index = groups.firstIndex { $0.name == name }
            if index == nil {
                groups.append(.init(name: name, members: [], breakdown: .init(), incidents: 0, incidentSeconds: 0))
                index = groups.count - 1
            }
            groups[index!].members.append(row.id)
            groups[index!].breakdown.add(row.breakdown)
            groups[index!].incidents += row.incidents.count
            groups[index!].incidentSeconds += row.incidents.reduce(0) { $0 + $1.seconds }
            if let peak = row.deepestQueue, peak.value > (groups[index!].deepestQueue?.value ?? -1) { groups[index!].deepestQueue = peak }
            if let peak = row.longestWait, peak.value > (groups[index!].longestWait?.value ?? -1) { groups[index!].longestWait = peak }
        }
        return groups
    }
}
