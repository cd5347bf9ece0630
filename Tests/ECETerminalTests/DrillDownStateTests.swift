import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// The drill-down keys: journal toggle, chart window, body scroll, event-log filter.
@Suite struct DrillDownStateTests {
    let size = ScreenSize(width: 80, height: 24)

    func press(_ keys: [Key], on state: inout DashboardState, _ snapshot: MonitorSnapshot) -> [DashboardAction] {
        keys.flatMap { state.handle($0, snapshot: snapshot, size: size) }
    }

    @Test func wStartsTheJournalAtTheConfiguredPathAndStopsItWhenRecording() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(2))
        var state = DashboardState()
        state.eventsPath = "/tmp/incident.jsonl"
        _ = state.reconcile(with: snapshot)
        #expect(press([.character("w")], on: &state, snapshot) == [.command(.startJournal("/tmp/incident.jsonl"))])
        state.outputs.journalPath = "/tmp/incident.jsonl"
        #expect(press([.character("w")], on: &state, snapshot) == [.command(.stopJournal)])
        // Everywhere, not only on the grid.
        _ = press([.enter], on: &state, snapshot)
        #expect(press([.character("w")], on: &state, snapshot) == [.command(.stopJournal)])
        #expect(DashboardState().eventsPath == "ecetop-events.jsonl")
    }

    @Test func chartWindowCyclesWithCAndJumpsWithDigits() {
        let snapshot = Fixtures.snapshot([DetailCases.serviceDown()])
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        _ = press([.enter], on: &state, snapshot)
        #expect(state.historyWindow == .fifteenMinutes)
        _ = press([.character("c")], on: &state, snapshot)
        #expect(state.historyWindow == .oneHour)
        _ = press([.character("c")], on: &state, snapshot)
        #expect(state.historyWindow == .fiveMinutes)
        _ = press([.character("3")], on: &state, snapshot)
        #expect(state.historyWindow == .oneHour)
        _ = press([.character("2")], on: &state, snapshot)
        #expect(state.historyWindow == .fifteenMinutes)
        _ = press([.character("1")], on: &state, snapshot)
        #expect(state.historyWindow == .fiveMinutes)
    }

    @Test func bodyScrollStaysInsideTheBodyAndResetsOnAnotherCall() {
        let snapshot = Fixtures.snapshot([DetailCases.longBody()])
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        _ = press([.enter, .pageDown, .pageDown], on: &state, snapshot)
        #expect(state.bodyScroll == 20)
        _ = press([.pageUp], on: &state, snapshot)
        #expect(state.bodyScroll == 10)
        _ = press([.end], on: &state, snapshot)
        #expect(state.bodyScroll == 59)
        _ = press([.pageDown], on: &state, snapshot)
        #expect(state.bodyScroll == 59)
        _ = press([.home], on: &state, snapshot)
        #expect(state.bodyScroll == 0)
        _ = press([.pageUp], on: &state, snapshot)
        #expect(state.bodyScroll == 0)
        _ = press([.pageDown, .up], on: &state, snapshot)
        #expect(state.bodyScroll == 0)
        #expect(state.detailCall == .checkEligibility)
    }

    @Test func rInDetailRefreshesOnlyThisEntryPointAndBracketsStep() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(3))
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        _ = press([.enter], on: &state, snapshot)
        #expect(press([.character("r")], on: &state, snapshot) == [.command(.refresh(Fixtures.id(1000)))])
        #expect(press([.character("]")], on: &state, snapshot) == [.command(.select(Fixtures.id(1001)))])
        #expect(state.screen == .detail(Fixtures.id(1001)))
        #expect(press([.character("r")], on: &state, snapshot) == [.command(.refresh(Fixtures.id(1001)))])
    }

    @Test func eventFilterIsSeparateFromTheGridFilter() {
        let snapshot = Fixtures.snapshot(Fixtures.fleet(3), events: DetailCases.events)
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        _ = press([.character("e"), .character("/")] + DetailCases.typed("error") + [.enter], on: &state, snapshot)
        #expect(state.eventFilter == "error")
        #expect(state.filter == "")
        #expect(state.screen == .events)
        // Esc clears the filter first, then leaves the log.
        _ = press([.escape], on: &state, snapshot)
        #expect(state.eventFilter == "")
        #expect(state.screen == .events)
        _ = press([.escape], on: &state, snapshot)
        #expect(state.screen == .grid)
    }

    @Test func eventFilterMatchesEntryPointCallKindAndValues() {
        let events = EventLog(DetailCases.events)
        #expect(EventLogView.matching(events, filter: "1002").count == 4)
        #expect(EventLogView.matching(events, filter: "CAPACITY").count == 2)
        #expect(EventLogView.matching(events, filter: "error started").count == 1)
        #expect(EventLogView.matching(events, filter: "service_not_running").count == 2)
        #expect(EventLogView.matching(events, filter: "  ").count == events.count)
        #expect(EventLogView.matching(events, filter: "zzz").isEmpty)
    }

    @Test func chartColumnsCarryBetweenPollsAndStopAtAGap() {
        let start = Fixtures.now.addingTimeInterval(-100)
        func sample(_ offset: Double, _ value: Double) -> EntryPointHistory.Sample {
            EntryPointHistory.Sample(time: start.addingTimeInterval(offset), value: value)
        }
        // One sample before the window carries into it; 10 s polls; polls stop at +40 s.
        let samples = [sample(-5, 7), sample(10, 1), sample(20, 2), sample(30, 3), sample(40, 4)]
        let columns = HistoryChart.columnValues(samples, start: start, end: Fixtures.now, width: 10)
        #expect(columns == [7, 1, 2, 3, 4, 4, 4, nil, nil, nil])
        #expect(HistoryChart.columnValues([], start: start, end: Fixtures.now, width: 4) == [nil, nil, nil, nil])
        #expect(HistoryChart.columnValues([sample(50, 9)], start: start, end: Fixtures.now, width: 4) == [nil, nil, 9, nil])
    }

    @Test func everyDocumentedReasonSaysWhatToCheck() {
        for reason in ChatAllowedReason.documented + [.unrecognized("maintenance_window")] {
            let (why, check) = ReasonExplanation.reason(reason)
            #expect(!why.isEmpty && !check.isEmpty, "\(reason)")
        }
        #expect(ReasonExplanation.reason(.serviceNotRunning).why.contains("Agent Assignment Service"))
        #expect(ReasonExplanation.reason(.entryPointInactive).check.contains("activation in the administration console"))
        let notRequired = ReasonExplanation(DetailCases.notRequired()).paragraphs.map(\.text).joined()
        #expect(notRequired.contains("agent availability not required"))
        let normal = ReasonExplanation(Fixtures.entryPoint(1000)).paragraphs.map(\.text).joined()
        #expect(!normal.contains("agent availability not required"))
    }

    @Test func wordWrapBreaksAtSpacesAndIndentsContinuations() {
        #expect(WordWrap.lines("check the entry point activation", width: 12, indent: 2) == ["check the", "  entry", "  point", "  activation"])
        #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(WordWrap.lines("", width: 10) == [""])
    }
}
