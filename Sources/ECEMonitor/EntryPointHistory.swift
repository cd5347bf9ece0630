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

    public private(set) var queueDepth: HistorySeries
    public private(set) var waitTimeSeconds: HistorySeries
    public private(set) var freeSlots: HistorySeries
    /// When the chatAllowed reason changed, and to what (for chart marks).
    public private(set) var reasonChanges: RingBuffer<(time: Date, status: String)>

    public init(capacity: Int) {
        queueDepth = HistorySeries(capacity: capacity)
        waitTimeSeconds = HistorySeries(capacity: capacity)
        freeSlots = HistorySeries(capacity: capacity)
        reasonChanges = RingBuffer(capacity: max(16, capacity / 8))
    }

    /// Enough samples for `window` at one sample per `interval`.
    public static func capacity(window: Duration, interval: Duration) -> Int {
        let seconds = Double(window.components.seconds)
        let step = max(0.05, Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
        return max(2, Int((seconds / step).rounded(.up)))
    }

    public mutating func recordQueueDepth(_ value: Int, at time: Date) { queueDepth.append(Double(value), at: time) }
    public mutating func recordWaitTime(_ seconds: Double, at time: Date) { waitTimeSeconds.append(seconds, at: time) }
    public mutating func recordFreeSlots(_ value: Int, at time: Date) { freeSlots.append(Double(value), at: time) }
    public mutating func recordStatusChange(_ status: String, at time: Date) { reasonChanges.append((time, status)) }
}
