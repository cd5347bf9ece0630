import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation

/// Entry points, histories and events for the detail, chart, event-log and banner snapshots.
enum DetailCases {
    static let now = Fixtures.now

    /// A call state built the way the monitor builds it: through `record`, so latency
    /// percentiles are real. `latencies` in milliseconds, oldest first; the last exchange
    /// carries `value` (or `error`) and `body`.
    static func recorded(_ call: ChatAPICall, id: Int64, value: ChatAPIValue?, error: ChatAPIError? = nil, status: Int? = 200,
                         body: String = "", latencies: [Int] = [8, 9, 10, 11, 12, 14, 40], age: Double = 2) -> CallState {
        var state = CallState()
        for (index, milliseconds) in latencies.enumerated() {
            let last = index == latencies.count - 1
            let outcome: Result<ChatAPIValue, ChatAPIError> = if last, let error { .failure(error) } else { .success(value ?? .capacity(0)) }
            let exchange = ChatAPIExchange(call: call, entryPoint: Fixtures.id(id), outcome: outcome, httpStatus: last ? status : 200,
                                           contentType: "application/xml", latency: .milliseconds(milliseconds),
                                           body: last ? Array(body.utf8) : [])
            state.record(CallAnswer(exchange), at: now.addingTimeInterval(-age - Double(latencies.count - 1 - index) * 5))
        }
        return state
    }

    /// Queue depth climbing to 9 over the last 10 minutes, wait time 20 s per chat waiting,
    /// free slots falling from 4 to 0, and the reason changing 4 minutes ago.
    static func climbingHistory(reasonAt: Double = -240, reason: String = "service_not_running") -> EntryPointHistory {
        var history = EntryPointHistory(capacity: 720)
        for step in 0..<120 {
            let time = now.addingTimeInterval(Double(step - 120) * 5)
            let depth = max(0, min(9, (step - 60) / 6))
            history.recordSessionStatus(queueDepth: depth, waitTimeSeconds: Double(depth) * 20, at: time)
            history.recordFreeSlots(max(0, 4 - step / 25), at: time)
        }
        history.recordStatusChange("allowed", at: now.addingTimeInterval(-900))
        history.recordStatusChange(reason, at: now.addingTimeInterval(reasonAt))
        return history
    }

    static let serviceDownBody = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" />\r\n"
        + "<chatAllowed xmlns:ns2=\"http://bindings.egain.com/chat\" allowed=\"false\"\r\n"
        + "reason=\"service_not_running\"/>\r\n"

    /// 1002 with the assignment service down: every call answers, chatAllowed says why.
    static func serviceDown() -> EntryPointSnapshot {
        let id: Int64 = 1002
        var calls: CallStates = [
            .agentAvailability: recorded(.agentAvailability, id: id, value: .agentAvailability(false), body: "<agentAvailability available=\"false\"/>"),
            .capacity: recorded(.capacity, id: id, value: .capacity(0)),
            .liveSessionStatus: recorded(.liveSessionStatus, id: id, value: .sessionStatus(SessionStatus(queueDepth: 9, waitTimeSeconds: 180))),
            .checkEligibility: recorded(.checkEligibility, id: id, value: .eligibility(.noAgentAvailable)),
        ]
        calls[.chatAllowed] = recorded(.chatAllowed, id: id, value: .chatAllowed(ChatAllowed(allowed: false, reason: .serviceNotRunning)),
                                       body: serviceDownBody, latencies: [20, 22, 25, 30, 31, 33, 250])
        var entryPoint = EntryPointSnapshot(id: Fixtures.id(id), label: "Billing", group: "EMEA", calls: calls, severity: .critical,
                                            alerts: [Alert(rule: .reason("service_not_running"), severity: .critical,
                                                           since: now.addingTimeInterval(-240))],
                                            history: climbingHistory(), nextPollAt: now.addingTimeInterval(3))
        entryPoint.statusSince = now.addingTimeInterval(-240)
        return entryPoint
    }

