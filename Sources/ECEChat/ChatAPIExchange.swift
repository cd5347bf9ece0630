/// One request and what came of it: the decoded value or the error, plus what an
/// administrator needs to diagnose it (status, latency, the raw body).
public struct ChatAPIExchange: Sendable {
    public var call: ChatAPICall
    public var entryPoint: EntryPointID
    public var outcome: Result<ChatAPIValue, ChatAPIError>
    /// Nil when no HTTP answer arrived (connection failure, timeout).
    public var httpStatus: Int?
    public var contentType: String?
    public var latency: Duration
    /// The body as received, at most the client's `maximumBodySize` bytes.
    public var body: [UInt8]

    public init(
        call: ChatAPICall, entryPoint: EntryPointID, outcome: Result<ChatAPIValue, ChatAPIError>,
        httpStatus: Int?, contentType: String?, latency: Duration, body: [UInt8]
    ) {
        self.call = call
        self.entryPoint = entryPoint
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.latency = latency
        self.body = body
    }

    public var value: ChatAPIValue? { try? outcome.get() }
    public var error: ChatAPIError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}

/// Latency over a window of recent requests of one call.
public struct LatencySummary: Hashable, Sendable {
    public var count: Int
    public var last: Duration
    public var median: Duration
    public var p95: Duration

    public init(count: Int, last: Duration, median: Duration, p95: Duration) {
        self.count = count
        self.last = last
        self.median = median
        self.p95 = p95
    }

    /// Summarises `samples` (any order) whose newest is `last`; nil when there are none.
    public init?(samples: some Collection<Duration>, last: Duration) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Duration {
            sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }
        self.init(count: sorted.count, last: last, median: percentile(0.5), p95: percentile(0.95))
    }
}

/// The most recent latencies of one call, bounded.
struct LatencyWindow {
    static let capacity = 256
    private var samples: [Duration] = []
    private var next = 0
    private(set) var last: Duration = .zero

    mutating func record(_ latency: Duration) {
        last = latency
        if samples.count < Self.capacity {
            samples.append(latency)
        } else {
            samples[next] = latency
            next = (next + 1) % Self.capacity
        }
    }

    var summary: LatencySummary? { LatencySummary(samples: samples, last: last) }
}
