import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

@Suite("Dashboard showing a replay")
struct ReplayDashboardTests {
    let size = ScreenSize(width: 120, height: 40)

    func replaying(_ status: ReplayStatus? = ReplayStatus(speed: 4, isPaused: false, isAtEnd: false,
                                                          start: Fixtures.now.addingTimeInterval(-60), end: Fixtures.now.addingTimeInterval(600))) -> MonitorSnapshot {
        var snapshot = Fixtures.snapshot(Fixtures.fleet(3), paused: status?.isPaused ?? false)
        snapshot.replay = status
        return snapshot
    }

    @Test func replayKeysSendReplayControls() {
        var state = DashboardState()
        let snapshot = replaying()
        #expect(state.handle(.character("+"), snapshot: snapshot, size: size) == [.replay(.faster)])
        #expect(state.handle(.character("-"), snapshot: snapshot, size: size) == [.replay(.slower)])
        #expect(state.handle(.character("."), snapshot: snapshot, size: size) == [.replay(.seek(.seconds(10)))])
        #expect(state.handle(.character(","), snapshot: snapshot, size: size) == [.replay(.seek(.seconds(-10)))])
        #expect(state.handle(.character(">"), snapshot: snapshot, size: size) == [.replay(.seek(.seconds(60)))])
        #expect(state.handle(.character("<"), snapshot: snapshot, size: size) == [.replay(.seek(.seconds(-60)))])
        #expect(state.handle(.character(" "), snapshot: snapshot, size: size) == [.replay(.togglePause)])
    }

    /// A replay takes what it can do to a recording; it has nothing to poll, select or journal.
    @Test func replayGetsOnlyReplayControls() {
        var state = DashboardState()
        let snapshot = replaying()
        _ = state.reconcile(with: snapshot)
        #expect(state.handle(.character("A"), snapshot: snapshot, size: size) == [.replay(.acknowledge(nil))])
        #expect(state.handle(.character("a"), snapshot: snapshot, size: size) == [.replay(.acknowledge(state.selection))])
        #expect(state.handle(.character("r"), snapshot: snapshot, size: size) == [])
        #expect(state.handle(.character("w"), snapshot: snapshot, size: size) == [])
        #expect(state.handle(.right, snapshot: snapshot, size: size) == [])
        #expect(state.selection == snapshot.entryPoints[1].id)
    }

    /// Live, `+` and `-` still change the polling interval, and the seek keys do nothing.
    @Test func liveKeysAreUnchanged() {
        var state = DashboardState()
        let snapshot = replaying(nil)
        #expect(state.handle(.character("+"), snapshot: snapshot, size: size) == [.command(.setInterval(.seconds(10)))])
        #expect(state.handle(.character("."), snapshot: snapshot, size: size) == [])
        #expect(state.handle(.character(" "), snapshot: snapshot, size: size) == [.command(.togglePause)])
    }

    /// Typing a filter still types the keys that seek.
    @Test func filterTypingKeepsSeekKeys() {
        var state = DashboardState()
        _ = state.handle(.character("/"), snapshot: replaying(), size: size)
        for character in "a.b, c" { _ = state.handle(.character(character), snapshot: replaying(), size: size) }
        #expect(state.filterDraft == "a.b, c")
    }

    @Test func headerShowsReplaySpeedAndRecordedDay() {
        let frame = Fixtures.frame(DashboardState(), replaying(), width: 120, height: 30)
        let header = frame.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains(" REPLAY 4x "))
        #expect(header.hasSuffix(" 2023-11-14 22:13:21"))
    }

    @Test func headerShowsPausedAndEnd() {
        var status = ReplayStatus(speed: 0.5, isPaused: true, isAtEnd: false, start: Fixtures.now, end: Fixtures.now)
        #expect(HeaderView.stateTag(replaying(status)) == " REPLAY 0.5x PAUSED ")
        status.isAtEnd = true
        #expect(HeaderView.stateTag(replaying(status)) == " REPLAY 0.5x END ")
        #expect(HeaderView.stateTag(replaying(nil)) == "")
    }

    @Test func headerSaysWhyRecordingStopped() {
        var state = DashboardState()
        state.outputs.recordingError = "cannot write /dev/full"
        let frame = Fixtures.frame(state, replaying(nil), width: 120, height: 30)
        #expect(frame.split(separator: "\n").dropFirst().first?.contains("record: cannot write /dev/full") == true)
    }

    @Test func wallHeaderShowsTheReplayTag() {
        var state = DashboardState()
        state.isWall = true
        let frame = Fixtures.frame(state, replaying(), width: 120, height: 30)
        #expect(frame.contains(" REPLAY 4x "))
    }

    @Test func helpListsTheReplayKeys() {
        let lines = HelpOverlayView.lines(glyphs: .unicode).map(\.0)
        #expect(lines.contains("Replay (ecetop replay)"))
        #expect(lines.contains { $0.hasPrefix(".  ,") && $0.hasSuffix("forward / back 10 seconds") })
        #expect(lines.contains { $0.hasPrefix(">  <") && $0.hasSuffix("forward / back 1 minute") })
    }
}
