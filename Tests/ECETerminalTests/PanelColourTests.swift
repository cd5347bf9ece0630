import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// Colours by role: what turns red, what flashes, what stays neutral.
@Suite struct PanelColourTests {
    func roles(_ entryPoint: EntryPointSnapshot, now: Date = Fixtures.now, selected: Bool = false) -> [String] {
        PlainTextRenderer().roles(Fixtures.panel(entryPoint, selected: selected, now: now))
    }

    @Test(arguments: [ChatAllowedReason.queueDepthReached, .serviceNotRunning, .invalidEntryPoint])
    func criticalReasonsTurnBorderAndStatusRed(reason: ChatAllowedReason) {
        let rows = roles(PanelCases.reason(reason))
        #expect(rows[0].first == "C")
        #expect(rows[7] == String(repeating: "C", count: 36))
        #expect(rows[1].first == "C" && rows[1].dropFirst(2).hasPrefix("CCCCCC"))
    }

    @Test(arguments: [ChatAllowedReason.agentNotAvailable, .entryPointInactive, .other, .unrecognized("new_reason")])
    func otherReasonsAreAmber(reason: ChatAllowedReason) {
        let rows = roles(Fixtures.entryPoint(1001, reason: reason))
        #expect(rows[7] == String(repeating: "W", count: 36))
        #expect(rows[1].dropFirst(2).hasPrefix("WWWWWW"))
    }

    @Test func okPanelHasNeutralBorderAndGreenStatus() {
        let rows = roles(PanelCases.allowed)
        #expect(rows[7] == String(repeating: "b", count: 36))
        #expect(rows[1].dropFirst(2).hasPrefix("OOOO"))
    }

    @Test func staleAndUnknownAreDim() {
        #expect(roles(PanelCases.stale)[7] == String(repeating: "s", count: 36))
        #expect(roles(PanelCases.noData)[7] == String(repeating: "U", count: 36))
    }

    @Test func unacknowledgedCriticalPanelFlashesEverySecond() {
        let entryPoint = PanelCases.reason(.queueDepthReached)
        #expect(PanelView(entryPoint: entryPoint).isFlashing)
        let steady = roles(entryPoint, now: Fixtures.now)
        let flashing = roles(entryPoint, now: Fixtures.now.addingTimeInterval(1))
        #expect(steady[7].allSatisfy { $0 == "C" })
        #expect(flashing[7].allSatisfy { $0 == "X" })
        #expect(flashing[1].dropFirst().dropLast().allSatisfy { $0 == "X" })
    }

    @Test func acknowledgedPanelStaysRedWithoutFlashing() {
        let entryPoint = PanelCases.acknowledged
        #expect(!PanelView(entryPoint: entryPoint).isFlashing)
        #expect(roles(entryPoint, now: Fixtures.now.addingTimeInterval(1))[7].allSatisfy { $0 == "C" })
    }

    @Test func selectedPanelTitleUsesSelectionRole() {
        let rows = roles(PanelCases.allowed, selected: true)
        #expect(rows[0].dropFirst().hasPrefix("SSSSSS"))
    }

    @Test func diagnosisBannerIsRedForAssignmentServiceAndUnreachable() {
        let since = Fixtures.now.addingTimeInterval(-60)
        var buffer = ScreenBuffer(width: 60, height: 3)
        DiagnosisBannerView(diagnoses: [
            .serverUnreachable(cause: "connection refused", since: since),
            .assignmentServiceDown(affected: 2, total: 3, since: since),
            .serverErrors(status: 503, affected: 2, total: 3, since: since),
        ]).draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context())
        let rows = PlainTextRenderer().roles(buffer)
        #expect(rows[0].allSatisfy { $0 == "C" })
        #expect(rows[1].allSatisfy { $0 == "C" })
        #expect(rows[2].allSatisfy { $0 == "W" })
        #expect(PlainTextRenderer().lines(buffer)[0] == " ✖ server unreachable since 22:12:21: connection refused")
        #expect(buffer[1, 0].style.attributes.contains(.reverse))
    }
}
