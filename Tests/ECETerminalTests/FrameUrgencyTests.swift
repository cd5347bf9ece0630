import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// New values wait for the once-a-second frame; what a glance at the wall must catch does not.
@Suite struct FrameUrgencyTests {
    static let calm = Fixtures.snapshot([Fixtures.entryPoint(1000, depth: 1), Fixtures.entryPoint(1001)])

    @Test func newValuesAndRecoveriesWaitForTheTick() {
        let deeper = Fixtures.snapshot([Fixtures.entryPoint(1000, depth: 4, wait: 90), Fixtures.entryPoint(1001, slots: 1)])
        #expect(!TerminalLoop.isUrgent(deeper, after: Self.calm))
        let red = Fixtures.snapshot([Fixtures.entryPoint(1000, reason: .queueDepthReached), Fixtures.entryPoint(1001, stale: true)])
        #expect(TerminalLoop.isUrgent(red, after: Self.calm))
        #expect(!TerminalLoop.isUrgent(Self.calm, after: red))
    }

    @Test(arguments: [
        ("turned red", Fixtures.snapshot([Fixtures.entryPoint(1000, reason: .queueDepthReached), Fixtures.entryPoint(1001)])),
        ("went stale", Fixtures.snapshot([Fixtures.entryPoint(1000, depth: 1, stale: true), Fixtures.entryPoint(1001)])),
        ("paused", Fixtures.snapshot([Fixtures.entryPoint(1000, depth: 1), Fixtures.entryPoint(1001)], paused: true)),
        ("diagnosed", Fixtures.snapshot([Fixtures.entryPoint(1000, depth: 1), Fixtures.entryPoint(1001)],
                                        diagnoses: [.assignmentServiceDown(affected: 2, total: 2, since: Fixtures.now)])),
    ])
    func whatTheWallMustShowDrawsAtOnce(change: String, newest: MonitorSnapshot) {
        #expect(TerminalLoop.isUrgent(newest, after: Self.calm), "\(change)")
    }

    @Test func theFirstPictureIsUrgent() {
        #expect(TerminalLoop.isUrgent(Self.calm, after: nil))
    }
}
