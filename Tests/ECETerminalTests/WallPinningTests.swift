import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// The wall never hides an alert: criticals pinned on every page, a strip when they do not fit.
@Suite struct WallPinningTests {
    /// 60 entry points, all OK but `critical` (queue_depth_reached, unacknowledged unless listed).
    static func fleet(critical: [Int64], acknowledged: Set<Int64> = []) -> [EntryPointSnapshot] {
        (0..<60).map { index in
            let id = Int64(1000 + index)
            return critical.contains(id)
                ? Fixtures.entryPoint(id, reason: .queueDepthReached, depth: 9, wait: 300, acknowledged: acknowledged.contains(id))
                : Fixtures.entryPoint(id, depth: index % 4, wait: Double(index))
        }
    }

    static func wallFrame(_ entryPoints: [EntryPointSnapshot], width: Int = 120, height: Int = 40, now: Date) -> String {
        var state = FrameCases.selected(Fixtures.snapshot(entryPoints))
        state.isWall = true
        state.wallRotateSeconds = 10
        return Fixtures.frame(state, Fixtures.snapshot(entryPoints), width: width, height: height, now: now)
    }

    @Test func twoCriticalsOf60ShowOnEveryPageOfA120x40Wall() {
        let entryPoints = Self.fleet(critical: [1023, 1047])
        var pages: Set<String> = []
        for turn in 0..<4 {
            let frame = Self.wallFrame(entryPoints, now: Date(timeIntervalSince1970: 1_700_000_000 + Double(turn * 10)))
            #expect(frame.contains(" 1023 "), "turn \(turn)")
            #expect(frame.contains(" 1047 "), "turn \(turn)")
            if let page = frame.split(separator: "\n").last?.split(separator: " ").last { pages.insert(String(page)) }
            // Pinned first, in ID order, at the top of the page.
            let firstPanelLine = frame.split(separator: "\n").first { $0.contains("┌") || $0.contains("╔") } ?? ""
            #expect(firstPanelLine.range(of: "1023")!.lowerBound < firstPanelLine.range(of: "1047")!.lowerBound)
        }
        #expect(pages.count >= 3, "the pages did turn: \(pages)")
    }

    /// A critical whose data went stale still counts in the header's "✖ 2 critical": its alert
    /// stands until an answer clears it, so it stays pinned too.
    @Test func aStaleCriticalStaysPinned() {
        var entryPoints = Self.fleet(critical: [1023, 1047])
        entryPoints[47] = Fixtures.entryPoint(1047, reason: .queueDepthReached, depth: 9, wait: 300, age: 40, stale: true)
        for turn in 0..<4 {
            let frame = Self.wallFrame(entryPoints, now: Date(timeIntervalSince1970: 1_700_000_000 + Double(turn * 10)))
            #expect(frame.contains("2 critical"), "turn \(turn)")
            #expect(frame.contains(" 1023 "), "turn \(turn)")
            #expect(frame.contains(" 1047 "), "turn \(turn)")
        }
    }

    @Test func unacknowledgedCriticalsArePinnedBeforeAcknowledgedOnes() {
        let entryPoints = Self.fleet(critical: [1003, 1010, 1020], acknowledged: [1003])
        let rotation = WallRotation(entryPoints: entryPoints, slotsPerPage: 6)
        #expect(rotation.pinned.map { entryPoints[$0].id.rawValue } == [1010, 1020, 1003])
        #expect(rotation.pageCount == 19, "57 others, three at a time")
        for page in 0..<rotation.pageCount {
            #expect(Array(rotation.indices(onPage: page).prefix(3)) == rotation.pinned)
        }
        // Every other entry point shows on some page, exactly once.
        let rotated = (0..<rotation.pageCount).flatMap { rotation.indices(onPage: $0).dropFirst(3) }
        #expect(rotated.count == 57 && Set(rotated).count == 57)
    }

    @Test func criticalsThatDoNotFitAreListedInAStrip() {
        let critical = (1000..<1006).map(Int64.init)
        let entryPoints = Self.fleet(critical: critical)
        let frame = Self.wallFrame(entryPoints, width: 80, height: 24, now: Fixtures.now)
        let strip = frame.split(separator: "\n").first { $0.contains("6 CRIT") }
        #expect(strip != nil, "\(frame)")
        for id in critical { #expect(strip?.contains(String(id)) == true) }
        #expect(strip?.contains("queue_depth_reached") == true)
    }

    @Test func fewPanelsOnATallScreenGetTallerDigits() throws {
        let layout = try #require(WallLayout(area: Rect(x: 0, y: 5, width: 200, height: 54), count: 4))
        #expect(layout.panelSize == .huge)
        let frame = WallViewTests.frame(4, width: 200, height: 60)
        // Ten-row digits: a column of a 0 is two cells wide and ten rows tall.
        #expect(frame.contains("██████"))
        #expect(BigDigits.rows("10", height: .five, font: .blocks, scale: 2).count == 10)
        #expect(BigDigits.width("59:59", scale: 2) == 34)
    }
}
