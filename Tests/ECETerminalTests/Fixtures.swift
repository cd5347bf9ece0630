import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation

/// Hand-built snapshots and a pinned clock for deterministic renderings.
enum Fixtures {
    /// 2023-11-14 22:13:21 UTC: an odd second, so flashing panels show their steady phase.
    static let now = Date(timeIntervalSince1970: 1_700_000_001)
    static let clock = ClockFormatter(zone: .utc)

    static func context(now: Date = now, glyphs: GlyphSet = .unicode) -> ViewContext {
        ViewContext(glyphs: glyphs, clock: clock, now: now)
    }

    static func id(_ value: Int64) -> EntryPointID { EntryPointID(value)! }

    /// A successful call state `age` seconds ago.
    static func call(_ value: ChatAPIValue, age: Double = 2, body: String = "", status: Int = 200) -> CallState {
        var state = CallState()
        state.lastValue = value
        state.lastSuccessAt = now.addingTimeInterval(-age)
        state.lastHTTPStatus = status
        state.lastLatency = .milliseconds(12)
        state.lastBody = Array(body.utf8)
        state.lastContentType = "application/xml"
        return state
    }

    /// An entry point answering every call; `reason` nil means allowed.
    static func entryPoint(
        _ id: Int64, label: String? = nil, reason: ChatAllowedReason? = nil, notAllowed: Bool = false,
        depth: Int = 0, wait: Double = 0, slots: Int = 4, agents: Bool = true, eligibility: Int = 0,
        age: Double = 2, stale: Bool = false, history: [Int] = [], acknowledged: Bool = false,
        statusAge: Double? = nil
    ) -> EntryPointSnapshot {
        let allowed = reason == nil && !notAllowed
        let chatAllowed = ChatAllowed(allowed: allowed, reason: reason)
        var calls: CallStates = [
            .agentAvailability: call(.agentAvailability(agents), age: age),
            .capacity: call(.capacity(slots), age: age),
            .liveSessionStatus: call(.sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: wait)), age: age),
            .checkEligibility: call(.eligibility(Eligibility(code: eligibility)), age: age),
        ]
        let body = allowed
            ? "<?xml version=\"1.0\"?>\n<chatAllowed allowed=\"true\"/>\n"
            : "<?xml version=\"1.0\"?>\r\n<chatAllowed allowed=\"false\" reason=\"\(reason?.rawValue ?? "")\"/>\r\n"
        calls[.chatAllowed] = call(.chatAllowed(chatAllowed), age: age, body: body)
        let severity = Severity.of(chatAllowed: chatAllowed, anyCallFailed: false)
        var alerts: [Alert] = []
        if !allowed {
            alerts.append(Alert(rule: .reason(reason?.rawValue ?? "not allowed"), severity: severity,
                                since: now.addingTimeInterval(-65), isAcknowledged: acknowledged))
        }
        var snapshot = EntryPointSnapshot(id: Fixtures.id(id), label: label, calls: calls, isStale: stale,
                                          severity: severity, alerts: alerts, history: Self.history(history))
        if let statusAge { snapshot.statusSince = now.addingTimeInterval(-statusAge) }
        return snapshot
    }

    /// An entry point whose `call` fails now, after earlier good data.
    static func failing(_ id: Int64, call failingCall: ChatAPICall, error: ChatAPIError, failures: Int = 3,
                        status: Int? = nil, stale: Bool = false, age: Double = 40) -> EntryPointSnapshot {
        var snapshot = entryPoint(id, age: age, stale: stale)
        var state = snapshot.state(failingCall)
        state.lastError = CallFailure(error)
        state.lastErrorAt = now.addingTimeInterval(-1)
        state.consecutiveFailures = failures
        state.failingSince = now.addingTimeInterval(-30)
        state.lastHTTPStatus = status
        state.lastBody = status == nil ? [] : Array("<error>\u{1B}[31mboom\u{07}</error>".utf8)
        snapshot.calls[failingCall] = state
        snapshot.severity = .warning
        return snapshot
    }

    static func history(_ depths: [Int]) -> EntryPointHistory {
        var history = EntryPointHistory(capacity: 64)
        for (offset, depth) in depths.enumerated() {
            let time = now.addingTimeInterval(Double(offset - depths.count) * 5)
            history.recordSessionStatus(queueDepth: depth, waitTimeSeconds: Double(depth) * 10, at: time)
        }
        return history
    }

    static func snapshot(_ entryPoints: [EntryPointSnapshot], paused: Bool = false, diagnoses: [Diagnosis] = [],
                         events: [MonitorEvent] = [], asked: Duration = .seconds(5), effective: Duration = .seconds(5)) -> MonitorSnapshot {
        MonitorSnapshot(generation: 1, takenAt: now, server: "https://ece.example.com", entryPoints: entryPoints,
                        askedInterval: asked, effectiveInterval: effective, budget: .init(ratePerSecond: 20, burst: 20),
                        isPaused: paused, events: EventLog(events), diagnoses: diagnoses, requestsSent: 100)
    }

    /// Renders a whole frame as text.
    static func frame(_ state: DashboardState, _ snapshot: MonitorSnapshot?, width: Int, height: Int,
                      now: Date = now, glyphs: GlyphSet = .unicode, demoURL: String? = nil) -> String {
        let buffer = DashboardView(demoURL: demoURL).render(state: state, snapshot: snapshot,
                                                            size: ScreenSize(width: width, height: height),
                                                            context: context(now: now, glyphs: glyphs))
        return PlainTextRenderer().render(buffer)
    }

    /// Renders one panel alone.
    static func panel(_ entryPoint: EntryPointSnapshot, width: Int = 36, selected: Bool = false, now: Date = now) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: GridLayout.panelHeight)
        PanelView(entryPoint: entryPoint, isSelected: selected)
            .draw(into: &buffer, rect: buffer.bounds, context: context(now: now))
        return buffer
    }

    /// A mixed set of entry points for the grid tests.
    static func fleet(_ count: Int) -> [EntryPointSnapshot] {
        (0..<count).map { index in
            let id = Int64(1000 + index)
            switch index % 5 {
            case 1: return entryPoint(id, label: "Sales", reason: .queueDepthReached, depth: 12, wait: 125, slots: 0, eligibility: 2,
                                      history: [1, 3, 6, 9, 12])
            case 2: return entryPoint(id, reason: .agentNotAvailable, agents: false, eligibility: 1)
            case 3: return entryPoint(id, label: "Support", depth: 2, wait: 3, history: [0, 1, 2])
            default: return entryPoint(id, depth: index % 3, wait: Double(index), history: [0, 1, 0, 2])
            }
        }
    }
}
