import ECEChat
import Foundation

/// What `ecetop report` tells of a recorded stretch of time: per entry point and per group,
/// the share of time chat was allowed and why not, incidents, peaks and polling gaps.
public struct ShiftReport: Sendable {
    /// A critical period: chat refused for a reason that stops it for everyone.
    public struct Incident: Sendable, Hashable {
        public var start: Date
        public var end: Date
        /// As the API spells it.
        public var reason: String
        public var seconds: Double { end.timeIntervalSince(start) }
    }

    /// The highest value of a series and when it was first seen.
    public struct Peak: Sendable, Hashable {
        public var value: Double
        public var time: Date
    }

    /// One entry point's figures over the report's window.
    public struct EntryPointRow: Sendable {
        public var id: EntryPointID
        public var label: String?
        public var group: String?
        public var breakdown = AvailabilityBreakdown()
        public var incidents: [Incident] = []
        /// Stretches with no valid answer (not yet polled, failing, stale).
        public var gaps: [AvailabilityLedger.Segment] = []
        public var deepestQueue: Peak?
        public var longestWait: Peak?
        /// Every stretch of time in one state, for the HTML timeline (empty unless asked for).
        public var timeline: [AvailabilityLedger.Segment] = []
        /// Queue depth, the deepest of each stretch, for the HTML timeline (empty unless asked for).
        public var queueTrace: [EntryPointHistory.Sample] = []

        /// `1000 Sales` or `1000`.
        public var name: String { label.map { "\(id) \($0)" } ?? "\(id)" }
    }

    /// A group's figures: its members' time together, their incidents and peaks.
    public struct GroupRow: Sendable {
        public var name: String
        public var members: [EntryPointID]
        public var breakdown: AvailabilityBreakdown
        public var incidents: Int
        public var incidentSeconds: Double
        public var deepestQueue: Peak?
        public var longestWait: Peak?
    }

    public var from: Date
    public var to: Date
    public var server: String
    /// Damaged lines skipped while reading.
    public var skippedLines: Int
    public var entryPoints: [EntryPointRow]
    public var groups: [GroupRow]

    public var seconds: Double { to.timeIntervalSince(from) }
}
