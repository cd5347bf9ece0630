import ECEChat
import ECEMonitor
import ECESimulator
import Foundation
import Testing

/// What a person sees of one entry point, reduced to values that survive a recording
/// (times to the millisecond; no raw bodies).
struct EntryPointPicture: Hashable {
    struct Call: Hashable {
        var value: ChatAPIValue?
        var error: String?
        var errorKind: ChatAPIError.Kind?
        var failures: Int
        var httpStatus: Int?
        var successAt: Int64?
    }

    var id: EntryPointID
    var label: String?
    var status: String
    var statusSince: Int64?
    var severity: Severity
    var isStale: Bool
    var alerts: [String]
    var calls: [Call]
    var queueDepth: [String]
    var waitTime: [String]
    var freeSlots: [String]
    var reasonChanges: [String]

    init(_ entry: EntryPointSnapshot) {
        id = entry.id
        label = entry.label
        status = entry.statusWord
        statusSince = entry.statusSince.map(milliseconds)
        severity = entry.severity
        isStale = entry.isStale
        alerts = entry.alerts.map { "\($0.rule) \($0.severity) \(milliseconds($0.since)) \($0.isAcknowledged)" }
        calls = ChatAPICall.allCases.map { call in
            let state = entry.state(call)
            return Call(value: state.lastValue, error: state.lastError?.description, errorKind: state.lastError?.kind,
                        failures: state.consecutiveFailures, httpStatus: state.lastHTTPStatus, successAt: state.lastSuccessAt.map(milliseconds))
        }
        func samples(_ series: HistorySeries) -> [String] { series.map { "\(milliseconds($0.time))=\($0.value)" } }
        queueDepth = samples(entry.history.queueDepth)
        waitTime = samples(entry.history.waitTimeSeconds)
        freeSlots = samples(entry.history.freeSlots)
        reasonChanges = entry.history.reasonChanges.map { "\(milliseconds($0.time)) \($0.status)" }
    }
}

/// The whole screen's worth: every entry point, the event log and the diagnoses.
struct SnapshotPicture: Hashable {
    var server: String
    var entryPoints: [EntryPointPicture]
    var events: [String]
    var diagnoses: [String]
    var effectiveInterval: Duration

    init(_ snapshot: MonitorSnapshot) {
        server = snapshot.server
        entryPoints = snapshot.entryPoints.map(EntryPointPicture.init)
        events = snapshot.events.map { "\(milliseconds($0.time)) \($0.entryPoint) \($0.kind) \($0.call?.rawValue ?? "-") \($0.old) → \($0.new)" }
        diagnoses = snapshot.diagnoses.map { $0.message { String(milliseconds($0)) } }
        effectiveInterval = snapshot.effectiveInterval
    }
}

func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-\(name)-\(UUID().uuidString).jsonl").path
}

