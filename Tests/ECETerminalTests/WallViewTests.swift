import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// Whole wall frames: layout choice, pages turned by the frame's time, small screens.
@Suite struct WallViewTests {
    /// A whole ten-second turn at which ten panels on 80×24 (three pages) show page 1.
    static let pageOneTime = Date(timeIntervalSince1970: 1_700_000_010)

    static func wallState(rotate: Int = 10) -> DashboardState {
        var state = FrameCases.selected()
        state.isWall = true
        state.wallRotateSeconds = rotate
        return state
    }

    static func frame(_ count: Int, width: Int = 80, height: Int = 24, now: Date = pageOneTime, rotate: Int = 10) -> String {
        Fixtures.frame(wallState(rotate: rotate), Fixtures.snapshot(Fixtures.fleet(count)), width: width, height: height, now: now)
    }

    @Test func tenPanelsOn80x24() {
        #expect(Self.frame(10) == #"""
             ecetop  https://ece.example.com                              ███ ███    █  ███
             ✖ 2 critical   ▲ 2 warning   ● 6 ok                            █   █ █ ██    █
             every 5s                                                     ███ ███    █  ███
             waiting 31 · longest wait 2m 05s (1001) · allowed 6/10       █   █   █  █    █
                                                                          ███ ███   ███ ███
            ┌ 1001 Sales ─────────────────── ALERT ┐┌ 1006 Sales ─────────────────── ALERT ┐
            │     ✖ CRIT  queue_depth_reached      ││     ✖ CRIT  queue_depth_reached      │
            │     QUEUE            WAIT m:ss       ││     QUEUE            WAIT m:ss       │
            │    ▄█  ▀▀█         ▀▀█ ▄ █▀█ █▀▀     ││    ▄█  ▀▀█         ▀▀█ ▄ █▀█ █▀▀     │
            │     █  █▀▀         █▀▀ ▄ █ █ ▀▀█     ││     █  █▀▀         █▀▀ ▄ █ █ ▀▀█     │
            │    ▀▀▀ ▀▀▀         ▀▀▀   ▀▀▀ ▀▀▀     ││    ▀▀▀ ▀▀▀         ▀▀▀   ▀▀▀ ▀▀▀     │
            └──────────────────────────────────────┘└──────────────────────────────────────┘
            ┌ 1003 Support ────────────────────────┐┌ 1004 ────────────────────────────────┐
            │            ● OK  allowed             ││            ● OK  allowed             │
            │     QUEUE            WAIT m:ss       ││     QUEUE            WAIT m:ss       │
            │      ▀▀█           █▀█ ▄ █▀█ ▀▀█     ││      ▄█            █▀█ ▄ █▀█ █ █     │
            │      █▀▀           █ █ ▄ █ █ ▀▀█     ││       █            █ █ ▄ █ █ ▀▀█     │
            │      ▀▀▀           ▀▀▀   ▀▀▀ ▀▀▀     ││      ▀▀▀           ▀▀▀   ▀▀▀   ▀     │
            └──────────────────────────────────────┘└──────────────────────────────────────┘




             W grid  Enter detail  p pause  a ack  ? help  q quit                  page 2/4
            """#)
    }

    @Test func fewPanelsGetFiveRowDigits() {
        #expect(Self.frame(3, width: 120, height: 30) == #"""
             ecetop  https://ece.example.com                                                                      ███ ███    █  ███
             ✖ 1 critical   ▲ 1 warning   ● 1 ok                                                                    █   █ █ ██    █
             every 5s                                                                                             ███ ███    █  ███
             waiting 12 · longest wait 2m 05s (1001) · allowed 1/3 · free slots 8 · agent available 2/3           █   █   █  █    █
                                                                                                                  ███ ███   ███ ███
            ╔ 1000 ════════════════════════════════╗┌ 1001 Sales ─────────────────── ALERT ┐┌ 1002 ───────────────────────── ALERT ┐
            ║            ● OK  allowed             ║│     ✖ CRIT  queue_depth_reached      ││     ▲ WARN  agent_not_available      │
            ║     QUEUE            WAIT m:ss       ║│     QUEUE            WAIT m:ss       ││     QUEUE            WAIT m:ss       │
            ║      ███           ███   ███ ███     ║│     █  ███         ███   ███ ███     ││      ███           ███   ███ ███     │
            ║      █ █           █ █ █ █ █ █ █     ║│    ██    █           █ █ █ █ █       ││      █ █           █ █ █ █ █ █ █     │
            ║      █ █           █ █   █ █ █ █     ║│     █  ███         ███   █ █ ███     ││      █ █           █ █   █ █ █ █     │
            ║      █ █           █ █ █ █ █ █ █     ║│     █  █           █   █ █ █   █     ││      █ █           █ █ █ █ █ █ █     │
            ║      ███           ███   ███ ███     ║│    ███ ███         ███   ███ ███     ││      ███           ███   ███ ███     │
            ╚══════════════════════════════════════╝└──────────────────────────────────────┘└──────────────────────────────────────┘















             W grid  Enter detail  p pause  a ack  ? help  q quit
            """#)
    }

    @Test func pagesTurnEveryRotateSecondsAndWrap() {
        func footer(_ offset: TimeInterval, rotate: Int = 10) -> String {
            Self.frame(10, now: Self.pageOneTime.addingTimeInterval(offset), rotate: rotate)
                .split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        }
        // Four panels a page: the two criticals (1001, 1006) on every page, the other eight two at a time.
        #expect(footer(0).hasSuffix("page 2/4"))
        #expect(footer(9).hasSuffix("page 2/4"))
        #expect(footer(10).hasSuffix("page 3/4"))
        #expect(footer(20).hasSuffix("page 4/4"))
        #expect(footer(30).hasSuffix("page 1/4"))
        // --rotate 5 turns twice as fast.
        #expect(footer(5, rotate: 5).hasSuffix("page 4/4"))
        // Page 3 shows the criticals, then the fifth and sixth of the others (1005, 1007).
        let third = Self.frame(10, now: Self.pageOneTime.addingTimeInterval(10))
        #expect(third.contains(" 1001 ") && third.contains(" 1006 ") && third.contains(" 1005 ") && third.contains(" 1007 "))
        #expect(!third.contains(" 1004 ") && !third.contains(" 1008 "))
    }

    @Test func allPanelsFittingMeansNoPages() {
        let frame = Self.frame(4)
        #expect(!frame.contains("page "))
        #expect(Self.frame(4, now: Self.pageOneTime.addingTimeInterval(10)) == frame)
    }

    @Test func layoutPrefersFiveRowDigitsThenPagesOfThreeRowOnes() throws {
        let large = try #require(WallLayout(area: Rect(x: 0, y: 5, width: 120, height: 34), count: 9))
        #expect(large.panelSize == .large && large.grid.pageCount == 1)
        let small = try #require(WallLayout(area: Rect(x: 0, y: 5, width: 120, height: 34), count: 12))
        #expect(small.panelSize == .small && small.grid.pageCount == 1)
        let paged = try #require(WallLayout(area: Rect(x: 0, y: 5, width: 120, height: 34), count: 40))
        #expect(paged.panelSize == .small && paged.grid.pageCount == 4)
        let text = try #require(WallLayout(area: Rect(x: 0, y: 3, width: 30, height: 5), count: 3))
        #expect(text.panelSize == .text)
        #expect(WallLayout(area: Rect(x: 0, y: 3, width: 20, height: 10), count: 3) == nil)
    }

    @Test(arguments: [(39, 12), (39, 40), (80, 7), (16, 6), (1, 1), (0, 0)])
    func tooSmallForTheWallFallsBackToTheGridsRules(width: Int, height: Int) {
        let frame = Self.frame(10, width: width, height: height)
        #expect(frame == Fixtures.frame(FrameCases.selected(), Fixtures.snapshot(Fixtures.fleet(10)), width: width, height: height,
                                        now: Self.pageOneTime))
        if width >= 30 { #expect(frame.contains("too small")) }
    }

    @Test func shortScreenUsesTextPanelsAndASmallClock() {
        // Too short for the grid (it needs 12 rows), not for the wall's text panels.
        let frame = Self.frame(2, width: 60, height: 10)
        #expect(frame == #"""
             ecetop  https://ece.example.com          ▀▀█ ▀▀█ ▄ ▄█  ▀▀█
             ✖ 1 critical   ● 1 ok                    █▀▀ █▀▀ ▄  █  ▀▀█
             waiting 12 · longest wait 2m 05s (1001)  ▀▀▀ ▀▀▀   ▀▀▀ ▀▀▀
            ╔ 1000 ══════════════════════╗┌ 1001 Sales ───────── ALERT ┐
            ║       ● OK  allowed        ║│✖ CRIT  queue_depth_reached │
            ║ queue 0   wait 0.0 s       ║│ queue 12   wait 2m 05s     │
            ╚════════════════════════════╝└────────────────────────────┘


             W grid  Enter detail  p pause  a ack  ? help  q quit
            """#)
    }

    @Test func detailAndHelpStillShowInWallMode() {
        var state = Self.wallState()
        let snapshot = Fixtures.snapshot(Fixtures.fleet(10))
        _ = state.handle(.character("?"), snapshot: snapshot, size: FrameCases.small)
        let help = Fixtures.frame(state, snapshot, width: 80, height: 24, now: Self.pageOneTime)
        #expect(help.contains("Help") && help.contains("wall mode"))
        _ = state.handle(.escape, snapshot: snapshot, size: FrameCases.small)
        _ = state.handle(.enter, snapshot: snapshot, size: FrameCases.small)
        #expect(state.screen == .detail(Fixtures.id(1000)))
        #expect(state.isWall)
        let detail = Fixtures.frame(state, snapshot, width: 80, height: 24, now: Self.pageOneTime)
        #expect(detail == Fixtures.frame({ var grid = state; grid.isWall = false; return grid }(), snapshot, width: 80, height: 24,
                                         now: Self.pageOneTime))
        _ = state.handle(.escape, snapshot: snapshot, size: FrameCases.small)
        #expect(Fixtures.frame(state, snapshot, width: 80, height: 24, now: Self.pageOneTime).contains("QUEUE"))
    }

    @Test func asciiClockUsesHashes() {
        let frame = Fixtures.frame(Self.wallState(), Fixtures.snapshot(Fixtures.fleet(2)), width: 80, height: 24, glyphs: .ascii)
        #expect(frame.contains("###"))
        #expect(!frame.contains("█"))
    }
}
