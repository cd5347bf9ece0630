@testable import ECEMonitor
import Testing

/// The loop shell alone: sleeping on a manual clock, woken by a command or cancellation.
@Suite("Monitor loop shell")
struct MonitorLoopTests {
    /// Waits (with a real deadline) until the loop's timer sleeps on the clock.
    func untilAsleep(_ clock: ManualClock) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while clock.sleeperCount == 0 {
            guard ContinuousClock.now < deadline else { throw HarnessTimeout(what: "the loop to sleep") }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    @Test(.timeLimit(.minutes(1))) func sleepEndsAtTheDeadlineOnTheClock() async throws {
        let clock = ManualClock()
        let loop = MonitorLoop<Int, ManualClock>(clock: clock)
        let sleeper = Task { await loop.sleep(until: clock.now.advanced(by: .seconds(5))) }
        try await untilAsleep(clock)
        clock.advance(by: .seconds(5))
        await sleeper.value
        #expect(clock.now.offset == .seconds(5))
    }

    @Test(.timeLimit(.minutes(1))) func aWakeBeforeTheSleepIsNotLost() async {
        let clock = ManualClock()
        let loop = MonitorLoop<Int, ManualClock>(clock: clock)
        loop.wake()
        // Returns without the clock moving: the wake came first.
        await loop.sleep(until: clock.now.advanced(by: .seconds(3600)))
        #expect(clock.now.offset == .zero)
    }

    @Test(.timeLimit(.minutes(1))) func aWakeOrCancellationEndsASleep() async throws {
        let clock = ManualClock()
        let loop = MonitorLoop<Int, ManualClock>(clock: clock)
        let woken = Task { await loop.sleep(until: clock.now.advanced(by: .seconds(3600))) }
        try await untilAsleep(clock)
        loop.wake()
        await woken.value
        let cancelled = Task { await loop.sleep(until: clock.now.advanced(by: .seconds(3600))) }
        try await untilAsleep(clock)
        cancelled.cancel()
        await cancelled.value
        #expect(clock.now.offset == .zero)
    }

    @Test(.timeLimit(.minutes(1))) func commandsAreHandledInOrderAndStreamsFinishOnCancellation() async throws {
        let clock = ManualClock()
        let loop = MonitorLoop<Int, ManualClock>(clock: clock)
        let handled = Handled()
        let runner = Task {
            await loop.run(handle: { await handled.append($0) }) { _ in
                await loop.sleep(until: clock.now.advanced(by: .seconds(1)))
            }
        }
        for number in 1...5 { loop.send(number) }
        let deadline = ContinuousClock.now + .seconds(10)
        while await handled.numbers.count < 5, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(1)) }
        #expect(await handled.numbers == [1, 2, 3, 4, 5])
        loop.publish(MonitorSnapshot(generation: 7))
        runner.cancel()
        await runner.value
        var published: [Int] = []
        for await snapshot in loop.snapshots { published.append(snapshot.generation) }
        #expect(published == [7])
    }

    actor Handled {
        var numbers: [Int] = []
        func append(_ number: Int) { numbers.append(number) }
    }
}
