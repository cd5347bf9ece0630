@testable import ECEMonitor
import Testing

@Suite("Request budget (token bucket)")
struct RequestBudgetTests {
    @Test func burstThenRate() {
        var budget = RequestBudget(.init(ratePerSecond: 10, burst: 20))
        let first = budget.take(20, now: .zero)
        let second = budget.take(1, now: .zero)
        let wait = budget.wait(for: 5, now: .zero)
        let third = budget.take(5, now: .milliseconds(500))
        let fourth = budget.take(1, now: .milliseconds(500))
        #expect(first && !second && third && !fourth)
        #expect(wait == .milliseconds(500))
    }

    @Test func neverMoreThanBurstPlusRateInAnySecond() {
        var budget = RequestBudget(.init(ratePerSecond: 20, burst: 20), minimumBurst: 5)
        var taken: [Duration] = []
        var now = Duration.zero
        while now < .seconds(30) {
            if budget.take(5, now: now) { taken += Array(repeating: now, count: 5) }
            now += .milliseconds(10)
        }
        for start in stride(from: 0, to: 29_000, by: 10) {
            let window = Duration.milliseconds(start)..<Duration.milliseconds(start + 1000)
            #expect(taken.filter { window.contains($0) }.count <= 40)
        }
        // And it is actually used: about 20/s over 30 s plus the first burst.
        #expect(taken.count >= 600)
    }

    @Test func unlimitedAndMinimumBurst() {
        var unlimited = RequestBudget(.init(ratePerSecond: 0, burst: 0))
        let took = unlimited.take(10_000, now: .zero)
        #expect(took)
        #expect(unlimited.sustainableInterval(entryPoints: 500, callsEach: 5) == .zero)
        let small = RequestBudget(.init(ratePerSecond: 1, burst: 1), minimumBurst: 5)
        #expect(small.configuration.burst == 5)
    }

    @Test func sustainableInterval() {
        let budget = RequestBudget(.init(ratePerSecond: 20, burst: 20))
        #expect(budget.sustainableInterval(entryPoints: 200, callsEach: 5) == .seconds(50))
    }
}

@Suite("Ring buffer")
struct RingBufferTests {
    @Test func keepsNewestInOrder() {
        var ring = RingBuffer<Int>(capacity: 3)
        for value in 1...7 { ring.append(value) }
        #expect(Array(ring) == [5, 6, 7])
        #expect(ring.count == 3)
    }
}
