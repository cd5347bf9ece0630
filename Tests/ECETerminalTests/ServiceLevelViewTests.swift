import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// Availability and the queue forecast on the panel and the detail screen, from a picture
/// built by the monitor's own reducer.
@Suite struct ServiceLevelViewTests {
    static let id = Fixtures.id(1000)

    /// Ten minutes at a 5 s interval up to `Fixtures.now`: allowed, queue full from 2 min to
    /// 1 min ago, allowed again with the queue rising one chat every 10 s (maximum 10 in the config).
    static func tenMinutes(maximum: Int? = 10) -> EntryPointSnapshot {
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(5)
        configuration.entryPointInfo[id] = .init(label: "Sales", maxQueueDepth: maximum)
        var entry = EntryPointSnapshot.empty(id, configuration: configuration)
        let start = Fixtures.now.addingTimeInterval(-600)
        var closed: [AvailabilityLedger.Segment] = []
        for step in 0...120 {
            let age = Double(120 - step) * 5
            let time = Fixtures.now.addingTimeInterval(-age)
            let full = age <= 120 && age > 60
            let depth = age <= 60 ? Int((60 - age) / 10) : 0
            let exchanges = [
                ChatAPIExchange(call: .chatAllowed, entryPoint: id, outcome: .success(.chatAllowed(ChatAllowed(allowed: !full, reason: full ? .queueDepthReached : nil))),
                                httpStatus: 200, contentType: nil, latency: .milliseconds(3), body: []),
                ChatAPIExchange(call: .liveSessionStatus, entryPoint: id, outcome: .success(.sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: 0))),
                                httpStatus: 200, contentType: nil, latency: .milliseconds(3), body: []),
            ]
            _ = entry.replay(exchanges.map(CallAnswer.init), at: time, interval: .seconds(5), thresholds: .init(), since: start, closing: &closed)
        }
        return entry
    }

    @Test func detailBreaksTheWindowDownByReasonAndShowsTheFit() throws {
        let entry = Self.tenMinutes()
        let forecast = try #require(entry.queueForecast(at: Fixtures.now))
        let seconds = try #require(forecast.secondsToFull)
        let frame = DetailCases.detailFrame(entry, width: 120, height: 40)
        let lines = frame.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // The queue was full 60 of the 600 s watched.
        #expect(lines.contains("availability 1 h: allowed 90% · queue_depth_reached 10% · unknown 0% · since start 90%"), "\(frame)")
        let slope = String(format: "%+.1f/min", forecast.slopePerMinute)
        #expect(lines.contains("forecast: full in ~\(QueueForecast.approximate(seconds)) · max 10 (max-queue-depth) · \(slope) from 25 samples in 2 min"),
                "\(frame)")
        // `c` moves to the hour: the same ten minutes.
        let hour = DetailCases.detailFrame(entry, width: 120, height: 40, keys: [.character("c")])
        #expect(hour.contains("availability 1 h: allowed 90% · queue_depth_reached 10% · unknown 0%"))
        // 5 minutes: 60 s full, 240 s allowed.
        let five = DetailCases.detailFrame(entry, width: 120, height: 40, keys: [.character("1")])
        #expect(five.contains("availability 5 min: allowed 80% · queue_depth_reached 20% · unknown 0% · since start 90%"))
    }

    @Test func detailSaysWhyThereIsNoForecast() {
        let learnedNothing = DetailCases.detailFrame(Self.tenMinutes(maximum: nil), width: 120, height: 40)
        // The queue was full at depth 0 in this story: nothing learned, so no forecast line at all.
        #expect(!learnedNothing.contains("forecast:"))
        var falling = Self.tenMinutes(maximum: 3)
        falling.learnedMaxQueueDepth = nil
        let full = DetailCases.detailFrame(falling, width: 120, height: 40)
        #expect(full.contains("forecast: none (queue at its maximum) · max 3 (max-queue-depth)"), "\(full)")
    }

    @Test func panelFooterShowsTheForecastAndTheHoursAvailability() throws {
        let entry = Self.tenMinutes()
        let text = PlainTextRenderer().render(Fixtures.panel(entry, width: 56))
        let forecast = try #require(entry.queueForecast(at: Fixtures.now)?.text)
        #expect(text.contains("data 0s old · \(forecast) · avail 90%"), "\(text)")
    }
}
