import ECEChat
@testable import ECESimulator
import Testing

/// `ecetop demo`'s default scenario lives: queues move from the first minute, every reason
/// stays on screen, and waits stay plausible.
@Suite("The mixed preset as the demo shows it")
struct MixedDemoTests {
    /// The demo's entry points, seed and polling interval.
    static let ids = try! EntryPointID.parseList(["1000-1011"])
    static let seed: UInt64 = 1
    static let interval = 2.0

    /// The status of every entry point as a poll every `interval` seconds would see it, for `seconds`.
    static func polled(for seconds: Double, seed: UInt64 = seed) -> [[EntryPointStatus]] {
        var model = SimulationModel(scenario: ScenarioPreset.mixed.scenario(entryPoints: ids), seed: seed)
        return stride(from: 0.0, through: seconds, by: interval).map { time in
            model.advance(to: time)
            return ids.compactMap { model.status(of: $0) }
        }
    }

    @Test("At least five queue-depth changes in the first minute", arguments: [1, 2, 3] as [UInt64])
    func queuesMoveInTheFirstMinute(seed: UInt64) {
        let polls = Self.polled(for: 60, seed: seed)
        var changes = 0
        for (before, after) in zip(polls, polls.dropFirst()) {
            changes += zip(before, after).filter { $0.queueDepth != $1.queueDepth }.count
        }
        #expect(changes >= 5, "\(changes) changes")
    }

    @Test func noWaitAboveAnHourAndEveryReasonStaysOnScreen() {
        let polls = Self.polled(for: 1800)
        #expect(polls.allSatisfy { $0.allSatisfy { $0.waitTime < 3600 } }, "max \(polls.joined().map(\.waitTime).max() ?? 0)")
        let full = polls.joined().filter { $0.id == EntryPointID(1003)! }
        #expect(full.allSatisfy { $0.waitTime >= 60 || $0.queueDepth < 3 }, "a full queue of 3 shows minutes")
        // Every reason, and allowed, in (nearly) every poll: the full queue may refill between two.
        let reasons = polls.map { Set($0.map { $0.chatAllowed.allowed ? "allowed" : $0.chatAllowed.reason?.rawValue ?? "" }) }
        let everyReason: Set<String> = ["allowed", "entry_point_inactive", "service_not_running", "queue_depth_reached",
                                        "agent_not_available", "other"]
        let complete = reasons.filter { $0.isSuperset(of: everyReason) }.count
        #expect(Double(complete) >= 0.9 * Double(reasons.count), "\(complete) of \(reasons.count) polls show every reason")
    }
}
