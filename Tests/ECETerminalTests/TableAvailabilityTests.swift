import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// The table's availability and forecast columns and its group figure, from pictures built by
/// the monitor's own reducer at known moments.
@Suite struct TableAvailabilityTests {
    /// Ten minutes at a 5 s interval up to `Fixtures.now`: allowed for the first five, then the
    /// `chatAllowed` call timing out (unknown time, never allowed or refused).
    static func failingHalf(_ id: Int64) -> EntryPointSnapshot {
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(5)
        let entryID = Fixtures.id(id)
        var entry = EntryPointSnapshot.empty(entryID, configuration: configuration)
        let start = Fixtures.now.addingTimeInterval(-600)
        var closed: [AvailabilityLedger.Segment] = []
        for step in 0...120 {
            let age = Double(120 - step) * 5
            let outcome: Result<ChatAPIValue, ChatAPIError> = age > 300 ? .success(.chatAllowed(ChatAllowed(allowed: true, reason: nil)))
                : .failure(.timeout(call: "chatAllowed", seconds: 5))
            let exchange = ChatAPIExchange(call: .chatAllowed, entryPoint: entryID, outcome: outcome, httpStatus: age > 300 ? 200 : nil,
                                           contentType: nil, latency: .milliseconds(3), body: [])
            _ = entry.replay([CallAnswer(exchange)], at: Fixtures.now.addingTimeInterval(-age), interval: .seconds(5), thresholds: .init(), since: start,
                             closing: &closed)
        }
        return entry
    }

    /// 1000: 540 of 600 s allowed (the queue full for a minute, rising again towards its
    /// configured maximum of 10); 1001: 300 s allowed, then 300 s failing.
    static func group() -> [EntryPointSnapshot] {
        var first = ServiceLevelViewTests.tenMinutes()
        first.group = "Sales"
        var second = failingHalf(1001)
        second.group = "Sales"
        return [first, second]
    }

    static func rows(_ frame: String) -> [String] {
        frame.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func rowsAndTheGroupGiveTheLastHoursFiguresByDefault() throws {
        let entryPoints = Self.group()
        let snapshot = Fixtures.snapshot(entryPoints)
        let state = TableCases.state(snapshot)
        let frame = Fixtures.frame(state, snapshot, width: 120, height: 20)
        let forecast = try #require(entryPoints[0].queueForecast(at: Fixtures.now)?.secondsToFull)
        let fullIn = "~" + QueueForecast.approximate(forecast)
        let rows = Self.rows(frame)
        #expect(rows.contains { $0.hasPrefix("STATE") && $0.contains("AVAIL FULL IN") }, "\(frame)")
        // (540 + 300) of (600 + 600) s: the members' seconds added up, unknown in the window.
        #expect(rows.contains { $0.hasPrefix("─ Sales avail 1 h 70% ─") }, "\(frame)")
        let first = try #require(rows.first { $0.contains(" 1000 ") })
        #expect(first.contains(" 90%"), "\(first)")
        #expect(first.contains(" \(fullIn) "), "\(first)")
        let second = try #require(rows.first { $0.contains(" 1001 ") })
        #expect(second.contains(" 50% "), "\(second)")
        let subtotal = try #require(rows.first { $0.hasPrefix("subtotal") })
        #expect(subtotal.contains(" 70% ") && subtotal.contains(" \(fullIn)"), "\(subtotal)")
    }

    /// `1` on the detail screen picks 5 minutes; the table follows: 1000 was full 60 of the
    /// last 300 s, 1001 failed all of them (no answer stood: `—`), the group 240 of 600 s.
    @Test func theDetailScreensWindowKeyMovesTheColumn() throws {
        let snapshot = Fixtures.snapshot(Self.group())
        let size = ScreenSize(width: 120, height: 20)
        var state = TableCases.state(snapshot)
        for key in [Key.enter, .character("1"), .escape] { _ = state.handle(key, snapshot: snapshot, size: size) }
        #expect(state.historyWindow == .fiveMinutes)
        #expect(state.screen == .grid)
        let rows = Self.rows(Fixtures.frame(state, snapshot, width: 120, height: 20))
        #expect(rows.contains { $0.hasPrefix("─ Sales avail 5 min 40% ─") }, "\(rows)")
        #expect(try #require(rows.first { $0.contains(" 1000 ") }).contains(" 80% "))
        #expect(try #require(rows.first { $0.contains(" 1001 ") }).contains(" — "))
        #expect(try #require(rows.first { $0.hasPrefix("subtotal") }).contains(" 40% "))
    }

    @Test func narrowTerminalsKeepAvailabilityLongerThanTheForecast() {
        func titles(_ width: Int) -> [String] { TableColumn.fitted(TableColumn.standard, width: width).map(\.column.title) }
        #expect(titles(80) == ["STATE", "ALERT", "ID", "CHAT ALLOWED", "QUEUE", "WAIT", "AVAIL", "DATA"])
        #expect(titles(88).contains("FULL IN"))
        #expect(!titles(120).contains("QUEUE TREND"))
    }
}
