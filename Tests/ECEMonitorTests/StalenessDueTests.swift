import ECEChat
@testable import ECEMonitor
import Foundation
import Testing

/// `stalenessChangeDue` lets the monitor's staleness check skip entry points: before the moment
/// it gives, `updateStaleness` must change nothing, and at it the change must come.
@Suite("Staleness due moments")
struct StalenessDueTests {
    typealias Fixture = AvailabilityTests
    static let interval = Duration.seconds(5)

    /// What `updateStaleness` can change, to tell whether it changed anything.
    struct Observable: Equatable {
        var isStale: Bool
        var current: ChatState
        var currentSince: Date?
        var lapse: Date?
        var seconds: [ChatState: Double]

        init(_ snapshot: EntryPointSnapshot) {
            isStale = snapshot.isStale
            current = snapshot.availability.current
            currentSince = snapshot.availability.currentSince
            lapse = snapshot.availability.answerLapsesAt
            seconds = snapshot.availability.breakdown(from: nil, to: Fixture.at(10_000)).seconds
        }
    }

    /// Feeds answers as the monitor does (answer, then staleness of that entry point), checking
    /// every tenth of a second in between that nothing changes before the due moment.
    @Test func beforeItsDueMomentACheckChangesNothingAndAfterItOneDoes() {
        let answers: [Double: [ChatAPIExchange]] = [
            1: Fixture.answer(allowed: true), 4: Fixture.answer(allowed: true),
            // Silence from 4 to 30: stale after 14, the answer lapses at 14 too.
            30: Fixture.answer(allowed: false, reason: "queue_depth_reached"),
            33: Fixture.timeout, 36: Fixture.timeout,
            50: Fixture.answer(allowed: true),
        ]
        var snapshot = EntryPointSnapshot(id: Fixture.id)
        #expect(snapshot.stalenessChangeDue(interval: Self.interval, watchedSince: Fixture.origin) == .distantPast)
        _ = snapshot.updateStaleness(at: Fixture.origin, interval: Self.interval, ageWithoutData: 0)
        var changes: [Double] = []
        for tenth in 0...800 {
            let second = Double(tenth) / 10
            let time = Fixture.at(second)
            if let exchanges = answers[second] {
                snapshot.record(exchanges, at: time)
                _ = snapshot.updateStaleness(at: time, interval: Self.interval, ageWithoutData: second)
                continue
            }
            let due = snapshot.stalenessChangeDue(interval: Self.interval, watchedSince: Fixture.origin)
            var checked = snapshot
            let event = checked.updateStaleness(at: time, interval: Self.interval, ageWithoutData: second)
            if due.map({ time > $0 }) ?? false {
                if Observable(checked) != Observable(snapshot) { changes.append(second) }
                snapshot = checked
            } else {
                #expect(event == nil, "at \(second) s, due \(String(describing: due))")
                #expect(Observable(checked) == Observable(snapshot), "at \(second) s, due \(String(describing: due))")
            }
        }
        // Stale and lapsed just after 14 (the answer at 4 plus two intervals); stale again just
        // after 40 (the refusal at 30); after 60 (the answer at 50). The timeouts end the refusal
        // at 33 by themselves, in the ledger, when they are recorded.
        #expect(changes == [14.1, 40.1, 60.1])
    }

    @Test func oneNeverAnsweredGoesStaleTwoIntervalsAfterTheWatchBegan() {
        var snapshot = EntryPointSnapshot(id: Fixture.id)
        _ = snapshot.updateStaleness(at: Fixture.origin, interval: Self.interval, ageWithoutData: 0)
        #expect(snapshot.stalenessChangeDue(interval: Self.interval, watchedSince: Fixture.origin) == Fixture.at(10))
        _ = snapshot.updateStaleness(at: Fixture.at(10.5), interval: Self.interval, ageWithoutData: 10.5)
        #expect(snapshot.isStale)
        #expect(snapshot.stalenessChangeDue(interval: Self.interval, watchedSince: Fixture.origin) == nil)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Fixture.snapshot([(0, Fixture.answer(allowed: true))])
        var copy = original
        copy.record(Fixture.answer(allowed: false, reason: "service_not_running"), at: Fixture.at(1))
        copy.isStale = true
        copy.label = "changed"
        #expect(original.chatAllowed?.allowed == true)
        #expect(!original.isStale)
        #expect(original.label == nil)
        #expect(copy.statusWord == "service_not_running")
    }
}
