import ECEMonitor
@testable import ECETerminal
import Testing

/// The header's budget: each site of several has its own, because each server sees only its own requests.
@Suite struct HeaderBudgetTests {
    static func snapshot(_ budgets: [Double]) -> MonitorSnapshot {
        var snapshot = MonitorSnapshot(budget: .init(ratePerSecond: budgets.first ?? 20))
        if budgets.count > 1 {
            snapshot.sites = budgets.enumerated().map { SiteStatus(name: "site\($0.offset)", server: "http://s\($0.offset)", isReachable: true,
                                                                    budget: .init(ratePerSecond: $0.element)) }
        }
        return snapshot
    }

    @Test(arguments: [
        ([20.0], "budget 20/s"),
        ([0.0], "no budget"),
        ([2.5], "budget 2.5/s"),
        ([20.0, 20.0], "budget 20/s per site"),
        ([10.0, 20.0, 15.0], "budget 10–20/s per site"),
        ([0.0, 20.0], "budget 20/s per site (1 unlimited)"),
        ([0.0, 0.0], "no budget"),
    ])
    func budgetText(budgets: [Double], text: String) {
        #expect(HeaderView.budgetText(Self.snapshot(budgets)) == text)
    }

    @Test func mergingKeepsEachSitesBudget() {
        let merged = MonitorSnapshot.merging([("london", MonitorSnapshot(budget: .init(ratePerSecond: 10))),
                                              ("paris", MonitorSnapshot(budget: .init(ratePerSecond: 30)))])
        #expect(merged.sites.map(\.budget.ratePerSecond) == [10, 30])
        #expect(HeaderView.budgetText(merged) == "budget 10–30/s per site")
    }
}