    /// Transitions of 1002 and of others, oldest first as the monitor keeps them.
    static let events: [MonitorEvent] = [
        MonitorEvent(time: now.addingTimeInterval(-900), entryPoint: Fixtures.id(1002), kind: .statusChanged, old: "unknown", new: "allowed"),
        MonitorEvent(time: now.addingTimeInterval(-300), entryPoint: Fixtures.id(1001), kind: .errorStarted, call: .capacity,
                     old: "ok", new: "capacity: HTTP 503"),
        MonitorEvent(time: now.addingTimeInterval(-240), entryPoint: Fixtures.id(1002), kind: .statusChanged,
                     old: "allowed", new: "service_not_running"),
        MonitorEvent(time: now.addingTimeInterval(-240), entryPoint: Fixtures.id(1002), kind: .alertRaised,
                     old: "", new: "critical: service_not_running"),
        MonitorEvent(time: now.addingTimeInterval(-200), entryPoint: Fixtures.id(1002), kind: .eligibilityChanged, call: .checkEligibility,
                     old: "0 (queue can take new chats)", new: "1 (no agent available)"),
        MonitorEvent(time: now.addingTimeInterval(-120), entryPoint: Fixtures.id(1001), kind: .errorEnded, call: .capacity,
                     old: "capacity: HTTP 503", new: "ok"),
        MonitorEvent(time: now.addingTimeInterval(-60), entryPoint: Fixtures.id(1000), kind: .becameStale, old: "", new: "12 s old"),
    ]

    /// 1001, inactive, whose capacity call failed and recovered and whose liveSessionStatus
    /// cannot connect now.
    static func inactiveAndFailing() -> EntryPointSnapshot {
        var entryPoint = Fixtures.entryPoint(1001, reason: .entryPointInactive, agents: false, eligibility: 1, statusAge: 75)
        entryPoint.calls[.capacity] = {
            var state = recorded(.capacity, id: 1001, value: .capacity(4), latencies: [10, 12])
            state.lastError = CallFailure(.httpStatus(call: "capacity", status: 503, body: Array("Service Unavailable".utf8)))
            state.lastErrorAt = now.addingTimeInterval(-300)
            return state
        }()
        entryPoint.calls[.liveSessionStatus] = recorded(
            .liveSessionStatus, id: 1001, value: .sessionStatus(SessionStatus(queueDepth: 0, waitTimeSeconds: 0)),
            error: .connectionRefused(call: "liveSessionStatus", cause: "connect(2) to 10.0.0.7:80 failed: Connection refused (errno 111)"),
            status: nil, latencies: [9, 10, 3], age: 1)
        entryPoint.severity = .warning
        return entryPoint
    }

    /// 1005: agentAvailability true and capacity 0, the "availability not required" trap.
    static func notRequired() -> EntryPointSnapshot {
        Fixtures.entryPoint(1005, slots: 0, agents: true, eligibility: 0)
    }

    /// A long body (60 numbered lines) on chatAllowed, to scroll.
    static func longBody() -> EntryPointSnapshot {
        var entryPoint = Fixtures.entryPoint(1003)
        let body = (1...60).map { "<line n=\"\($0)\"/>" }.joined(separator: "\n")
        entryPoint.calls[.chatAllowed]?.lastBody = Array(body.utf8)
        return entryPoint
    }

    static func detailFrame(_ entryPoint: EntryPointSnapshot, width: Int, height: Int, events: [MonitorEvent] = [],
                            keys: [Key] = [], glyphs: GlyphSet = .unicode, diagnoses: [Diagnosis] = []) -> String {
        let snapshot = Fixtures.snapshot([entryPoint], diagnoses: diagnoses, events: events)
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        let size = ScreenSize(width: width, height: height)
        for key in [.enter] + keys { _ = state.handle(key, snapshot: snapshot, size: size) }
        return Fixtures.frame(state, snapshot, width: width, height: height, glyphs: glyphs)
    }

    /// One chart alone in a `width`×`height` buffer.
    static func chart(_ samples: [EntryPointHistory.Sample], changes: [HistoryChart.ReasonChange] = [], window: HistoryWindow = .fiveMinutes,
                      width: Int = 50, height: Int = 7, glyphs: GlyphSet = .unicode) -> String {
        var buffer = ScreenBuffer(width: width, height: height)
        HistoryChart(title: "queue depth", samples: samples, reasonChanges: changes, window: window, format: { String(Int($0)) })
            .draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context(glyphs: glyphs))
        return PlainTextRenderer().render(buffer)
    }

    /// 0, 1, 2, … 9, 8, … one sample every 10 s over the last five minutes.
    static let triangle: [EntryPointHistory.Sample] = (0..<30).map { (index: Int) -> EntryPointHistory.Sample in
        let rising = index < 15 ? index : 29 - index
        let value = Double(rising * 8 / 14)
        return EntryPointHistory.Sample(time: now.addingTimeInterval(Double(index - 29) * 10), value: value)
    }
}

/// Whole frames for the snapshot tests, by name.
extension DetailCases {
    static let changeMark = [HistoryChart.ReasonChange(time: now.addingTimeInterval(-100), status: "queue_depth_reached")]

