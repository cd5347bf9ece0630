import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// The table view: sizes that must hold, column drop, `v`, `auto`, keys.
@Suite struct TableViewTests {
    /// Rows of the frame that list an entry point (start with the gutter, then a state symbol).
    static func entryRows(_ frame: String) -> Int {
        frame.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let trimmed = line.drop { $0 == " " || $0 == "▶" }
            return ["● OK", "▲ WARN", "✖ CRIT", "? UNKNOWN", "◌ STALE"].contains { trimmed.hasPrefix($0) }
        }.count
    }

    @Test func sixtyEntryPointsOn80x24ShowAtLeast18Rows() {
        let frame = TableCases.table(width: 80, height: 24, entryPoints: TableCases.many(60))
        #expect(Self.entryRows(frame) >= 18)
        #expect(frame.contains("page 1/4"))
    }

    @Test func sixtyEntryPointsOn200x60ShowAtLeast54Rows() {
        let frame = TableCases.table(width: 200, height: 60, entryPoints: TableCases.many(60))
        #expect(Self.entryRows(frame) >= 54)
    }

    @Test func narrowTerminalsDropColumnsByPriorityButKeepTheFive() {
        func titles(_ width: Int) -> [String] { TableColumn.fitted(TableColumn.standard, width: width).map(\.column.title) }
        #expect(titles(200) == TableColumn.standard.map(\.title))
        #expect(titles(80) == ["STATE", "ALERT", "ID", "CHAT ALLOWED", "QUEUE", "WAIT", "AVAIL", "DATA"])
        #expect(titles(60) == ["STATE", "ALERT", "ID", "CHAT ALLOWED", "QUEUE", "WAIT"])
        #expect(titles(40) == ["STATE", "ID", "CHAT ALLOWED", "QUEUE", "WAIT"])
        // Whatever is left over goes to the columns that grow.
        let wide = TableColumn.fitted(TableColumn.standard, width: 200)
        #expect(wide.reduce(1) { $0 + $1.width + 1 } == 200)
    }

    @Test func autoPicksTheTableWhenThePanelsDoNotFitOnOnePage() {
        let size = ScreenSize(width: 80, height: 24)
        let few = Fixtures.snapshot(Fixtures.fleet(4)), many = Fixtures.snapshot(Fixtures.fleet(60))
        var state = DashboardState()
        state.viewMode = .auto
        #expect(TerminalConfiguration().viewMode == .auto)
        #expect(!state.showsTable(few, size: size))
        #expect(state.showsTable(many, size: size))
        // A filter that leaves few does not flip the view under the user's hands.
        var filtered = state
        filtered.filter = "1001"
        #expect(filtered.showsTable(many, size: size))
    }

    @Test func aFilterThatMatchesNothingSaysSoInTheGridAndInTheTable() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(60))
        for mode in [DashboardViewMode.grid, .table] {
            var state = TableCases.state(snapshot, mode: mode)
            state.filter = "no-such-entry-point"
            let frame = Fixtures.frame(state, snapshot, width: 80, height: 24)
            #expect(frame.contains("no entry point matches \"no-such-entry-point\" (Esc clears)"), "\(mode)")
            #expect(!frame.contains("1000"), "\(mode)")
        }
    }

    @Test func vTogglesBetweenGridAndTable() {
        let size = ScreenSize(width: 80, height: 24)
        let snapshot = Fixtures.snapshot(Fixtures.fleet(60))
        var state = TableCases.state(snapshot, mode: .auto)
        #expect(state.showsTable(snapshot, size: size))
        _ = state.handle(.character("v"), snapshot: snapshot, size: size)
        #expect(state.viewMode == .grid)
        #expect(Fixtures.frame(state, snapshot, width: 80, height: 24).contains("╔ 1000"))
        _ = state.handle(.character("v"), snapshot: snapshot, size: size)
        #expect(state.viewMode == .table)
        #expect(!Fixtures.frame(state, snapshot, width: 80, height: 24).contains("╔ 1000"))
    }

    @Test func keysMoveByRowAndPageInTheTable() throws {
        let size = ScreenSize(width: 80, height: 24)
        let snapshot = Fixtures.snapshot(Fixtures.fleet(60))
        var state = TableCases.state(snapshot)
        #expect(state.handle(.down, snapshot: snapshot, size: size) == [.command(.select(Fixtures.id(1001)))])
        _ = state.handle(.character("j"), snapshot: snapshot, size: size)
        #expect(state.selection == Fixtures.id(1002))
        _ = state.handle(.up, snapshot: snapshot, size: size)
        #expect(state.selection == Fixtures.id(1001))
        let perPage = try #require(state.gridPage(snapshot, size: size).table).rowsPerPage
        _ = state.handle(.pageDown, snapshot: snapshot, size: size)
        #expect(state.selection == Fixtures.id(1001 + Int64(perPage)))
        #expect(state.page(snapshot, size: size) == 1)
        let frame = Fixtures.frame(state, snapshot, width: 80, height: 24)
        #expect(frame.contains("page 2/4"))
        #expect(frame.contains("▶✖ CRIT") || frame.contains("▶● OK") || frame.contains("▶▲ WARN"))
        _ = state.handle(.enter, snapshot: snapshot, size: size)
        #expect(state.screen == .detail(Fixtures.id(1001 + Int64(perPage))))
    }

    @Test func groupsHaveHeadingsAndSubtotalRows() {
        let snapshot = Fixtures.snapshot(TableCases.mixed)
        let layout = TableLayout(area: Rect(x: 0, y: 3, width: 120, height: 36), entryPoints: snapshot.entryPoints)
        #expect(layout.lines == [.heading("Sales", 0..<3), .entryPoint(0), .entryPoint(1), .entryPoint(2), .subtotal(0..<3),
                                 .heading("Support", 3..<6), .entryPoint(3), .entryPoint(4), .entryPoint(5), .subtotal(3..<6),
                                 .heading("Ungrouped", 6..<8), .entryPoint(6), .entryPoint(7), .subtotal(6..<8)])
    }
}
