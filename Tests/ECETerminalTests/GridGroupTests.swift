import ECEChat
import ECEMonitor
@testable import ECETerminal
import Testing

/// Entry points with groups (from the config file) shown under one-line group headings.
@Suite("Grid group headings")
struct GridGroupTests {
    static func grouped(_ id: Int64, _ group: String?, reason: ChatAllowedReason? = nil) -> EntryPointSnapshot {
        var entryPoint = Fixtures.entryPoint(id, reason: reason)
        entryPoint.group = group
        return entryPoint
    }

    /// As listed in the config: Support first, then Sales, one without a group.
    static let listed = [grouped(1000, "Support"), grouped(1001, "Sales", reason: .queueDepthReached), grouped(1002, nil),
                         grouped(1003, "Support"), grouped(1004, "Support")]

    @Test func groupsKeepTheConfigOrderAndTheSortWithin() {
        let bySeverity = SortOrder.severity.sorted(Self.listed)
        #expect(bySeverity.first?.id == Fixtures.id(1001))
        let arranged = EntryPointGroups.arranged(bySeverity, listed: Self.listed)
        #expect(arranged.map(\.id.rawValue) == [1000, 1003, 1004, 1001, 1002])
        let runs = EntryPointGroups.runs(arranged)?.map { "\($0.title)×\($0.count)" }
        #expect(runs == ["Support×3", "Sales×1", "Ungrouped×1"])
        // Without any group nothing changes and there are no headings.
        let plain = Fixtures.fleet(4)
        #expect(EntryPointGroups.arranged(plain, listed: plain).map(\.id) == plain.map(\.id))
        #expect(EntryPointGroups.runs(plain) == nil)
    }

    @Test func eachGroupStartsARowUnderItsHeadingAndPagesRepeatIt() throws {
        let arranged = EntryPointGroups.arranged(Self.listed, listed: Self.listed)
        let layout = GridLayout(area: Rect(x: 0, y: 2, width: 80, height: 26), entryPoints: arranged)
        let placement = try #require(layout.placement)
        #expect(layout.columns == 2)
        #expect(placement.headings.map { "\($0.title)@\($0.page):\($0.rect.y)" } == ["Support@0:2", "Sales@0:19", "Ungrouped@1:2"])
        #expect((0..<5).map { layout.rect(forIndex: $0).y } == [3, 3, 11, 20, 3])
        #expect((0..<5).map { layout.rect(forIndex: $0).x } == [0, 40, 0, 0, 0])
        #expect(layout.pageCount == 2)
        #expect(layout.indices(onPage: 0) == 0..<4)
        #expect(layout.indices(onPage: 1) == 4..<5)
        #expect(layout.page(ofIndex: 4) == 1)

        #expect(layout.index(below: 0) == 2)
        #expect(layout.index(below: 1) == 2, "a short row below takes its last panel")
        #expect(layout.index(below: 2) == 3)
        #expect(layout.index(below: 3) == 4)
        #expect(layout.index(below: 4) == nil)
        #expect(layout.index(above: 3) == 2)
        #expect(layout.index(above: 0) == nil)
        #expect(layout.index(from: 1, pageStep: 1) == 4)
        #expect(layout.index(from: 4, pageStep: -1) == 0)
        #expect(layout.index(from: 4, pageStep: 1) == nil)

        let long = (0..<9).map { Self.grouped(2000 + Int64($0), "Big") }
        let paged = GridLayout(area: Rect(x: 0, y: 0, width: 80, height: 20), entryPoints: long)
        #expect(paged.placement?.headings.map(\.title) == ["Big", "Big, continued", "Big, continued"])
    }

    @Test func theFrameShowsHeadingsAndTheKeysFollowTheGroups() {
        var state = DashboardState()
        let snapshot = Fixtures.snapshot(Self.listed)
        _ = state.reconcile(with: snapshot)
        let frame = Fixtures.frame(state, snapshot, width: 80, height: 30)
        let lines = frame.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains { $0.hasPrefix("─ Support ───") }, "\(frame)")
        #expect(lines.contains { $0.hasPrefix("─ Sales ───") }, "\(frame)")

        let size = ScreenSize(width: 80, height: 30)
        #expect(state.selection == Fixtures.id(1000))
        _ = state.handle(.down, snapshot: snapshot, size: size)
        #expect(state.selection == Fixtures.id(1004))
        _ = state.handle(.down, snapshot: snapshot, size: size)
        #expect(state.selection == Fixtures.id(1001))
    }
}
