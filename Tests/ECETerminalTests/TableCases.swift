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

    static let mixed: [EntryPointSnapshot] = [
        grouped(Fixtures.entryPoint(1000, label: "Sales EN", depth: 2, wait: 45, history: [0, 1, 3, 2]), "Sales"),
        grouped(Fixtures.entryPoint(1001, label: "Sales DE", reason: .queueDepthReached, depth: 12, wait: 125, slots: 0,
                                    eligibility: 2, history: [1, 3, 6, 9, 12]), "Sales"),
        grouped(Fixtures.entryPoint(1002, reason: .queueDepthReached, depth: 8, wait: 610, slots: 0, eligibility: 2,
                                    acknowledged: true), "Sales"),
        grouped(Fixtures.entryPoint(1003, label: "Billing", reason: .agentNotAvailable, agents: false, eligibility: 1), "Support"),
        grouped(Fixtures.entryPoint(1004, reason: .unrecognized("overflow_to_partner_7"), notAllowed: true), "Support"),
        grouped(Fixtures.entryPoint(1005, label: "Returns", depth: 3, wait: 20, age: 40, stale: true), "Support"),
        grouped(Fixtures.failing(1006, call: .capacity, error: .httpStatus(call: "capacity", status: 503, body: []), status: 503), nil),
        grouped(unread(1007), nil),
    ]

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
