import ECEChat
import Foundation

/// What the monitor knows of one call of one entry point: the last good value is kept, with
/// its time, however many failures follow it.
public struct CallState: Sendable {
    public var lastValue: ChatAPIValue?
    public var lastSuccessAt: Date?
    public var lastError: CallFailure?
    public var lastErrorAt: Date?
    /// Status, latency and body of the most recent exchange, successful or not.
    public var lastHTTPStatus: Int?
    public var lastLatency: Duration?
    public var lastBody: [UInt8]
    public var lastContentType: String?
    public var consecutiveFailures: Int
    /// When the current run of failures began; nil while answering.
    public var failingSince: Date?
    /// Latencies of the most recent answered requests, oldest first.
    public private(set) var recentLatencies: RingBuffer<Duration>

    /// How many latencies a call keeps for its percentiles.
    public static let latencyWindow = 60

    public init() {
        lastBody = []
        consecutiveFailures = 0
        recentLatencies = RingBuffer(capacity: Self.latencyWindow)
    }

    /// Last, median and 95th percentile latency over the window; nil before any answer.
    public var latencySummary: LatencySummary? {
        guard let last = recentLatencies.last else { return nil }
        return LatencySummary(samples: recentLatencies, last: last)
    }

    /// The most recent exchange failed.
    public var isFailing: Bool { consecutiveFailures > 0 }

    public mutating func record(_ answer: CallAnswer, at time: Date) {
        lastHTTPStatus = answer.httpStatus
        lastLatency = answer.latency
        lastBody = answer.body
        lastContentType = answer.contentType
        if answer.httpStatus != nil { recentLatencies.append(answer.latency) }
        switch answer.outcome {
        case .success(let value):
            lastValue = value
            lastSuccessAt = time
            consecutiveFailures = 0
            failingSince = nil
        case .failure(let error):
            lastError = error
            lastErrorAt = time
            if consecutiveFailures == 0 { failingSince = time }
            consecutiveFailures += 1
        }
    }
}
