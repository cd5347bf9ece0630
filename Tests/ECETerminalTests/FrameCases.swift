import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation

/// Whole-screen cases for the frame snapshot tests.
enum FrameCases {
    static let fleet = Fixtures.fleet(12)
    static let grid = Fixtures.snapshot(fleet)
    static let busy = Fixtures.snapshot(
        fleet, paused: true,
        diagnoses: [.assignmentServiceDown(affected: 3, total: 12, since: Fixtures.now.addingTimeInterval(-300))],
        asked: .seconds(2), effective: .seconds(3))
    static let small = ScreenSize(width: 80, height: 24)

    static func selected(_ snapshot: MonitorSnapshot = grid) -> DashboardState {
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        return state
    }

    static func grid80() -> String { Fixtures.frame(selected(), grid, width: 80, height: 24) }

    static func grid200() -> String {
        Fixtures.frame(selected(busy), busy, width: 200, height: 60, demoURL: "http://127.0.0.1:8080")
    }

    static func page2() -> String {
        var state = selected()
        _ = state.handle(.pageDown, snapshot: grid, size: small)
        return Fixtures.frame(state, grid, width: 80, height: 24)
    }

    static func help() -> String {
        var state = selected()
        _ = state.handle(.character("?"), snapshot: grid, size: small)
        return Fixtures.frame(state, grid, width: 80, height: 24)
    }

    static func helpScrolled() -> String {
        var state = selected()
        _ = state.handle(.character("?"), snapshot: grid, size: ScreenSize(width: 100, height: 40))
        _ = state.handle(.pageDown, snapshot: grid, size: ScreenSize(width: 100, height: 40))
        return Fixtures.frame(state, grid, width: 100, height: 40)
    }

    static func tooSmall() -> String { Fixtures.frame(selected(), grid, width: 39, height: 12) }
    static func tooSmallNarrow() -> String { Fixtures.frame(selected(), grid, width: 16, height: 6) }

    static let detailEntryPoint: EntryPointSnapshot = {
        var entryPoint = Fixtures.failing(1004, call: .liveSessionStatus,
                                          error: .httpStatus(call: "liveSessionStatus", status: 500, body: []), status: 500)
        entryPoint.label = "Billing"
        entryPoint.history = Fixtures.history([0, 2, 4, 6])
        entryPoint.nextPollAt = Fixtures.now.addingTimeInterval(3)
        return entryPoint
    }()

    static func detail() -> String {
        let snapshot = Fixtures.snapshot([detailEntryPoint])
        var state = selected(snapshot)
        _ = state.handle(.enter, snapshot: snapshot, size: small)
        _ = state.handle(.up, snapshot: snapshot, size: small)
        _ = state.handle(.up, snapshot: snapshot, size: small)
        return Fixtures.frame(state, snapshot, width: 100, height: 30)
    }

    static func detailCritical() -> String {
        let snapshot = Fixtures.snapshot([PanelCases.reason(.queueDepthReached)])
        var state = selected(snapshot)
        _ = state.handle(.enter, snapshot: snapshot, size: small)
        return Fixtures.frame(state, snapshot, width: 80, height: 24)
    }

    static let events: [MonitorEvent] = (0..<12).map(event)

    static func event(_ index: Int) -> MonitorEvent {
        let time = Fixtures.now.addingTimeInterval(Double(index * 10 - 120))
        let entryPoint = Fixtures.id(1000 + Int64(index % 3))
        if index % 2 == 0 {
            return MonitorEvent(time: time, entryPoint: entryPoint, kind: .statusChanged, call: nil,
                                old: "allowed", new: "queue_depth_reached")
        }
        return MonitorEvent(time: time, entryPoint: entryPoint, kind: .errorStarted, call: .capacity,
                            old: "ok", new: "capacity: HTTP 503")
    }

    static func eventLog() -> String {
        let snapshot = Fixtures.snapshot(Array(fleet.prefix(3)), events: events)
        var state = selected(snapshot)
        let size = ScreenSize(width: 80, height: 12)
        _ = state.handle(.character("e"), snapshot: snapshot, size: size)
        _ = state.handle(.down, snapshot: snapshot, size: size)
        return Fixtures.frame(state, snapshot, width: 80, height: 12)
    }

    static func filterEditing() -> String {
        var state = selected()
        for key: Key in [.character("/"), .character("S"), .character("a"), .character("l")] {
            _ = state.handle(key, snapshot: grid, size: small)
        }
        return Fixtures.frame(state, grid, width: 80, height: 24)
    }

    static func filterApplied() -> String {
        var state = selected()
        for key: Key in [.character("/"), .character("q"), .character("u"), .character("e"), .character("u"), .enter] {
            _ = state.handle(key, snapshot: grid, size: small)
        }
        return Fixtures.frame(state, grid, width: 80, height: 24)
    }

    static func waiting() -> String { Fixtures.frame(DashboardState(), nil, width: 60, height: 14) }

    static func all() -> [(String, String)] {
        [("grid80", grid80()), ("grid200", grid200()), ("page2", page2()), ("help", help()), ("helpScrolled", helpScrolled()),
         ("tooSmall", tooSmall()), ("tooSmallNarrow", tooSmallNarrow()), ("detail", detail()), ("detailCritical", detailCritical()),
         ("eventLog", eventLog()), ("filterEditing", filterEditing()), ("filterApplied", filterApplied()), ("waiting", waiting())]
    }
}
