import ECEChat
import ECEMonitor
import Foundation
import Testing

/// A player on a manual clock: time moves when the test says, and the test waits (with a real
/// deadline) only for the player to publish what that time shows.
struct PlayerHarness {
    let clock = ManualClock()
    let player: ReplayPlayer<ManualClock>
    let runner: Task<Void, Never>
    let recording: Recording

    init(_ lines: [String] = RecordingFixture.story, speed: Double = 1) throws {
        recording = try Recording.read([try RecordingFixture.write(lines, name: "player")])
        let player = ReplayPlayer(recording: recording, speed: speed, clock: clock)
        self.player = player
        runner = Task { await player.run() }
    }

    /// The newest snapshot once `condition` holds for it.
    @discardableResult
    func snapshot(where condition: (MonitorSnapshot) -> Bool) async throws -> MonitorSnapshot {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let snapshot = await player.snapshot
            if snapshot.replay != nil, condition(snapshot) { return snapshot }
            guard ContinuousClock.now < deadline else {
                throw HarnessTimeout(what: "replay snapshot (last: +\(offset(snapshot)) s, \(String(describing: snapshot.replay)))")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Seconds of recorded time the newest snapshot shows.
    func offset(_ snapshot: MonitorSnapshot) -> Double { snapshot.takenAt.timeIntervalSince(recording.start) }

    func stop() async {
        runner.cancel()
        await runner.value
    }
}

@Suite("Replay player on a manual clock")
struct ReplayPlayerTests {
    @Test func playsAtTheRecordedPaceFromTheStart() async throws {
        let harness = try PlayerHarness()
        let first = try await harness.snapshot { _ in true }
        #expect(first.takenAt == harness.recording.start)
        #expect(first.replay?.speed == 1)
        #expect(first.server == "https://ece.example.com/system")
        #expect(first.entryPoints.map(\.label) == ["Sales", nil])
        #expect(first.entryPoints.allSatisfy { $0.severity == .unknown })

        harness.clock.advance(by: .milliseconds(4500))
        let later = try await harness.snapshot { harness.offset($0) >= 4.5 }
        #expect(harness.offset(later) == 4.5)
        let sales = try #require(later.entryPoints.first)
        #expect(sales.statusWord == "queue_depth_reached")
        #expect(sales.severity == .critical)
        #expect(sales.alerts.map(\.rule) == [.reason("queue_depth_reached"), .queueDepthAtLeast(5)])
        #expect(sales.history.queueDepth.map(\.value) == [0, 9])
        await harness.stop()
    }

    @Test func pauseHoldsTheRecordedTime() async throws {
        let harness = try PlayerHarness()
        try await harness.snapshot { _ in true }
        harness.player.send(.togglePause)
        let paused = try await harness.snapshot { $0.replay?.isPaused == true }
        #expect(paused.isPaused)
        harness.clock.advance(by: .seconds(5))
        harness.player.send(.seek(.zero))
        let still = try await harness.snapshot { $0.generation > paused.generation }
        #expect(harness.offset(still) == 0)
        harness.player.send(.togglePause)
        // Commands arrive through a stream: time moves only once this one is taken in.
        try await harness.snapshot { $0.replay?.isPaused == false }
        harness.clock.advance(by: .seconds(2))
        let resumed = try await harness.snapshot { harness.offset($0) >= 2 }
        #expect(harness.offset(resumed) == 2)
        #expect(resumed.replay?.isPaused == false)
        await harness.stop()
    }

    @Test func speedStepsUpAndDown() async throws {
        let harness = try PlayerHarness(speed: 1)
        try await harness.snapshot { _ in true }
        harness.player.send(.faster)
        harness.player.send(.faster)
        try await harness.snapshot { $0.replay?.speed == 4 }
        harness.clock.advance(by: .seconds(2))
        let fast = try await harness.snapshot { harness.offset($0) >= 8 }
        #expect(harness.offset(fast) == 8)
        harness.player.send(.slower)
        try await harness.snapshot { $0.replay?.speed == 2 }
        // The player wakes at the next poll (+10 s), one real second away at 2x.
        harness.clock.advance(by: .seconds(1))
        let slower = try await harness.snapshot { harness.offset($0) >= 10 }
        #expect(harness.offset(slower) == 10)
        #expect(slower.replay?.isAtEnd == true)
        await harness.stop()
    }

    @Test func seekMovesWithinTheRecording() async throws {
        let harness = try PlayerHarness()
        try await harness.snapshot { _ in true }
        harness.player.send(.togglePause)
        harness.player.send(.seek(.seconds(9)))
        let forward = try await harness.snapshot { harness.offset($0) == 9 }
        #expect(forward.entryPoints.first?.statusWord == "brand_new_reason")
        harness.player.send(.seek(.seconds(-60)))
        let back = try await harness.snapshot { harness.offset($0) == 0 }
        #expect(back.entryPoints.first?.severity == .unknown)
        #expect(back.events.isEmpty)
        await harness.stop()
    }

    /// At the end the last picture stays, marked as the end; seeking back plays on.
    @Test func theEndIsShownNotLeft() async throws {
        let harness = try PlayerHarness()
        try await harness.snapshot { _ in true }
        harness.clock.advance(by: .seconds(30))
        let end = try await harness.snapshot { $0.replay?.isAtEnd == true }
        #expect(end.takenAt == harness.recording.end)
        #expect(end.entryPoints.first?.state(.capacity).lastError?.description == "capacity: no answer within 5 s (timeout)")
        harness.player.send(.seek(.seconds(-10)))
        let again = try await harness.snapshot { $0.replay?.isAtEnd == false }
        #expect(harness.offset(again) == 0)
        harness.clock.advance(by: .seconds(1))
        try await harness.snapshot { harness.offset($0) == 1 }
        await harness.stop()
    }
}
