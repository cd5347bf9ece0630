import ECEChat
import ECEMonitor
import ECESimulator
import Foundation
import Testing

/// `ecetop report`'s figures on a recording the real recorder made while the monitor polled
/// the real simulator through its meltdown: the assignment service stops at 1:00 and restarts
/// at 5:00, so every entry point has one known incident.
@Suite("Shift report of a recorded meltdown", .serialized)
struct ShiftReportSimulatorTests {
    @Test(.timeLimit(.minutes(3)))
    func meltdownGivesOneServiceIncidentPerEntryPoint() async throws {
        let path = temporaryPath("meltdown")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = try PollRecorder(.init(path: path))
        let entryPoints = ids(2000...2002)
        let harness = try await MonitorHarness(entryPoints: entryPoints, scenario: .meltdown) { configuration in
            configuration.sinks.append(recorder)
            configuration.interval = .seconds(5)
            configuration.entryPointInfo[EntryPointID(2000)!] = .init(label: "Billing", group: "Back office")
            configuration.entryPointInfo[EntryPointID(2001)!] = .init(group: "Back office")
        }
        do {
            // Simulated time and the monitor's clock move together, a second at a time, for 7 minutes.
            try await harness.settle()
            for _ in 0..<420 {
                await harness.simulator.advance(by: 1)
                harness.clock.advance(by: .seconds(1))
                try await harness.settle()
            }
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()

        var stream = RecordingStream(files: [path])
        var builder = ShiftReportBuilder(.init(keepsTimeline: true))
        while let item = try stream.next(skipped: { Issue.record("damaged line in a real recording: \($0)") }) { builder.take(item) }
        let report = builder.finish(skippedLines: stream.skippedLines)

        #expect(report.skippedLines == 0)
        #expect(report.entryPoints.map(\.id) == entryPoints)
        #expect(report.seconds > 410 && report.seconds <= 420)
        for row in report.entryPoints {
            // The service is down from 60 s to 300 s: seen from the first poll after each
            // moment (every 5 s), so the incident starts and ends within a poll of them.
            let incidents = row.incidents.filter { $0.reason == "service_not_running" }
            #expect(incidents.count == 1, "\(row.id): \(row.incidents)")
            guard let incident = incidents.first else { continue }
            let start = incident.start.timeIntervalSince(report.from), end = incident.end.timeIntervalSince(report.from)
            #expect(start >= 60 && start <= 65.5, "\(row.id) incident starts at \(start) s")
            #expect(end >= 300 && end <= 305.5, "\(row.id) incident ends at \(end) s")
            #expect(abs(incident.seconds - 240) <= 5.5, "\(row.id) incident lasts \(incident.seconds) s")
            // The meltdown's backlog may touch the queue's maximum for a poll or two around the
            // restart; nothing else is critical.
            #expect(row.incidents.allSatisfy { $0.reason == "service_not_running" || $0.reason == "queue_depth_reached" },
                    "\(row.id): \(row.incidents.map { "\($0.reason) \($0.seconds)" })")
            // Refused for the incident, allowed nearly all the rest; unknown only until the first
            // answer, which comes within the first round of polls spread over one interval (5 s),
            // give or take the ticks a busy machine lets pass before an answer is applied.
            #expect(abs(row.breakdown.share(.refused("service_not_running")) - incident.seconds / report.seconds) < 1e-9)
            #expect(row.breakdown.unknown < 10 / report.seconds)
            #expect(row.deepestQueue?.value == 6)
        }
        let group = try #require(report.groups.first)
        #expect(report.groups.count == 1)
        #expect(group.name == "Back office")
        #expect(group.members == ids(2000...2001))
        #expect(group.incidents == report.entryPoints.filter { group.members.contains($0.id) }.map(\.incidents.count).reduce(0, +))
        #expect(abs(group.breakdown.total - 2 * report.seconds) < 1e-6)
    }
}
