import ECEChat
import ECEMonitor
import ECESimulator
import Foundation
import Testing

/// A server answering 429/503 with Retry-After is left alone until the time it gave.
@Suite("ChatMonitor honours Retry-After", .serialized, .timeLimit(.minutes(5)))
struct RetryAfterMonitorTests {
    @Test(.timeLimit(.minutes(2)))
    func noRequestUntilTheTimeGivenThenPollingResumes() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(1000...1003))
        do {
            var faults = FaultSettings()
            faults.statusRate = 1
            faults.status = 429
            faults.retryAfter = "20"
            await harness.simulator.setFaults(faults)
            let (held, _) = try await harness.advance(until: { $0.serverHold != nil })
            let asked = try #require(held.serverHold)
            #expect(asked.status == 429)
            let sentWhenHeld = await harness.simulator.requestCounts().total
            #expect(sentWhenHeld >= 1)
            // 429 for every call, but the server asked for quiet: nothing more reaches it.
            try await harness.advance(by: .seconds(15), step: .milliseconds(500))
            #expect(await harness.simulator.requestCounts().total == sentWhenHeld)
            let during = await harness.monitor.snapshot
            #expect(during.serverHold?.until == asked.until)
            let logged = during.events.filter { $0.kind == .serverAskedToWait }
            #expect(logged.count == 1)
            #expect(logged.first?.summary.contains("server asked to wait (HTTP 429 · resuming \(ServerHold.clockText(asked.until)))") == true)

            await harness.simulator.clearFaults()
            let (resumed, _) = try await harness.advance(until: { snapshot in
                snapshot.serverHold == nil && snapshot.entryPoints.allSatisfy { $0.chatAllowed != nil }
            }, limit: .seconds(20))
            #expect(await harness.simulator.requestCounts().total > sentWhenHeld)
            #expect(resumed.takenAt >= asked.until)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }
}
