import ECEChat
import ECEMonitor
import Foundation
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

/// The header tells when the server asked (429/503) to be left alone, and until when.
@Suite struct HeaderServerHoldTests {
    static func header(_ snapshot: MonitorSnapshot, width: Int = 140) -> String {
        var buffer = ScreenBuffer(width: width, height: 2)
        HeaderView(snapshot: snapshot).draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context())
        return PlainTextRenderer().render(buffer)
    }

    @Test func heldServerShowsWhenPollingResumes() {
        let until = Date(timeIntervalSince1970: 1_800_000_252)
        var snapshot = MonitorSnapshot(server: "http://ece.example.com")
        #expect(!Self.header(snapshot).contains("asked to wait"))
        snapshot.serverHold = ServerHold.Hold(until: until, status: 429)
        #expect(Self.header(snapshot).contains("server asked to wait · resuming \(Fixtures.context().clock.time(until))"))
    }

    @Test func withSeveralSitesTheHeaderNamesTheOneThatAsked() {
        var paris = MonitorSnapshot(server: "http://paris")
        let until = Date(timeIntervalSince1970: 1_800_000_030)
        paris.serverHold = ServerHold.Hold(until: until, status: 503)
        let merged = MonitorSnapshot.merging([("london", MonitorSnapshot(server: "http://london")), ("paris", paris)])
        #expect(Self.header(merged).contains("paris: server asked to wait · resuming \(Fixtures.context().clock.time(until))"))
    }
}
