import ECEChat
import ECECommon
import ECEMonitor
@testable import ECETerminal
import Testing

/// A panel in every state, drawn by the text renderer.
@Suite struct PanelSnapshotTests {
    func render(_ entryPoint: EntryPointSnapshot, selected: Bool = false) -> String {
        PlainTextRenderer().render(Fixtures.panel(entryPoint, selected: selected))
    }

    @Test func allowedWithHistoryAndStatusAge() {
        #expect(render(PanelCases.allowed) == #"""
            ┌ 1000 Sales ──────────────────────┐
            │ ● OK allowed              for 2m │
            │ queue 3         wait 12.5 s      │
            │ slots 4         agents yes       │
            │ elig  0 queue can take new chats │
            │ ▁▃▆█                       max 3 │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func queueDepthReached() {
        #expect(render(PanelCases.reason(.queueDepthReached)) == #"""
            ┌ 1001 ───────────────────── ALERT ┐
            │ ✖ CRIT queue_depth_reached       │
            │ queue 20        wait 1h 02m      │
            │ slots 0         agents no        │
            │ elig  2 queue maximum depth rea… │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func agentNotAvailable() {
        #expect(render(PanelCases.reason(.agentNotAvailable)) == #"""
            ┌ 1001 ───────────────────── ALERT ┐
            │ ▲ WARN agent_not_available       │
            │ queue 20        wait 1h 02m      │
            │ slots 0         agents no        │
            │ elig  2 queue maximum depth rea… │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func serviceNotRunning() {
        #expect(render(PanelCases.reason(.serviceNotRunning)) == #"""
            ┌ 1001 ───────────────────── ALERT ┐
            │ ✖ CRIT service_not_running       │
            │ queue 20        wait 1h 02m      │
            │ slots 0         agents no        │
            │ elig  2 queue maximum depth rea… │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func invalidEntryPoint() {
        #expect(render(PanelCases.reason(.invalidEntryPoint)) == #"""
            ┌ 1001 ───────────────────── ALERT ┐
            │ ✖ CRIT invalid_entry_point       │
            │ queue 20        wait 1h 02m      │
            │ slots 0         agents no        │
            │ elig  2 queue maximum depth rea… │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func entryPointInactive() {
        #expect(render(PanelCases.reason(.entryPointInactive)) == #"""
            ┌ 1001 ───────────────────── ALERT ┐
            │ ▲ WARN entry_point_inactive      │
            │ queue 20        wait 1h 02m      │
            │ slots 0         agents no        │
            │ elig  2 queue maximum depth rea… │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func otherReason() {
        #expect(render(PanelCases.reason(.other)) == #"""
            ┌ 1001 ───────────────────── ALERT ┐
            │ ▲ WARN other                     │
            │ queue 20        wait 1h 02m      │
            │ slots 0         agents no        │
            │ elig  2 queue maximum depth rea… │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func unrecognizedReasonShownVerbatim() {
        #expect(render(PanelCases.unrecognized) == #"""
            ┌ 1002 ───────────────────── ALERT ┐
            │ ▲ WARN maintenance_window        │
            │ queue 0         wait 0.0 s       │
            │ slots 4         agents yes       │
            │ elig  0 queue can take new chats │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func notAllowedWithoutReason() {
        #expect(render(PanelCases.noReason) == #"""
            ┌ 1002 ───────────────────── ALERT ┐
            │ ▲ WARN not allowed               │
            │ queue 0         wait 0.0 s       │
            │ slots 4         agents yes       │
            │ elig  0 queue can take new chats │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func staleAndFailing() {
        #expect(render(PanelCases.stale) == #"""
            ┌ 1003 ────────────────────────────┐
            │ ◌ STALE allowed                  │
            │ queue 0         wait 0.0 s       │
            │ slots 4         agents yes       │
            │ elig  0 queue can take new chats │
            │ ▲ chatAllowed: connection refus… │
            │ data 1m 15s old · 3× failed for… │
            └──────────────────────────────────┘
            """#)
    }

    @Test func failingCall() {
        #expect(render(PanelCases.failing) == #"""
            ┌ 1004 ────────────────────────────┐
            │ ▲ WARN allowed                   │
            │ queue 0         wait 0.0 s       │
            │ slots 4         agents yes       │
            │ elig  0 queue can take new chats │
            │ ▲ liveSessionStatus: HTTP 500    │
            │ data 40s old · 3× failed for 30s │
            └──────────────────────────────────┘
            """#)
    }

    @Test func noDataYet() {
        #expect(render(PanelCases.noData) == #"""
            ┌ 1005 ────────────────────────────┐
            │ ? UNKNOWN unknown                │
            │ queue —         wait —           │
            │ slots —         agents —         │
            │ elig  —                          │
            │ no queue history yet             │
            │ no data yet                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func acknowledgedAndSelected() {
        #expect(render(PanelCases.acknowledged, selected: true) == #"""
            ╔ 1006 ═══════════════════════ ack ╗
            ║ ✖ CRIT queue_depth_reached       ║
            ║ queue 0         wait 0.0 s       ║
            ║ slots 4         agents yes       ║
            ║ elig  0 queue can take new chats ║
            ║ no queue history yet             ║
            ║ data 2s old                      ║
            ╚══════════════════════════════════╝
            """#)
    }

    @Test func wideCharactersInLabel() {
        #expect(render(PanelCases.wideLabel) == #"""
            ┌ 1007 東京サポート窓口 Tokyo su…──┐
            │ ● OK allowed                     │
            │ queue 0         wait 0.0 s       │
            │ slots 4         agents yes       │
            │ elig  0 queue can take new chats │
            │ no queue history yet             │
            │ data 2s old                      │
            └──────────────────────────────────┘
            """#)
    }

    @Test func asciiGlyphs() {
        var buffer = ScreenBuffer(width: 36, height: GridLayout.panelHeight)
        PanelView(entryPoint: PanelCases.reason(.queueDepthReached), isSelected: true)
            .draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context(glyphs: .ascii))
        #expect(PlainTextRenderer().render(buffer) == #"""
            # 1001 ===================== ALERT #
            # X CRIT queue_depth_reached       #
            # queue 20        wait 1h 02m      #
            # slots 0         agents no        #
            # elig  2 queue maximum depth rea~ #
            # no queue history yet             #
            # data 2s old                      #
            #==================================#
            """#)
    }

    /// On a wall of panels, one new sample must not redraw more than its own bar.
    @Test func aNewSampleChangesOnlyItsOwnBar() {
        let before = render(Fixtures.entryPoint(1000, depth: 3, history: [0, 1, 2, 3])).split(separator: "\n").map(Array.init)
        let after = render(Fixtures.entryPoint(1000, depth: 3, history: [0, 1, 2, 3, 3])).split(separator: "\n").map(Array.init)
        var changed: [(row: Int, column: Int)] = []
        for (row, (old, new)) in zip(before, after).enumerated() {
            for column in 0..<max(old.count, new.count) where old.indices.contains(column) != new.indices.contains(column)
                || (old.indices.contains(column) && old[column] != new[column]) {
                changed.append((row, column))
            }
        }
        #expect(changed.map { "\($0.row):\($0.column)" } == ["5:6"], "\(after.map { String($0) })")
    }

    @Test(arguments: [(0.0, "0s"), (59.9, "59s"), (60, "1m"), (3599, "59m"), (3725, "1h 02m"), (90_000, "1d 01h")])
    func stateDurationsShowSecondsOnlyInTheFirstMinute(seconds: Double, text: String) {
        #expect(DurationText.lasting(seconds: seconds) == text)
    }
}
