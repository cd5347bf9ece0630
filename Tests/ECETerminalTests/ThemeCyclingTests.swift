import ECEMonitor
@testable import ECETerminal
import Testing

/// `t` steps through the themes on every screen and says which one is showing.
@Suite struct ThemeCyclingTests {
    let size = ScreenSize(width: 80, height: 24)

    func press(_ key: Key, on state: inout DashboardState, _ snapshot: MonitorSnapshot) -> [DashboardAction] {
        state.handle(key, snapshot: snapshot, size: size)
    }

    @Test func tCyclesThroughTheNamedThemesAndWrapsAround() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(3))
        var state = DashboardState()
        state.themeNames = ["default", "light", "monochrome"]
        _ = state.reconcile(with: snapshot)
        #expect(press(.character("t"), on: &state, snapshot) == [.applyTheme(1)])
        #expect(state.themeIndex == 1)
        #expect(state.notice == "theme: light")
        _ = press(.character("t"), on: &state, snapshot)
        _ = press(.character("t"), on: &state, snapshot)
        #expect(state.themeIndex == 0)
        #expect(state.notice == "theme: default")
    }

    @Test(arguments: [DashboardState.Screen.grid, .events, .detail(Fixtures.id(1000))])
    func tChangesTheThemeOnEveryScreenAndLeavesTheChartWindowAlone(screen: DashboardState.Screen) {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(3))
        var state = DashboardState()
        state.themeNames = ["default", "solarized-dark"]
        _ = state.reconcile(with: snapshot)
        state.screen = screen
        let window = state.historyWindow
        _ = press(.character("t"), on: &state, snapshot)
        #expect(state.themeIndex == 1)
        #expect(state.historyWindow == window)
        #expect(state.screen == screen)
    }

    @Test func tWhileTheHelpIsOpenOrAFilterIsTypedIsNotAThemeKey() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(3))
        var state = DashboardState()
        state.themeNames = ["default", "light"]
        _ = press(.character("/"), on: &state, snapshot)
        _ = press(.character("t"), on: &state, snapshot)
        #expect(state.filterDraft == "t")
        #expect(state.themeIndex == 0)
        _ = press(.enter, on: &state, snapshot)
        _ = press(.character("?"), on: &state, snapshot)
        _ = press(.character("t"), on: &state, snapshot)
        #expect(state.themeIndex == 0)
        #expect(state.notice == nil)
    }

    @Test func withOneThemeTStillSaysWhichItIs() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(1))
        var state = DashboardState()
        _ = press(.character("t"), on: &state, snapshot)
        #expect(state.themeIndex == 0)
        #expect(state.notice == "theme: default")
    }

    @Test func theFooterShowsTheNoticeInsteadOfTheKeyHints() {
        var state = FrameCases.selected()
        state.themeNames = ["default", "high-contrast"]
        _ = press(.character("t"), on: &state, FrameCases.grid)
        let lines = Fixtures.frame(state, FrameCases.grid, width: 80, height: 24).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == " theme: high-contrast")
        state.notice = nil
        #expect(Fixtures.frame(state, FrameCases.grid, width: 80, height: 24).hasSuffix(" Enter detail  / filter  s sort  p pause  r refresh  a ack  ? help  q quit"))
    }

    @Test func keyTableNamesTForThemesAndCForTheChartWindow() {
        let bindings = KeyBinding.all.flatMap { section in section.bindings.map { (section.section, $0.keys) } }
        #expect(bindings.contains { $0 == ("Everywhere", "t") })
        #expect(bindings.contains { $0 == ("Detail", "c  1  2  3") })
        #expect(!bindings.contains { $0.1.split(separator: " ").contains("t") && $0.0 != "Everywhere" })
    }
}
