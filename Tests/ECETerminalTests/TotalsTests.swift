import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// The totals line: sums over values that can be trusted, and how many were left out.
@Suite struct TotalsTests {
    @Test func unreadStaleAndFailingValuesAreLeftOutAndCounted() {
        let totals = FloorTotals(TableCases.mixed)
        // 1000 (2) + 1001 (12) + 1002 (8) + 1003 (0) + 1004 (0) + 1006 (0); 1005 is stale, 1007 unread.
        #expect(totals.waiting == 22)
        #expect(totals.longestWait == .init(seconds: 610, id: Fixtures.id(1002)))
        #expect(totals.allowed == 2, "1000 and 1006; 1005 is stale")
        #expect(totals.count == 8)
        // Slots 4+0+0+4+4 (1006's capacity fails); agents 1000, 1001, 1002, 1004, 1006.
        #expect(totals.freeSlots == 12)
        #expect(totals.agentsAvailable == 5)
        #expect(totals.leftOut == 3, "stale 1005, failing 1006, unread 1007")
        #expect(totals.leftOutText == "3 left out (unread or stale)")
    }

    @Test func theLongestWaitTieGoesToTheLowestID() {
        let totals = FloorTotals([Fixtures.entryPoint(1003, wait: 30), Fixtures.entryPoint(1001, wait: 30), Fixtures.entryPoint(1002, wait: 5)])
        #expect(totals.longestWait?.id == Fixtures.id(1001))
        #expect(totals.leftOut == 0 && totals.leftOutText == nil)
    }

    @Test func theLineKeepsTheLeftOutCountWhenNarrow() {
        var buffer = ScreenBuffer(width: 60, height: 1)
        TotalsLineView(entryPoints: TableCases.mixed).draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context())
        let line = PlainTextRenderer().render(buffer)
        #expect(line.hasPrefix(" waiting 22 · "))
        #expect(line.contains("3 left out (unread or stale)"))
    }

    @Test func theGridShowsTheTotalsUnderTheHeader() {
        let lines = FrameCases.grid80().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2].hasPrefix(" waiting 44 · longest wait 2m 05s (1001) · allowed 7/12"))
    }
}
