import ECEChat
import ECEMonitor
import Testing

/// Polls due between two ticks go out together on the next one, counted where they arrive.
@Suite("Polls on a tick", .serialized, .timeLimit(.minutes(2)))
struct PollTickTests {
    /// Steps time by 100 ms for 12 s and returns the moments at which the simulator's count
    /// of requests grew.
    func momentsRequestsArrived(pollTick: Duration) async throws -> [Duration] {
        let harness = try await MonitorHarness(entryPoints: ids(7100...7119)) {
            $0.interval = .seconds(5)
            $0.pollTick = pollTick
        }
        return try await harness.run { harness in
            var moments: [Duration] = []
            var seen = await harness.simulator.requestCounts().total
            var now = Duration.zero
            while now < .seconds(12) {
                try await harness.advance(by: .milliseconds(100), step: .milliseconds(100))
                now += .milliseconds(100)
                let total = await harness.simulator.requestCounts().total
                if total > seen { moments.append(now) }
                seen = total
            }
            return moments
        }
    }

    @Test func pollsDueBetweenTwoTicksGoOutTogetherOnTheNext() async throws {
        let moments = try await momentsRequestsArrived(pollTick: .seconds(1))
        // 20 entry points spread over 5 s, polled twice more by 12 s: every tick sends some.
        #expect(moments.count >= 10)
        #expect(moments.allSatisfy { $0 / .seconds(1) == ($0 / .seconds(1)).rounded() }, "requests between ticks at \(moments)")
    }

    @Test func withoutATickEachPollGoesAtItsDueMoment() async throws {
        let moments = try await momentsRequestsArrived(pollTick: .zero)
        #expect(moments.contains { $0 / .seconds(1) != ($0 / .seconds(1)).rounded() }, "requests only on whole seconds: \(moments)")
    }

    @Test func theTickIsAtMostAFifthOfTheInterval() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(7200...7219)) {
            $0.interval = .milliseconds(500)
            $0.pollTick = .seconds(1)
        }
        try await harness.run { harness in
            // Polled every half second, one round at a time; a tick of a second would send
            // them in twos, back to back.
            var seen: [EntryPointID: Int] = [:]
            var mostInOneStep = 0
            try await harness.settle()
            for _ in 0..<100 {
                try await harness.advance(by: .milliseconds(100), step: .milliseconds(100))
                for id in ids(7200...7219) {
                    let count = await harness.simulator.requestCount(.chatAllowed, entryPoint: id)
                    mostInOneStep = max(mostInOneStep, count - seen[id, default: 0])
                    seen[id] = count
                }
            }
            #expect(mostInOneStep == 1)
            #expect(seen.values.reduce(0, +) >= 20 * 18)
        }
    }

    /// A wait for tokens ends on a tick no longer than the bucket takes to fill: otherwise the
    /// bucket would overflow between ticks and the budget never be spent.
    @Test func theWholeBudgetIsSpent() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(7300...7319)) {
            $0.interval = .seconds(1)
            $0.fullEvery = 1
            $0.budget = .init(ratePerSecond: 50, burst: 5)
        }
        try await harness.run { harness in
            // 20 entry points × 5 calls a second ask for 100 requests a second; 50 may go.
            try await harness.advance(by: .seconds(10))
            let sent = await harness.simulator.requestCounts().total
            #expect(sent >= 450 && sent <= 505, "\(sent) requests in 10 s at 50 a second and a burst of 5")
        }
    }

    /// The answers of one tick's rounds are published as one snapshot once the last is in,
    /// not one snapshot per round: each is a hop to the reader and a wake-up of the screen.
    @Test func aTicksAnswersArePublishedTogether() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(7400...7419)) {
            $0.interval = .seconds(5)
            $0.pollTick = .seconds(1)
        }
        try await harness.run { harness in
            // Past the first rounds, whose answers are news (unknown → allowed) and go out at once.
            try await harness.advance(by: .seconds(12))
            // Every round asks chatAllowed: the server's count of them is the count of rounds.
            let rounds = {
                var total = 0
                for id in ids(7400...7419) { total += await harness.simulator.requestCount(.chatAllowed, entryPoint: id) }
                return total
            }
            let generation = await harness.monitor.snapshot.generation
            let roundsBefore = await rounds()
            var ticksWithAnswers = 0
            for _ in 0..<10 {
                let before = await rounds()
                try await harness.advance(by: .seconds(1), step: .seconds(1))
                if await rounds() > before { ticksWithAnswers += 1 }
            }
            let answered = await rounds() - roundsBefore
            let published = await harness.monitor.snapshot.generation - generation
            // 20 entry points every 5 s: about 40 rounds in 10 s, on about 10 ticks.
            #expect(answered >= 30, "\(answered) rounds")
            #expect(published >= 1 && published <= ticksWithAnswers, "\(published) snapshots for \(answered) rounds on \(ticksWithAnswers) ticks")
        }
    }
}
