import ECEChat
import ECEMonitor
@testable import ECETerminal
import Testing

/// Keys through the state machine, no terminal involved.
@Suite struct DashboardStateTests {
    let snapshot = FrameCases.grid
    /// 2 columns × 2 rows per page, 12 entry points: 3 pages.
    let size = ScreenSize(width: 80, height: 24)

    func fresh() -> DashboardState {
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        return state
    }

    func press(_ keys: [Key], on state: inout DashboardState) -> [DashboardAction] {
        keys.flatMap { state.handle($0, snapshot: snapshot, size: size) }
    }

    @Test func firstSnapshotSelectsFirstEntryPoint() {
        var state = DashboardState()
        #expect(state.reconcile(with: snapshot) == [.command(.select(Fixtures.id(1000)))])
        #expect(state.selection == Fixtures.id(1000))
        #expect(state.reconcile(with: snapshot) == [])
    }

    @Test func arrowsAndVimKeysMoveInTheGrid() {
        var state = fresh()
        #expect(press([.right], on: &state) == [.command(.select(Fixtures.id(1001)))])
        _ = press([.down], on: &state)
        #expect(state.selection == Fixtures.id(1003))
        _ = press([.character("h")], on: &state)
        #expect(state.selection == Fixtures.id(1002))
        _ = press([.character("k")], on: &state)
        #expect(state.selection == Fixtures.id(1000))
        #expect(press([.up], on: &state) == [])
        #expect(press([.left], on: &state) == [])
        _ = press([.character("l"), .character("j")], on: &state)
        #expect(state.selection == Fixtures.id(1003))
        _ = press([.character("G")], on: &state)
        #expect(state.selection == Fixtures.id(1011))
        _ = press([.character("g")], on: &state)
        #expect(state.selection == Fixtures.id(1000))
    }

    @Test func downFromLastFullRowGoesToLastEntryPoint() {
        let odd = Fixtures.snapshot(Fixtures.fleet(3))
        var state = DashboardState()
        _ = state.reconcile(with: odd)
        _ = state.handle(.right, snapshot: odd, size: size)
        _ = state.handle(.down, snapshot: odd, size: size)
        #expect(state.selection == Fixtures.id(1002))
    }

    @Test func pagingFollowsTheSelection() {
        var state = fresh()
        #expect(state.page(snapshot, size: size) == 0)
        #expect(state.gridLayout(snapshot, size: size).pageCount == 3)
        _ = press([.right, .pageDown], on: &state)
        #expect(state.selection == Fixtures.id(1005))
        #expect(state.page(snapshot, size: size) == 1)
        _ = press([.pageDown], on: &state)
        #expect(state.page(snapshot, size: size) == 2)
        #expect(state.selection == Fixtures.id(1009))
        #expect(press([.pageDown], on: &state) == [])
        _ = press([.pageUp, .pageUp], on: &state)
        #expect(state.page(snapshot, size: size) == 0)
        #expect(press([.pageUp], on: &state) == [])
        // Moving right off the end of a page turns the page.
        _ = press([.character("l"), .character("l"), .character("l")], on: &state)
        #expect(state.page(snapshot, size: size) == 1)
    }

    @Test func enterOpensDetailAndBracketsStep() {
        var state = fresh()
        _ = press([.enter], on: &state)
        #expect(state.screen == .detail(Fixtures.id(1000)))
        #expect(press([.character("]")], on: &state) == [.command(.select(Fixtures.id(1001)))])
        #expect(state.screen == .detail(Fixtures.id(1001)))
        _ = press([.left, .left], on: &state)
        #expect(state.screen == .detail(Fixtures.id(1011)))
        _ = press([.character("[")], on: &state)
        #expect(state.screen == .detail(Fixtures.id(1010)))
        _ = press([.escape], on: &state)
        #expect(state.screen == .grid)
        #expect(state.selection == Fixtures.id(1010))
        _ = press([.enter, .backspace], on: &state)
        #expect(state.screen == .grid)
    }

    @Test func detailUpDownChoosesTheCallWhoseBodyIsShown() {
        var state = fresh()
        _ = press([.enter], on: &state)
        #expect(state.detailCall == .chatAllowed)
        _ = press([.down], on: &state)
        #expect(state.detailCall == .agentAvailability)
        _ = press([.up, .up], on: &state)
        #expect(state.detailCall == .checkEligibility)
    }