@Suite("Record and replay", .serialized, .timeLimit(.minutes(5)))
struct RecordReplayTests {
    /// A harness whose monitor records every poll to a new temporary file, which the caller removes.
    static func recordingHarness(_ name: String, entryPoints: [EntryPointID],
                                 configure: (inout MonitorConfiguration) -> Void) async throws -> (path: String, harness: MonitorHarness) {
        let path = temporaryPath(name)
        do {
            let recorder = try PollRecorder(.init(path: path))
            let harness = try await MonitorHarness(entryPoints: entryPoints) { configuration in
                configuration.sinks.append(recorder)
                configure(&configuration)
            }
            return (path, harness)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// The live monitor's snapshots and the replay's, at the same moments, show the same thing.
    @Test func replayOfARecordedRunShowsTheSameSnapshots() async throws {
        let (path, harness) = try await Self.recordingHarness("record", entryPoints: ids(9000...9003)) { configuration in
            configuration.thresholds.queueDepthAtLeast = 2
            configuration.entryPointInfo[EntryPointID(9000)!] = .init(label: "Sales", group: "Front")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var live: [MonitorSnapshot] = []
        do {
            // A story with every kind of change: a full queue (critical), a threshold alert,
            // an inactive entry point, server errors that come and go, and the return to normal.
            let steps: [(at: Int, change: @Sendable (RunningSimulator) async -> Void)] = [
                (12, { sim in _ = await sim.setQueueDepth(EntryPointID(9001)!, await sim.status(of: EntryPointID(9001)!)!.maxQueueDepth) }),
                (20, { sim in _ = await sim.setQueueDepth(EntryPointID(9002)!, 2) }),
                (26, { sim in _ = await sim.setActive(EntryPointID(9003)!, false) }),
                (32, { sim in var faults = FaultSettings(); faults.errorRate = 1; await sim.setFaults(faults, for: [EntryPointID(9000)!]) }),
                (45, { sim in await sim.clearFaults() }),
                (55, { sim in
                    _ = await sim.setQueueDepth(EntryPointID(9001)!, 0)
                    _ = await sim.setQueueDepth(EntryPointID(9002)!, 0)
                    _ = await sim.setActive(EntryPointID(9003)!, true)
                }),
            ]
            try await harness.settle()
            for step in 0..<70 {
                for change in steps where change.at == step { await change.change(harness.simulator) }
                harness.clock.advance(by: .milliseconds(100))
                try await harness.settle()
                live.append(await harness.monitor.snapshot)
            }
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()

        let recording = try Recording.read([path])
        #expect(recording.entryPoints == ids(9000...9003))
        #expect(recording.polls.count >= 20)
        var timeline = ReplayTimeline(recording)
        var compared = 0
        for snapshot in live {
            // Recorded times have milliseconds: the poll taken in at this moment is within half of one.
            timeline.move(to: snapshot.takenAt.addingTimeInterval(0.0005))
            let replayed = timeline.snapshot(generation: 0, status: ReplayStatus(speed: 1, isPaused: false, isAtEnd: false,
                                                                                 start: timeline.start, end: timeline.end))
            #expect(SnapshotPicture(replayed) == SnapshotPicture(snapshot), "at \(milliseconds(snapshot.takenAt))")
            compared += 1
        }
        #expect(compared == 70)
        // The story happened: the replay is not comparing empty pictures.
        let last = try #require(live.last)
        #expect(last.events.contains { $0.kind == .alertRaised && $0.new.contains("queue_depth_reached") })
        #expect(last.events.contains { $0.kind == .errorStarted && $0.entryPoint.rawValue == 9000 })
        #expect(last.events.contains { $0.kind == .errorEnded && $0.entryPoint.rawValue == 9000 })
        #expect(last.events.contains { $0.kind == .alertRaised && $0.new.contains("queue depth at or above 2") })
        #expect(last.entryPoints.first?.label == "Sales")
    }

    /// Moving back rebuilds the picture from the start: it equals the one shown going forward.
    @Test func seekingBackShowsWhatPlayingForwardShowed() async throws {
        let recording = try Recording.read([try RecordingFixture.write(RecordingFixture.story)])
        var forward = ReplayTimeline(recording)
        let status = ReplayStatus(speed: 1, isPaused: false, isAtEnd: false, start: recording.start, end: recording.end)
        forward.move(to: recording.start.addingTimeInterval(7))
        let atSeven = SnapshotPicture(forward.snapshot(generation: 0, status: status))
        forward.move(to: recording.end)
        forward.move(to: recording.start.addingTimeInterval(7))
        #expect(SnapshotPicture(forward.snapshot(generation: 0, status: status)) == atSeven)
        #expect(forward.appliedPolls == 3)
    }

    /// An entry point whose answers stop goes stale after two intervals, as live.
    @Test func replayMarksStaleAfterTwoIntervalsWithoutData() throws {
        let recording = try Recording.read([try RecordingFixture.write(RecordingFixture.story)])
        var timeline = ReplayTimeline(recording)
        let status = ReplayStatus(speed: 1, isPaused: false, isAtEnd: false, start: recording.start, end: recording.end)
        timeline.move(to: recording.start.addingTimeInterval(11))
        let snapshot = timeline.snapshot(generation: 0, status: status)
        let lone = try #require(snapshot.entryPoints.first { $0.id.rawValue == 1001 })
        // 1001 answered last at +2 s; the interval is 2 s: stale after +6 s.
        #expect(lone.isStale)
        #expect(snapshot.events.contains { $0.kind == .becameStale && $0.entryPoint.rawValue == 1001 })
        #expect(snapshot.entryPoints.first { $0.id.rawValue == 1000 }?.isStale == false)
    }

    /// Under a budget the first round (every call of every entry point) takes longer than two
    /// steady intervals: the entry points answered first must not go stale waiting for their
    /// second round, live or replayed.
    @Test func theFirstRoundUnderABudgetMarksNothingStale() async throws {
        // 30 entry points × 5 calls at 10 a second: the first round takes 15 s; later rounds
        // mostly ask two calls, so the steady interval is about 7 s (stale after about 14).
        let (path, harness) = try await Self.recordingHarness("first-round", entryPoints: ids(9100...9129)) { configuration in
            configuration.budget = .init(ratePerSecond: 10, burst: 5)
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var live: [MonitorSnapshot] = []
        try await harness.run { harness in
            try await harness.settle()
            for _ in 0..<250 {
                harness.clock.advance(by: .milliseconds(100))
                try await harness.settle()
                live.append(await harness.monitor.snapshot)
            }
        }
        let last = try #require(live.last)
        #expect(last.effectiveInterval * 2 < .seconds(15), "steady interval \(last.effectiveInterval)")
        // Every entry point was polled twice: the second rounds came after the first round.
        let recording = try Recording.read([path])
        for id in ids(9100...9129) { #expect(recording.polls.filter { $0.entryPoint == id }.count >= 2, "\(id)") }
        #expect(live.allSatisfy { $0.staleCount == 0 }, "stale at \(live.filter { $0.staleCount > 0 }.map { milliseconds($0.takenAt) })")
        #expect(!last.events.contains { $0.kind == .becameStale })

        // The replay judges the same data the same way at the same moments.
        var timeline = ReplayTimeline(recording)
        let status = ReplayStatus(speed: 1, isPaused: false, isAtEnd: false, start: timeline.start, end: timeline.end)
        var replayedStale: [Int64] = []
        for snapshot in live {
            timeline.move(to: snapshot.takenAt.addingTimeInterval(0.0005))
            if timeline.snapshot(generation: 0, status: status).staleCount > 0 { replayedStale.append(milliseconds(snapshot.takenAt)) }
        }
        #expect(replayedStale.isEmpty, "stale in the replay at \(replayedStale)")
        #expect(!timeline.snapshot(generation: 0, status: status).events.contains { $0.kind == .becameStale })
    }
}
