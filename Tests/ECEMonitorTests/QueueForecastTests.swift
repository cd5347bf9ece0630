import ECEChat
import ECEMonitor
import Foundation
import Testing

/// The queue-full forecast: a least-squares line through the last two minutes of depths.
@Suite("Queue forecast")
struct QueueForecastTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Depths one every 10 s, the last at `now`.
    static func series(_ depths: [Double]) -> [EntryPointHistory.Sample] {
        depths.enumerated().map { index, depth in
            EntryPointHistory.Sample(time: now.addingTimeInterval(Double(index - depths.count + 1) * 10), value: depth)
        }
    }

    static func fit(_ depths: [Double], maximum: Int? = 10, stale: Bool = false) -> QueueForecast? {
        QueueForecast.fit(series(depths), at: now, maximum: maximum, source: .configured, isStale: stale)
    }

    @Test func risingQueueIsForecastFromTheFit() throws {
        // One more chat every 10 s (6 a minute), at 5 now: 10 is reached in 50 s.
        let forecast = try #require(Self.fit([0, 1, 2, 3, 4, 5]))
        #expect(abs(forecast.slopePerMinute - 6) < 1e-9)
        #expect(forecast.samples == 6)
        #expect(abs(try #require(forecast.secondsToFull) - 50) < 1e-6)
        #expect(forecast.text == "full in ~50s")
    }

    @Test func onlyTheLastTwoMinutesCount() throws {
        // A falling past more than two minutes ago does not hide a rise now: 13 samples cover
        // 120 s, the 20 older ones fall.
        let depths = (0..<20).map { Double(20 - $0) } + (0..<13).map { Double($0) * 0.5 }
        let forecast = try #require(Self.fit(depths, maximum: 12))
        #expect(forecast.samples == 13)
        #expect(abs(forecast.slopePerMinute - 3) < 1e-9)
        // At 6 now, 3 a minute: 12 in 2 minutes.
        #expect(forecast.text == "full in ~2m")
    }

    @Test func fallingAndFlatQueuesHaveNoForecast() throws {
        #expect(try #require(Self.fit([6, 5, 4, 3])).secondsToFull == nil)
        #expect(try #require(Self.fit([4, 4, 4, 4])).secondsToFull == nil)
        #expect(try #require(Self.fit([4, 4, 4, 4])).slopePerMinute == 0)
    }

    @Test func noisyRiseStillForecastsRoughlyTheRightTime() throws {
        // Rising 3 a minute under ±1 of noise: the fit is near 3 a minute.
        let noise: [Double] = [1, -1, 0.5, -0.5, 1, 0, -1, 0.5, -0.5, 1, -1, 0]
        let depths = noise.enumerated().map { Double($0.offset) * 0.5 + $0.element }
        let forecast = try #require(Self.fit(depths, maximum: 20))
        #expect(abs(forecast.slopePerMinute - 3) < 1)
        let seconds = try #require(forecast.secondsToFull)
        // At about 5.5 now: about 14.5 to go at 3 a minute, some five minutes.
        #expect(seconds > 200 && seconds < 400, "\(seconds)")
    }

    @Test func aQueueAtItsMaximumIsFullNotFilling() throws {
        #expect(try #require(Self.fit([7, 8, 9, 10], maximum: 10)).secondsToFull == nil)
    }

    @Test func tooFewSamplesStaleDataOrNoMaximumGiveNone() {
        #expect(Self.fit([1, 2]) == nil)
        #expect(Self.fit([1, 2, 3, 4], stale: true) == nil)
        #expect(Self.fit([1, 2, 3, 4], maximum: nil) == nil)
    }

    @Test func beyondHalfAnHourIsNoForecast() throws {
        // One chat every 4 minutes: 10 more take 40 minutes.
        let depths = (0..<12).map { Double($0) / 24 }
        let forecast = try #require(Self.fit(depths, maximum: 11))
        #expect(forecast.secondsToFull == nil)
        #expect(forecast.slopePerMinute > 0)
    }

    /// The reducer learns the maximum from `queue_depth_reached`; the config's maximum wins.
    @Test func maximumIsLearnedFromTheReasonAndTheConfigWins() throws {
        let id = EntryPointID(1000)!
        func exchanges(depth: Int, full: Bool) -> [ChatAPIExchange] {
            [ChatAPIExchange(call: .chatAllowed, entryPoint: id, outcome: .success(.chatAllowed(ChatAllowed(allowed: !full, reason: full ? .queueDepthReached : nil))),
                             httpStatus: 200, contentType: nil, latency: .milliseconds(1), body: []),
             ChatAPIExchange(call: .liveSessionStatus, entryPoint: id, outcome: .success(.sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: 0))),
                             httpStatus: 200, contentType: nil, latency: .milliseconds(1), body: [])]
        }
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(10)
        var learned = EntryPointSnapshot.empty(id, configuration: configuration)
        var closed: [AvailabilityLedger.Segment] = []
        let start = Self.now.addingTimeInterval(-200)
        // Full at 8 two and a half minutes ago, then it rises again 1 per 10 s.
        let rounds: [(at: Double, depth: Int, full: Bool)] = [(-150, 8, true), (-30, 3, false), (-20, 4, false), (-10, 5, false), (0, 6, false)]
        for round in rounds {
            _ = learned.replay(exchanges(depth: round.depth, full: round.full).map(CallAnswer.init), at: Self.now.addingTimeInterval(round.at), interval: .seconds(10),
                               thresholds: .init(), since: start, closing: &closed)
        }
        #expect(learned.learnedMaxQueueDepth == 8)
        let fromLearned = try #require(learned.queueForecast(at: Self.now))
        #expect(fromLearned.source == .learned && fromLearned.maximum == 8)
        #expect(fromLearned.samples == 4)
        #expect(fromLearned.text == "full in ~20s")

        configuration.entryPointInfo[id] = .init(maxQueueDepth: 12)
        var configured = EntryPointSnapshot.empty(id, configuration: configuration)
        configured.learnedMaxQueueDepth = learned.learnedMaxQueueDepth
        configured.history = learned.history
        let fromConfig = try #require(configured.queueForecast(at: Self.now))
        #expect(fromConfig.source == .configured && fromConfig.maximum == 12)
        #expect(fromConfig.text == "full in ~1m")
    }

    @Test func fullInThresholdRaisesAWarning() {
        let id = EntryPointID(1000)!
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(10)
        configuration.entryPointInfo[id] = .init(maxQueueDepth: 10)
        var snapshot = EntryPointSnapshot.empty(id, configuration: configuration)
        var closed: [AvailabilityLedger.Segment] = []
        var events: [MonitorEvent] = []
        for (index, depth) in [2, 4, 6, 8].enumerated() {
            let exchanges = [ChatAPIExchange(call: .liveSessionStatus, entryPoint: id, outcome: .success(.sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: 0))),
                                             httpStatus: 200, contentType: nil, latency: .milliseconds(1), body: [])]
            events += snapshot.replay(exchanges.map(CallAnswer.init), at: Self.now.addingTimeInterval(Double(index) * 10), interval: .seconds(10),
                                      thresholds: AlertThresholds(fullInAtMostSeconds: 60), since: Self.now, closing: &closed)
        }
        // 12 a minute, 8 now: full in 10 s.
        #expect(snapshot.alerts.map(\.rule) == [.fullInAtMost(60)])
        #expect(snapshot.alerts.first?.severity == .warning)
        #expect(events.contains { $0.kind == .alertRaised && $0.new == "WARNING: queue filling: full within ~1m" })
    }
}