    @Test func refreshIsAllOnGridAndOneInDetail() {
        var state = fresh()
        #expect(press([.character("r")], on: &state) == [.command(.refresh(nil))])
        _ = press([.right, .enter], on: &state)
        #expect(press([.character("r")], on: &state) == [.command(.refresh(Fixtures.id(1001)))])
    }

    @Test func acknowledgeSelectedOrAll() {
        var state = fresh()
        #expect(press([.character("a")], on: &state) == [.command(.acknowledge(Fixtures.id(1000)))])
        #expect(press([.character("A")], on: &state) == [.command(.acknowledge(nil))])
        _ = press([.right, .enter], on: &state)
        #expect(press([.character("a")], on: &state) == [.command(.acknowledge(Fixtures.id(1001)))])
    }

    @Test func pauseIntervalAndQuit() {
        var state = fresh()
        #expect(press([.character("p")], on: &state) == [.command(.togglePause)])
        #expect(press([.character("+")], on: &state) == [.command(.setInterval(.seconds(10)))])
        #expect(press([.character("-")], on: &state) == [.command(.setInterval(.seconds(3)))])
        #expect(press([.character("q")], on: &state) == [.quit])
        #expect(press([.interrupt], on: &state) == [.quit])
        let fastest = Fixtures.snapshot([], asked: .seconds(1), effective: .seconds(1))
        #expect(state.handle(.character("-"), snapshot: fastest, size: size) == [])
        let odd = Fixtures.snapshot([], asked: .seconds(7), effective: .seconds(7))
        #expect(state.handle(.character("+"), snapshot: odd, size: size) == [.command(.setInterval(.seconds(10)))])
        #expect(state.handle(.character("-"), snapshot: odd, size: size) == [.command(.setInterval(.seconds(5)))])
    }

    @Test func helpOverlayOpensClosesAndSwallowsKeys() {
        var state = fresh()
        _ = press([.character("?")], on: &state)
        #expect(state.showsHelp)
        #expect(press([.character("p"), .right], on: &state) == [])
        #expect(state.selection == Fixtures.id(1000))
        _ = press([.down, .down], on: &state)
        #expect(state.helpScroll == 2)
        _ = press([.escape], on: &state)
        #expect(!state.showsHelp)
        _ = press([.character("?"), .character("?")], on: &state)
        #expect(!state.showsHelp)
        _ = press([.character("?")], on: &state)
        #expect(press([.character("q")], on: &state) == [.quit])
    }

    @Test func sortCyclesThroughAllOrders() {
        var state = fresh()
        var seen: [SortOrder] = [state.sort]
        for _ in 0..<4 {
            _ = press([.character("s")], on: &state)
            seen.append(state.sort)
        }
        #expect(seen == [.id, .severity, .queueDepth, .waitTime, .id])
    }

    @Test func filterTypingEnterAndEscape() {
        var state = fresh()
        _ = press([.character("/")], on: &state)
        #expect(state.filterDraft == "")
        // While typing, q and p are text, not commands.
        #expect(press([.character("q"), .character("u"), .character("x"), .backspace, .character("e")], on: &state) == [])
        #expect(state.filterDraft == "que")
        #expect(state.filter == "")
        #expect(press([.enter], on: &state) == [.command(.select(Fixtures.id(1001)))])
        #expect(state.filter == "que")
        #expect(state.filterDraft == nil)
        #expect(state.visibleEntryPoints(snapshot).map(\.id.rawValue) == [1001, 1006, 1011])
        _ = press([.character("/"), .character("z"), .escape], on: &state)
        #expect(state.filter == "")
        #expect(state.filterDraft == nil)
        _ = press([.character("/"), .character("S"), .enter, .escape], on: &state)
        #expect(state.filter == "")
        #expect(press([.character("/"), .interrupt], on: &state) == [.quit])
    }

    @Test func eventLogScrollsWithinBounds() {
        let withEvents = Fixtures.snapshot(Fixtures.fleet(2), events: FrameCases.events)
        var state = DashboardState()
        _ = state.reconcile(with: withEvents)
        let small = ScreenSize(width: 80, height: 12)
        _ = state.handle(.character("e"), snapshot: withEvents, size: small)
        #expect(state.screen == .events)
        _ = state.handle(.up, snapshot: withEvents, size: small)
        #expect(state.eventScroll == 0)
        _ = state.handle(.pageDown, snapshot: withEvents, size: small)
        _ = state.handle(.pageDown, snapshot: withEvents, size: small)
        // 12 events, 8 lines on screen: at most 4 lines down.
        #expect(state.eventScroll == 4)
        _ = state.handle(.home, snapshot: withEvents, size: small)
        #expect(state.eventScroll == 0)
        _ = state.handle(.character("e"), snapshot: withEvents, size: small)
        #expect(state.screen == .grid)
    }

