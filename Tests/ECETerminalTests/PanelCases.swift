import ECEChat
@testable import ECEMonitor
@testable import ECETerminal

/// The panel states the snapshot tests draw.
enum PanelCases {
    static let allowed = Fixtures.entryPoint(1000, label: "Sales", depth: 3, wait: 12.5, history: [0, 1, 2, 3], statusAge: 125)

    static func reason(_ reason: ChatAllowedReason) -> EntryPointSnapshot {
        Fixtures.entryPoint(1001, reason: reason, depth: 20, wait: 3725, slots: 0, agents: false, eligibility: 2)
    }

    static let unrecognized = Fixtures.entryPoint(1002, reason: .unrecognized("maintenance_window"))
    static let noReason = Fixtures.entryPoint(1002, notAllowed: true)
    static let stale = Fixtures.failing(1003, call: .chatAllowed,
                                        error: .connectionRefused(call: "chatAllowed", cause: "ECONNREFUSED"), stale: true, age: 75)
    static let failing = Fixtures.failing(1004, call: .liveSessionStatus,
                                          error: .httpStatus(call: "liveSessionStatus", status: 500, body: []), status: 500)
    static let noData = EntryPointSnapshot(id: Fixtures.id(1005))
    static let acknowledged = Fixtures.entryPoint(1006, reason: .queueDepthReached, acknowledged: true)
    static let wideLabel = Fixtures.entryPoint(1007, label: "東京サポート窓口 Tokyo support desk")
}
