import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation

/// Entry points for the table view's snapshots: every state, an unknown reason, stale and
/// failing rows, unread values, under groups.
enum TableCases {
    static func grouped(_ entryPoint: EntryPointSnapshot, _ group: String?, label: String? = nil) -> EntryPointSnapshot {
        var entryPoint = entryPoint
        entryPoint.group = group
        if let label { entryPoint.label = label }
        return entryPoint
    }

    /// An entry point polled once but never answered: every value unread.
    static func unread(_ id: Int64) -> EntryPointSnapshot {
        EntryPointSnapshot(id: Fixtures.id(id), severity: .unknown)
    }

    /// `entryPoint` with the last ten minutes before `Fixtures.now` spent in `stretches`, oldest
    /// first, in seconds; the last answer stands until `lapsesAgo` seconds before now (then unknown).
    static func observed(_ entryPoint: EntryPointSnapshot, _ stretches: [(ChatState, Double)], lapsesAgo: Double = 0) -> EntryPointSnapshot {
        var entryPoint = entryPoint
        var time = Fixtures.now.addingTimeInterval(-stretches.reduce(0) { $0 + $1.1 })
        for (index, (state, seconds)) in stretches.enumerated() {
            let last = index == stretches.count - 1
            let until = last ? Fixtures.now.addingTimeInterval(lapsesAgo > 0 ? -lapsesAgo : 10) : time.addingTimeInterval(seconds + 10)
            entryPoint.availability.observe(state, at: time, validUntil: until)
            time = time.addingTimeInterval(seconds)
        }
        return entryPoint
    }

    static let full = ChatState.refused("queue_depth_reached")

    /// Sales: 100 %, 75 %, 20 % (group 1170 of 1800 s: 65 %); Support: 90 %, 0 %, 560 of 600 s
    /// with 40 s unknown (group 1100 of 1800 s: 61.1 %); Ungrouped: 100 % and never answered.
    /// 1000 rises towards a configured maximum of 20: full in about 2 minutes.
    static let mixed: [EntryPointSnapshot] = [
        grouped(observed(rising(Fixtures.entryPoint(1000, label: "Sales EN", depth: 2, wait: 45, history: [0, 1, 3, 2]), maximum: 20),
                         [(.allowed, 600)]), "Sales"),
        grouped(observed(Fixtures.entryPoint(1001, label: "Sales DE", reason: .queueDepthReached, depth: 12, wait: 125, slots: 0,
                                             eligibility: 2, history: [1, 3, 6, 9, 12]), [(.allowed, 450), (full, 150)]), "Sales"),
        grouped(observed(Fixtures.entryPoint(1002, reason: .queueDepthReached, depth: 8, wait: 610, slots: 0, eligibility: 2,
                                             acknowledged: true), [(.allowed, 120), (full, 480)]), "Sales"),
        grouped(observed(Fixtures.entryPoint(1003, label: "Billing", reason: .agentNotAvailable, agents: false, eligibility: 1),
                         [(.allowed, 540), (.refused("agent_not_available"), 60)]), "Support"),
        grouped(observed(Fixtures.entryPoint(1004, reason: .unrecognized("overflow_to_partner_7"), notAllowed: true),
                         [(.refused("overflow_to_partner_7"), 600)]), "Support"),
        grouped(observed(Fixtures.entryPoint(1005, label: "Returns", depth: 3, wait: 20, age: 40, stale: true), [(.allowed, 600)], lapsesAgo: 40),
                "Support"),
        grouped(observed(Fixtures.failing(1006, call: .capacity, error: .httpStatus(call: "capacity", status: 503, body: []), status: 503),
                         [(.allowed, 600)]), nil),
        grouped(unread(1007), nil),
    ]

    static func rising(_ entryPoint: EntryPointSnapshot, maximum: Int) -> EntryPointSnapshot {
        var entryPoint = entryPoint
        entryPoint.configuredMaxQueueDepth = maximum
        return entryPoint
    }

    static func state(_ snapshot: MonitorSnapshot, mode: DashboardViewMode = .table) -> DashboardState {
        var state = DashboardState()
        state.viewMode = mode
        _ = state.reconcile(with: snapshot)
        return state
    }

    static func table(width: Int, height: Int, entryPoints: [EntryPointSnapshot] = mixed) -> String {
        let snapshot = Fixtures.snapshot(entryPoints)
        return Fixtures.frame(state(snapshot), snapshot, width: width, height: height)
    }

    /// `count` entry points without groups, as the size checks use.
    static func many(_ count: Int) -> [EntryPointSnapshot] { Fixtures.fleet(count) }
}
