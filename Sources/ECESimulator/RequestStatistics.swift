import ECEChat

/// Counts of API requests, per call and per wall-clock second, for request-budget tests.
struct RequestStatistics: Sendable {
    private(set) var total = 0
    private(set) var byCall: [String: Int] = [:]
    /// Per entry point and call: not in `/sim/stats` (10,000 entry points would swell it), read in-process by tests.
    private(set) var byEntryPoint: [EntryPointID: [String: Int]] = [:]
    private(set) var peakPerSecond = 0
    /// API requests received and not yet answered (a stalled one stays until the client gives up).
    private(set) var open = 0
    private(set) var peakOpen = 0
    /// Request times inside the last second (a sliding window), oldest first from `head`.
    private var window: [Double] = []
    private var head = 0
    /// Counts per whole wall-clock second, the most recent `keptSeconds` of them.
    private var buckets: [Int: Int] = [:]
    static let keptSeconds = 60

    mutating func begin() {
        open += 1
        peakOpen = max(peakOpen, open)
    }

    mutating func end() {
        open = max(0, open - 1)
    }

    mutating func record(_ call: String, entryPoint: EntryPointID?, atWall wall: Double) {
        total += 1
        byCall[call, default: 0] += 1
        if let entryPoint { byEntryPoint[entryPoint, default: [:]][call, default: 0] += 1 }
        while head < window.count, window[head] <= wall - 1 { head += 1 }
        if head > 4096, head * 2 > window.count {
            window.removeFirst(head)
            head = 0
        }
        window.append(wall)
        peakPerSecond = max(peakPerSecond, window.count - head)
        let second = Int(wall.rounded(.down))
        buckets[second, default: 0] += 1
        if buckets.count > Self.keptSeconds + 8 {
            buckets = buckets.filter { $0.key > second - Self.keptSeconds }
        }
    }

    func snapshot(atWall wall: Double) -> RequestCounts {
        let inLastSecond = window[head...].count { $0 > wall - 1 }
        let now = Int(wall.rounded(.down))
        let recent = buckets.filter { $0.key > now - Self.keptSeconds }.sorted { $0.key < $1.key }
        return RequestCounts(
            total: total, byCall: byCall, peakPerSecond: peakPerSecond, lastSecond: inLastSecond, open: open, peakOpen: peakOpen,
            perSecond: recent.map { RequestCounts.Second(second: $0.key, count: $0.value) }
        )
    }
}

/// Request counts as `/sim/stats` reports them.
public struct RequestCounts: Sendable, Hashable, Codable {
    /// Requests in one whole second of the simulator's wall clock.
    public struct Second: Sendable, Hashable, Codable {
        /// Whole seconds since the simulator's wall clock origin.
        public var second: Int
        public var count: Int
    }

    /// API requests (the five calls and survey posts), whatever their answer.
    public var total: Int
    /// Keyed by call name (`capacity`, …, `survey`).
    public var byCall: [String: Int]
    /// The most requests within any one second (sliding window) since the start or last reset.
    public var peakPerSecond: Int
    /// Requests within the last second.
    public var lastSecond: Int
    /// API requests on the wire now: received, not yet answered or given up on.
    public var open: Int
    /// The most API requests on the wire at once since the start or last reset.
    public var peakOpen: Int
    /// The last minute, one entry per second that saw requests.
    public var perSecond: [Second]

    public func count(_ call: String) -> Int { byCall[call] ?? 0 }
}