    static func serviceDownWide() -> String { detailFrame(serviceDown(), width: 120, height: 40, events: events) }
    static func serviceDownNarrow() -> String { detailFrame(serviceDown(), width: 80, height: 40, events: events) }
    /// `t` once: the charts show the last hour.
    static func serviceDownHour() -> String { detailFrame(serviceDown(), width: 120, height: 40, events: events, keys: [.character("c")]) }
    static func inactive() -> String { detailFrame(inactiveAndFailing(), width: 100, height: 30) }
    static func availabilityNotRequired() -> String { detailFrame(notRequired(), width: 80, height: 24) }
    static func bodyScrolled() -> String { detailFrame(longBody(), width: 80, height: 30, keys: [.pageDown]) }
    static func bodyAtEnd() -> String { detailFrame(longBody(), width: 80, height: 30, keys: [.end]) }
    static func asciiDetail() -> String { detailFrame(serviceDown(), width: 80, height: 40, events: events, glyphs: .ascii) }

    static func chartFiveMinutes() -> String { chart(triangle, changes: changeMark) }
    static func chartAscii() -> String { chart(triangle, changes: changeMark, glyphs: .ascii) }
    /// Two rows: the title and a single row of bars, no marks row or time axis.
    static func chartTwoRows() -> String { chart(triangle, changes: changeMark, height: 2) }
    /// Polls stopped 100 s ago: the right of the chart is a gap, not a flat line.
    static func chartWithGap() -> String { chart(Array(triangle.prefix(20)), width: 40, height: 5) }

    static func eventLogFrame(_ keys: [Key], width: Int = 90, height: Int = 14) -> String {
        let snapshot = Fixtures.snapshot(Array(Fixtures.fleet(3)), events: events)
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        let size = ScreenSize(width: width, height: height)
        for key in keys { _ = state.handle(key, snapshot: snapshot, size: size) }
        return Fixtures.frame(state, snapshot, width: width, height: height)
    }

    static func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    static func eventLogAll() -> String { eventLogFrame([.character("e")]) }
    static func eventLogFilterTyping() -> String { eventLogFrame([.character("e"), .character("/")] + typed("1002")) }
    static func eventLogFiltered() -> String { eventLogFrame([.character("e"), .character("/")] + typed("1002") + [.enter]) }
    static func eventLogNoMatch() -> String { eventLogFrame([.character("e"), .character("/")] + typed("nothing") + [.enter]) }

    static let since = now.addingTimeInterval(-318)

    static func bannerFrame(_ diagnoses: [Diagnosis]) -> String {
        let snapshot = Fixtures.snapshot(Array(Fixtures.fleet(2)), diagnoses: diagnoses)
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        return Fixtures.frame(state, snapshot, width: 90, height: 14)
    }

    static func bannerServiceDown() -> String { bannerFrame([.assignmentServiceDown(affected: 12, total: 12, since: since)]) }
    static func bannerUnreachable() -> String {
        bannerFrame([.serverUnreachable(cause: "connection refused (connect(2) to 10.0.0.7:443 failed)", since: since)])
    }
    static func bannerServerErrors() -> String { bannerFrame([.serverErrors(status: 500, affected: 11, total: 12, since: since)]) }

    static func headerFrame(path: String?, error: String?) -> String {
        let snapshot = Fixtures.snapshot(Array(Fixtures.fleet(2)))
        var state = DashboardState()
        state.outputs = OutputFileStatus(journalPath: path, journalError: error)
        _ = state.reconcile(with: snapshot)
        return Fixtures.frame(state, snapshot, width: 100, height: 12)
    }

    static func headerRecording() -> String { headerFrame(path: "ecetop-events.jsonl", error: nil) }
    static func headerJournalError() -> String {
        headerFrame(path: nil, error: "cannot open event journal /root/x.jsonl for writing")
    }

    static let names = ["serviceDownWide", "serviceDownNarrow", "serviceDownHour", "inactive", "availabilityNotRequired", "bodyScrolled",
                        "bodyAtEnd", "asciiDetail", "chartFiveMinutes", "chartAscii", "chartTwoRows", "chartWithGap", "eventLogAll",
                        "eventLogFilterTyping", "eventLogFiltered", "eventLogNoMatch", "bannerServiceDown", "bannerUnreachable",
                        "bannerServerErrors", "headerRecording", "headerJournalError"]
    static func all() -> [String] {
        [serviceDownWide(), serviceDownNarrow(), serviceDownHour(), inactive(), availabilityNotRequired(), bodyScrolled(),
         bodyAtEnd(), asciiDetail(), chartFiveMinutes(), chartAscii(), chartTwoRows(), chartWithGap(), eventLogAll(),
         eventLogFilterTyping(), eventLogFiltered(), eventLogNoMatch(), bannerServiceDown(), bannerUnreachable(),
         bannerServerErrors(), headerRecording(), headerJournalError()]
    }
}
