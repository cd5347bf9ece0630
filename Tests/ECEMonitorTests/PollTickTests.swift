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
}
