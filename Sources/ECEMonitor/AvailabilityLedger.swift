import Foundation

/// How long one entry point spent in each chat state, time-weighted: an answer stands until
/// the next one, or until it goes stale, after which the time counts as unknown.
///
/// Pure and clock-free: it learns time only from what it is told, so the live monitor, the
/// replay and `ecetop report` agree on the same answers.
public struct AvailabilityLedger: Sendable {
    /// A stretch of time spent in one state.
    public struct Segment: Sendable, Hashable {
        public var start: Date
        public var end: Date
        public var state: ChatState

        public init(start: Date, end: Date, state: ChatState) {
            self.start = start
            self.end = end
            self.state = state
        }

        public var seconds: Double { end.timeIntervalSince(start) }
    }

    /// How far back `breakdown(from:to:)` can reach for a window; totals since the start are kept apart.
    public let retention: Double
    /// When the first state was observed.
    public private(set) var firstObservation: Date?
    /// The state now, since when, and until when its answer stands (nil: until told otherwise).
    public private(set) var current: ChatState = .unknown
    public private(set) var currentSince: Date?
    private var validUntil: Date?
    /// When the current answer stops standing and the time after it counts as unknown; nil
    /// while the state is unknown (nothing to lapse).
    public var answerLapsesAt: Date? { current == .unknown ? nil : validUntil }
    /// Closed segments within `retention` of the newest, oldest first, neighbours merged.
    private var recent: [Segment] = []
    private var totals = AvailabilityBreakdown()

    public init(retention: Double = 3600) {
        self.retention = retention
    }

    /// Takes in the state at `time`, whose answer stands until `validUntil` (nil for unknown).
    ///
    /// - Returns: the segments this closes, oldest first (at most two: the lapsed answer's
    ///   rest and the unknown time after it).
    @discardableResult
    public mutating func observe(_ state: ChatState, at time: Date, validUntil: Date?) -> [Segment] {
        guard let since = currentSince else {
            firstObservation = time
            current = state
            currentSince = time
            self.validUntil = state == .unknown ? nil : validUntil
            return []
        }
        guard time >= since else { return [] }
        var closed: [Segment] = []
        if current != .unknown, let until = self.validUntil, until < time {
            // The answer lapsed before this moment: it stood until then, the rest is unknown.
            if until > since { closed.append(Segment(start: since, end: until, state: current)) }
            current = .unknown
            currentSince = max(until, since)
            self.validUntil = nil
        }
        if state == current {
            self.validUntil = state == .unknown ? nil : validUntil
        } else {
            if let start = currentSince, time > start { closed.append(Segment(start: start, end: time, state: current)) }
            current = state
            currentSince = time
            self.validUntil = state == .unknown ? nil : validUntil
        }
        for segment in closed { keep(segment) }
        return closed
    }

    /// The open segment as it stands at `end`: the current state until its answer lapses, then unknown.
    public func openSegments(until end: Date) -> [Segment] {
        guard let since = currentSince, end > since else { return [] }
        if current != .unknown, let until = validUntil, until < end {
            return [Segment(start: since, end: max(until, since), state: current), Segment(start: max(until, since), end: end, state: .unknown)]
                .filter { $0.seconds > 0 }
        }
        return [Segment(start: since, end: end, state: current)]
    }

    /// Time in each state from `start` (nil: since the first observation) to `end`.
    ///
    /// A `start` further back than `retention` from the newest closed segment counts only what
    /// is kept; time before the first observation is not counted at all.
    public func breakdown(from start: Date?, to end: Date) -> AvailabilityBreakdown {
        var result = start == nil ? totals : AvailabilityBreakdown()
        forEachSpan(from: start, to: end, includingKept: start != nil) { state, seconds in result.add(state, seconds) }
        return result
    }

    /// The allowed and unknown parts of `breakdown(from:to:)` alone, without its table by reason:
    /// a table frame asks this of every row.
    public func availabilityShares(from start: Date?, to end: Date) -> AvailabilityShares {
        var shares = AvailabilityShares()
        if start == nil {
            for (state, seconds) in totals.seconds { shares.add(state, seconds) }
        }
        forEachSpan(from: start, to: end, includingKept: start != nil) { state, seconds in shares.add(state, seconds) }
        return shares
    }

    /// Calls `body` with each stretch of time between `start` and `end`, clipped to them: the
    /// kept segments (when asked) and the open one; nothing built on the way.
    private func forEachSpan(from start: Date?, to end: Date, includingKept: Bool, _ body: (ChatState, Double) -> Void) {
        let start = start ?? .distantPast
        if includingKept {
            for segment in recent where segment.end > start && segment.start < end {
                body(segment.state, min(segment.end, end).timeIntervalSince(max(segment.start, start)))
            }
        }
        guard let since = currentSince, end > since else { return }
        if current != .unknown, let until = validUntil, until < end {
            let lapsed = max(until, since)
            if lapsed > start { body(current, lapsed.timeIntervalSince(max(since, start))) }
            body(.unknown, end.timeIntervalSince(max(lapsed, start)))
        } else {
            body(current, end.timeIntervalSince(max(since, start)))
        }
    }

    private mutating func keep(_ segment: Segment) {
        totals.add(segment.state, segment.seconds)
        if let last = recent.indices.last, recent[last].state == segment.state, recent[last].end == segment.start {
            recent[last].end = segment.end
        } else {
            recent.append(segment)
        }
        let horizon = segment.end.addingTimeInterval(-retention)
        if let first = recent.first, first.end < horizon {
            recent.removeAll { $0.end < horizon }
        }
    }
}
