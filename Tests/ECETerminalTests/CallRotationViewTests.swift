import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Testing

/// With the slower calls polled every Nth round, their values are older than the rest: the
/// screens give each its own age, and the header says how often they go.
@Suite struct CallRotationViewTests {
    /// Capacity, agents and eligibility last answered 40 s ago; the other two 2 s ago.
    func rotated() -> EntryPointSnapshot {
        var entryPoint = Fixtures.entryPoint(1001, label: "Sales", depth: 3)
        for call in [ChatAPICall.capacity, .agentAvailability, .checkEligibility] {
            entryPoint.calls[call]?.lastSuccessAt = Fixtures.now.addingTimeInterval(-40)
        }
        return entryPoint
    }

    @Test func panelAndTableGiveTheRangeOfAges() {
        let snapshot = Fixtures.snapshot([rotated(), Fixtures.entryPoint(1002)])
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        state.viewMode = .grid
        let grid = Fixtures.frame(state, snapshot, width: 100, height: 30)
        #expect(grid.contains("data 2s-40s old"))
        // An entry point whose values all came in one round shows one age.
        #expect(grid.components(separatedBy: "data 2s old").count == 2)
        state.viewMode = .table
        let table = Fixtures.frame(state, snapshot, width: 160, height: 30)
        #expect(table.contains("2s-40s old"))
        #expect(EntryPointSnapshot(id: Fixtures.id(9)).dataAgeText(at: Fixtures.now) == nil)
    }

    @Test func detailGivesEachCallItsAge() {
        let snapshot = Fixtures.snapshot([rotated()])
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        _ = state.handle(.enter, snapshot: snapshot, size: ScreenSize(width: 120, height: 40))
        let lines = Fixtures.frame(state, snapshot, width: 120, height: 40).split(separator: "\n")
        let header = lines.first { $0.contains("last ok") }
        #expect(header?.contains("last ok  age") == true)
        func row(_ call: ChatAPICall) -> String? { lines.first { $0.hasPrefix(" " + call.rawValue + " ") }.map(String.init) }
        #expect(row(.capacity)?.contains("22:12:41 40s") == true)
        #expect(row(.chatAllowed)?.contains("22:13:19 2s") == true)
    }

    @Test func headerSaysHowOftenTheSlowerCallsGoWhenThereIsRoom() {
        var snapshot = Fixtures.snapshot([Fixtures.entryPoint(1001)], asked: .seconds(2), effective: .seconds(2))
        snapshot.rotation = CallRotation(fullEvery: 3)
        let wide = Fixtures.frame(DashboardState(), snapshot, width: 160, height: 24)
        #expect(wide.split(separator: "\n").first?.contains("every 2s · slots/agents/eligibility every 3rd · budget 20/s") == true)
        // On 80 columns the server keeps its place and the rotation gives way.
        let narrow = Fixtures.frame(DashboardState(), snapshot, width: 80, height: 24).split(separator: "\n").first ?? ""
        #expect(narrow.contains("ece.example.com") && narrow.contains("every 2s · budget 20/s") && !narrow.contains("every 3rd"))
        snapshot.rotation = CallRotation(fullEvery: 1)
        #expect(!Fixtures.frame(DashboardState(), snapshot, width: 160, height: 24).contains("every 1"))
    }
}
