import ECEChat
import ECEMonitor
@testable import ECETerminal
import Testing

/// The `W` key and wall mode's settings in the state machine.
@Suite struct WallModeStateTests {
    let snapshot = FrameCases.grid
    let size = FrameCases.small

    @Test func capitalWTogglesWallMode() {
        var state = FrameCases.selected()
        #expect(!state.isWall)
        #expect(state.handle(.character("W"), snapshot: snapshot, size: size) == [])
        #expect(state.isWall)
        #expect(state.handle(.character("W"), snapshot: snapshot, size: size) == [])
        #expect(!state.isWall)
    }

    @Test func lowercaseWStillRecordsAndLeavesWallModeAlone() {
        var state = FrameCases.selected()
        #expect(state.handle(.character("w"), snapshot: snapshot, size: size) == [.command(.startJournal(state.eventsPath))])
        #expect(!state.isWall)
    }

    @Test func turningWallModeOnShowsTheWallFromAnyScreen() {
        var state = FrameCases.selected()
        _ = state.handle(.character("e"), snapshot: snapshot, size: size)
        #expect(state.screen == .events)
        _ = state.handle(.character("W"), snapshot: snapshot, size: size)
        #expect(state.isWall && state.screen == .grid)
    }

    @Test func otherKeysKeepWorkingInWallMode() {
        var state = FrameCases.selected()
        _ = state.handle(.character("W"), snapshot: snapshot, size: size)
        #expect(state.handle(.character("p"), snapshot: snapshot, size: size) == [.command(.togglePause)])
        #expect(state.handle(.character("+"), snapshot: snapshot, size: size) == [.command(.setInterval(.seconds(10)))])
        #expect(state.handle(.character("q"), snapshot: snapshot, size: size) == [.quit])
        _ = state.handle(.character("?"), snapshot: snapshot, size: size)
        #expect(state.showsHelp)
    }

    @Test func typingWInAFilterIsText() {
        var state = FrameCases.selected()
        _ = state.handle(.character("/"), snapshot: snapshot, size: size)
        _ = state.handle(.character("W"), snapshot: snapshot, size: size)
        #expect(state.filterDraft == "W")
        #expect(!state.isWall)
    }

    @Test func capitalWIsInTheKeyTable() {
        let everywhere = KeyBinding.all.first { $0.section == "Everywhere" }?.bindings ?? []
        #expect(everywhere.contains { $0.keys == "W" })
    }

    @Test func plainTextHonoursWallConfiguration() {
        var configuration = TerminalConfiguration(clockZone: Fixtures.clock.zone)
        configuration.startsInWallMode = true
        let wall = DashboardView.plainText(snapshot: Fixtures.snapshot(Fixtures.fleet(3)), size: ScreenSize(width: 120, height: 30),
                                           now: Fixtures.now, configuration: configuration)
        #expect(wall.contains("QUEUE"))
        configuration.startsInWallMode = false
        let grid = DashboardView.plainText(snapshot: Fixtures.snapshot(Fixtures.fleet(3)), size: ScreenSize(width: 120, height: 30),
                                           now: Fixtures.now, configuration: configuration)
        #expect(!grid.contains("QUEUE"))
    }
}
