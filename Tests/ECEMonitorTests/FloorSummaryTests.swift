import ECEChat
import ECEMonitor
import Foundation
import Testing

/// The monitor keeps the header's counts and the totals as answers arrive instead of walking
/// every entry point per frame: they must always equal the walk.
@Suite("Floor summary", .serialized, .timeLimit(.minutes(2)))
struct FloorSummaryTests {
    /// What the summary claims against the same figures worked out from the entry points.
    static func disagreements(in snapshot: MonitorSnapshot) -> [String] {
        guard let summary = snapshot.summary else { return ["generation \(snapshot.generation): no summary"] }
        var found: [String] = []
        let walked = FloorTotals(snapshot.entryPoints)
        if summary.totals != walked { found.append("totals \(summary.totals) against \(walked)") }
        let stale = snapshot.entryPoints.filter(\.isStale).count
        if summary.staleCount != stale { found.append("stale \(summary.staleCount) against \(stale)") }
        for severity in Severity.allCases {
            let walked = snapshot.entryPoints.filter { $0.severity == severity }.count
            if summary.count(of: severity) != walked { found.append("\(severity) \(summary.count(of: severity)) against \(walked)") }
        }
        return found.map { "generation \(snapshot.generation): \($0)" }
    }

    @Test func theMonitorsSummaryAgreesWithItsEntryPointsThroughChangesAnOutageAndStaleness() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(4000...4011), scenario: .mixed, requestTimeout: .milliseconds(300))
        var disagreements: [String] = []
        var longestWaits: Set<EntryPointID> = []
        do {
            var steps = 0
            try await harness.advance(until: { snapshot in
                disagreements += Self.disagreements(in: snapshot)
                if let longest = snapshot.totals.longestWait { longestWaits.insert(longest.id) }
                steps += 1
                // The simulation moves only when told: queues grow and drain, and halfway the
                // assignment service stops, changing severities.
                if steps % 10 == 0 { await harness.simulator.advance(by: 30) }
                if steps == 75 { await harness.simulator.stopAssignmentService() }
                return steps >= 150
            }, step: .milliseconds(200))
            await harness.simulator.stop()
            let (down, _) = try await harness.advance(until: { snapshot in
                disagreements += Self.disagreements(in: snapshot)
                return snapshot.entryPoints.allSatisfy(\.isStale)
            }, step: .milliseconds(200))
            // The outage took every value out of the sums, so both paths of the summary ran.
            #expect(down.totals.leftOut == 12)
            #expect(down.staleCount == 12)
            #expect(down.totals.longestWait == nil)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // The longest wait moved between entry points while the server answered.
        #expect(longestWaits.count >= 2, "longest waits at \(longestWaits)")
    }

    @Test func anEntryPointsChangeIsCountedOutAndInAgain() {
        func entryPoint(_ id: Int64, wait: Double, stale: Bool = false) -> EntryPointSnapshot {
            var snapshot = EntryPointSnapshot(id: EntryPointID(id)!, severity: .ok)
            snapshot.record([ChatAPIExchange(call: .liveSessionStatus, entryPoint: snapshot.id,
                                             outcome: .success(.sessionStatus(SessionStatus(queueDepth: Int(wait / 10), waitTimeSeconds: wait))),
                                             httpStatus: 200, contentType: nil, latency: .milliseconds(1), body: [])],
                            at: Date(timeIntervalSince1970: 0))
            snapshot.isStale = stale
            return snapshot
        }
        var entryPoints = [entryPoint(1, wait: 30), entryPoint(2, wait: 90), entryPoint(3, wait: 60)]
        var summary = FloorSummary(entryPoints)
        #expect(summary.totals.longestWait?.id == EntryPointID(2))
        // The longest wait's entry point goes stale: the next longest is found again.
        summary.remove(entryPoints[1])
        entryPoints[1] = entryPoint(2, wait: 90, stale: true)
        summary.add(entryPoints[1])
        summary.settle(entryPoints)
        #expect(summary.totals == FloorTotals(entryPoints))
        #expect(summary.totals.longestWait?.id == EntryPointID(3))
        #expect(summary.totals.waiting == 3 + 6)
        #expect(summary.staleCount == 1)
        #expect(summary.count(of: .ok) == 3)
    }
}