    @Test func removedEntryPointClosesDetailAndMovesSelection() {
        var state = fresh()
        _ = press([.right, .enter], on: &state)
        let fewer = Fixtures.snapshot(Array(FrameCases.fleet.dropFirst(2)))
        #expect(state.reconcile(with: fewer) == [.command(.select(Fixtures.id(1002)))])
        #expect(state.screen == .grid)
    }

    /// A selection the filter still shows stays; one it hides moves to the first entry point
    /// shown in the current order, not in the snapshot's.
    @Test func aSelectionTheFilterHidesMovesToTheFirstShownInOrder() {
        let fleet = [Fixtures.entryPoint(1, label: "Alpha"), Fixtures.entryPoint(2, label: "Beta", reason: .queueDepthReached, depth: 9, wait: 5),
                     Fixtures.entryPoint(3, label: "Alps", reason: .queueDepthReached, depth: 9, wait: 5)]
        let snapshot = Fixtures.snapshot(fleet)
        var state = DashboardState()
        state.sort = .severity
        _ = state.reconcile(with: snapshot)
        #expect(state.selection == Fixtures.id(2))
        state.filter = "beta"
        #expect(state.reconcile(with: snapshot) == [])
        state.filter = "al"
        #expect(state.reconcile(with: snapshot) == [.command(.select(Fixtures.id(3)))])
    }

    @Test func resizeKeepsStateAndAnyKeyOnEmptySnapshotIsSafe() {
        var state = DashboardState()
        let empty = MonitorSnapshot()
        for key: Key in [.resize, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab,
                         .character("a"), .character("r"), .character("s"), .character("e"), .escape, .backspace] {
            _ = state.handle(key, snapshot: empty, size: ScreenSize(width: 0, height: 0))
        }
        #expect(state.selection == nil)
    }
}

@Suite struct SortAndFilterTests {
    let fleet = [
        Fixtures.entryPoint(3, label: "Gamma", depth: 1, wait: 50),
        Fixtures.entryPoint(1, label: "Alpha", reason: .agentNotAvailable, depth: 5, wait: 10),
        Fixtures.entryPoint(2, label: "Beta", reason: .queueDepthReached, depth: 9, wait: 5),
        Fixtures.entryPoint(4, stale: true),
        EntryPointSnapshot(id: Fixtures.id(5)),
    ]

    func ids(_ order: SortOrder) -> [Int64] { order.sorted(fleet).map(\.id.rawValue) }

    @Test func sortOrders() {
        #expect(ids(.id) == [1, 2, 3, 4, 5])
        #expect(ids(.severity) == [2, 1, 4, 5, 3])
        #expect(ids(.queueDepth) == [2, 1, 3, 4, 5])
        #expect(ids(.waitTime) == [3, 1, 2, 4, 5])
    }

    @Test func filterMatchesIDLabelAndReasonIgnoringCase() {
        func matching(_ text: String) -> [Int64] {
            fleet.filter(EntryPointFilter(text).matches).map(\.id.rawValue).sorted()
        }
        #expect(matching("") == [1, 2, 3, 4, 5])
        #expect(matching("  ") == [1, 2, 3, 4, 5])
        #expect(matching("3") == [3])
        #expect(matching("alp") == [1])
        #expect(matching("QUEUE_DEPTH") == [2])
        #expect(matching("allowed") == [3, 4])
        #expect(matching("unknown") == [5])
        #expect(matching("nothing") == [])
    }

    @Test func gridLayoutAdaptsToWidth() {
        let narrow = GridLayout(area: Rect(x: 0, y: 0, width: 80, height: 21), count: 12)
        #expect(narrow.columns == 2 && narrow.panelWidth == 40 && narrow.rows == 2 && narrow.pageCount == 3)
        let wide = GridLayout(area: Rect(x: 0, y: 0, width: 200, height: 57), count: 12)
        #expect(wide.columns == 5 && wide.panelWidth == 40 && wide.rows == 7 && wide.pageCount == 1)
        let few = GridLayout(area: Rect(x: 0, y: 0, width: 200, height: 57), count: 2)
        #expect(few.columns == 2 && few.panelWidth == 60)
        #expect(wide.rect(forIndex: 6) == Rect(x: 40, y: 8, width: 40, height: 8))
        #expect(narrow.indices(onPage: 2) == 8..<12)
    }
}
