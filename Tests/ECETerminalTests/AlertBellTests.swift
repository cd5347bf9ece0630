import ECEChat
@testable import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// `--bell`: once per critical alert raised, not while it stays, never for acknowledged ones.
@Suite struct AlertBellTests {
    static func snapshot(_ entryPoints: [EntryPointSnapshot]) -> MonitorSnapshot { Fixtures.snapshot(entryPoints) }

    @Test func ringsOnceForANewCriticalAndAgainOnlyWhenRaisedAnew() {
        var bell = AlertBell()
        let calm = Self.snapshot([Fixtures.entryPoint(1000), Fixtures.entryPoint(1001)])
        let full = Self.snapshot([Fixtures.entryPoint(1000), Fixtures.entryPoint(1001, reason: .queueDepthReached)])
        // Rings when 1001 turns critical, not again while it stays, again once cleared and raised anew.
        let rings = [calm, full, full, calm, full].map { bell.shouldRing(for: $0) }
        #expect(rings == [false, true, false, false, true])
    }

    @Test func neverForAcknowledgedOrWarningAlerts() {
        var bell = AlertBell()
        let acknowledged = Self.snapshot([Fixtures.entryPoint(1000, reason: .queueDepthReached, acknowledged: true)])
        let warning = Self.snapshot([Fixtures.entryPoint(1001, reason: .agentNotAvailable)])
        // A second critical while the first stays rings for the second.
        let two = Self.snapshot([Fixtures.entryPoint(1000, reason: .queueDepthReached, acknowledged: true),
                                 Fixtures.entryPoint(1002, reason: .serviceNotRunning)])
        let rings = [acknowledged, warning, two].map { bell.shouldRing(for: $0) }
        #expect(rings == [false, false, true])
    }
}
