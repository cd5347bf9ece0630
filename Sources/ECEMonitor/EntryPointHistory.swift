import Foundation

/// Bounded history of one entry point's numbers, one sample per successful poll.
public struct EntryPointHistory: Sendable {
    /// One reading of one series.
    public struct Sample: Sendable, Hashable {
        public var time: Date
        public var value: Double

        public init(time: Date, value: Double) {
            self.time = time
            self.value = value
        }
    }

    /// Queue depth and wait time: both come from one `liveSessionStatus` answer.
    private var sessionStatus: HistoryTable
    private var capacityTable: HistoryTable
    public var queueDepth: HistorySeries { sessionStatus.series(0) }
    public var waitTimeSeconds: HistorySeries { sessionStatus.series(1) }
    public var freeSlots: HistorySeries { capacityTable.series(0) }
    /// When the chatAllowed reason changed, and to what (for chart marks).
    public private(set) var reasonChanges: RingBuffer<(time: Date, status: String)>

    public init(capacity: Int) {
        sessionStatus = HistoryTable(capacity: capacity, columns: 2)
        capacityTable = HistoryTable(capacity: capacity, columns: 1)
        reasonChanges = RingBuffer(capacity: max(16, capacity / 8))
    }

    /// Enough samples for `window` at one sample per `interval`.
    public static func capacity(window: Duration, interval: Duration) -> Int {
        let seconds = Double(window.components.seconds)
        let step = max(0.05, Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
        return max(2, Int((seconds / step).rounded(.up)))
    }

    /// One `liveSessionStatus` answer: queue depth and wait time, on one time axis.
    public mutating func recordSessionStatus(queueDepth: Int, waitTimeSeconds: Double, at time: Date) {
        sessionStatus.append(Double(queueDepth), waitTimeSeconds, at: time)
    }

    public mutating func recordFreeSlots(_ value: Int, at time: Date) { capacityTable.append(Double(value), at: time) }
    public mutating func recordStatusChange(_ status: String, at time: Date) { reasonChanges.append((time, status)) }
}
