import ECEChat
import ECEMonitor
import Foundation
import Testing

/// Time-weighted availability from the reducer's own answers, on made-up moments (no clock runs).
@Suite("Availability")
struct AvailabilityTests {
    static let origin = Date(timeIntervalSince1970: 1_800_000_000)
    static let id = EntryPointID(1000)!

    static func at(_ seconds: Double) -> Date { origin.addingTimeInterval(seconds) }

    static func answer(allowed: Bool, reason: String? = nil) -> [ChatAPIExchange] {
        let value = ChatAllowed(allowed: allowed, reason: reason.map(ChatAllowedReason.init(rawValue:)))
        return [ChatAPIExchange(call: .chatAllowed, entryPoint: id, outcome: .success(.chatAllowed(value)), httpStatus: 200,
                                contentType: nil, latency: .milliseconds(3), body: [])]
    }

    static let timeout = [ChatAPIExchange(call: .chatAllowed, entryPoint: id, outcome: .failure(.timeout(call: "chatAllowed", seconds: 2)),
                                          httpStatus: nil, contentType: nil, latency: .seconds(2), body: [])]

    /// A snapshot fed `rounds` (second, exchanges) at a 5 s interval, from time 0.
    static func snapshot(_ rounds: [(Double, [ChatAPIExchange])]) -> EntryPointSnapshot {
        var snapshot = EntryPointSnapshot(id: id)
        _ = snapshot.updateStaleness(at: origin, interval: .seconds(5), ageWithoutData: 0)
        var closed: [AvailabilityLedger.Segment] = []
        for (second, exchanges) in rounds {
            _ = snapshot.replay(exchanges.map(CallAnswer.init), at: at(second), interval: .seconds(5), thresholds: .init(), since: origin, closing: &closed)
        }
        return snapshot
    }

    @Test func eachAnswerHoldsUntilTheNextAndTimeBeforeTheFirstIsUnknown() {
        // Not polled for 10 s, allowed 10–40, queue full 40–55, allowed again 55–60.
        let rounds = [10.0, 15, 20, 25, 30, 35].map { ($0, Self.answer(allowed: true)) }
            + [40.0, 45, 50].map { ($0, Self.answer(allowed: false, reason: "queue_depth_reached")) }
            + [(55.0, Self.answer(allowed: true))]
        let breakdown = Self.snapshot(rounds).availability.breakdown(from: nil, to: Self.at(60))
        #expect(breakdown.total == 60)
        #expect(breakdown.seconds[.unknown] == 10)
        #expect(breakdown.seconds[.allowed] == 35)
        #expect(breakdown.seconds[.refused("queue_depth_reached")] == 15)
        #expect(abs(breakdown.availability! - 35.0 / 60) < 1e-9)
        #expect(breakdown.summary == "allowed 58.3% · queue_depth_reached 25% · unknown 16.7%")
    }

    @Test func anAnswerStandsTwoIntervalsThenTheTimeIsUnknown() {
        // Answers stop at 20: the last stands until 30 (two 5 s intervals), then nothing is known.
        let snapshot = Self.snapshot([(0, Self.answer(allowed: true)), (10, Self.answer(allowed: true)), (20, Self.answer(allowed: true))])
        let breakdown = snapshot.availability.breakdown(from: nil, to: Self.at(100))
        #expect(breakdown.seconds[.allowed] == 30)
        #expect(breakdown.seconds[.unknown] == 70)
        // Answers again at 100: the gap stays unknown, not allowed.
        var later = snapshot
        var closed: [AvailabilityLedger.Segment] = []
        _ = later.replay(Self.answer(allowed: true).map(CallAnswer.init), at: Self.at(100), interval: .seconds(5), thresholds: .init(), since: Self.origin, closing: &closed)
        #expect(closed == [.init(start: Self.at(0), end: Self.at(30), state: .allowed), .init(start: Self.at(30), end: Self.at(100), state: .unknown)])
        #expect(later.availability.breakdown(from: nil, to: Self.at(110)).seconds == [.allowed: 40, .unknown: 70])
    }

    @Test func aFailingCallIsUnknownFromItsFirstFailure() {
        let snapshot = Self.snapshot([(0, Self.answer(allowed: true)), (5, Self.timeout), (10, Self.timeout), (15, Self.answer(allowed: true))])
        #expect(snapshot.availability.breakdown(from: nil, to: Self.at(20)).seconds == [.allowed: 10, .unknown: 10])
    }

    @Test func aReasonTheNoteNeverListsIsCountedVerbatim() {
        let snapshot = Self.snapshot([(0, Self.answer(allowed: false, reason: "brand_new_reason")), (5, Self.answer(allowed: true))])
        let breakdown = snapshot.availability.breakdown(from: nil, to: Self.at(10))
        #expect(breakdown.seconds == [.refused("brand_new_reason"): 5, .allowed: 5])
        #expect(breakdown.reasons.map(\.reason) == ["brand_new_reason"])
        #expect(ChatState.refused("brand_new_reason").severity == .warning)
    }

    @Test func aWindowCountsOnlyTheTimeInsideIt() {
        let rounds = stride(from: 0.0, through: 115, by: 5).map { second in
            (second, (40..<80).contains(second) ? Self.answer(allowed: false, reason: "agent_not_available") : Self.answer(allowed: true))
        }
        let ledger = Self.snapshot(rounds).availability
        // 30–90: allowed 30–40 and 80–90, refused 40–80.
        let window = ledger.breakdown(from: Self.at(30), to: Self.at(90))
        #expect(window.seconds == [.allowed: 20, .refused("agent_not_available"): 40])
        // A window reaching into the open stretch counts it up to its end.
        #expect(ledger.breakdown(from: Self.at(100), to: Self.at(120)).seconds == [.allowed: 20])
        // Before anything was observed there is nothing to count.
        #expect(ledger.breakdown(from: Self.at(-50), to: Self.at(10)).seconds == [.allowed: 10])
    }

    @Test func theWindowKeepsOnlyItsRetentionButTotalsRunSinceTheStart() {
        var ledger = AvailabilityLedger(retention: 60)
        for minute in 0..<10 {
            let state: ChatState = minute.isMultiple(of: 2) ? .allowed : .refused("queue_depth_reached")
            ledger.observe(state, at: Self.at(Double(minute * 60)), validUntil: Self.at(Double(minute * 60 + 600)))
        }
        #expect(ledger.breakdown(from: nil, to: Self.at(600)).seconds == [.allowed: 300, .refused("queue_depth_reached"): 300])
        #expect(ledger.breakdown(from: Self.at(480), to: Self.at(600)).seconds == [.allowed: 60, .refused("queue_depth_reached"): 60])
    }

    @Test func percentagesReadAsPeopleWriteThem() {
        #expect(AvailabilityBreakdown.percent(0.975) == "97.5%")
        #expect(AvailabilityBreakdown.percent(1) == "100%")
        #expect(AvailabilityBreakdown.percent(0) == "0%")
        #expect(AvailabilityBreakdown.percent(0.9996) == "100%")
        #expect(AvailabilityBreakdown.percent(0.1234) == "12.3%")
        #expect(AvailabilityBreakdown.percent(0.001) == "0.1%")
        #expect(AvailabilityBreakdown.percent(0.0004) == "0%")
    }
}
