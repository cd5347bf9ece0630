import ECEChat
@testable import ECEMonitor
import Testing

/// The schedule alone: no actor, no clock, no server; `now` is stepped by hand.
@Suite("Poll schedule")
struct PollScheduleTests {
    func schedule(_ range: ClosedRange<Int64>, interval: Duration = .seconds(10), maximumBackoff: Duration = .seconds(60),
                  budget: RequestBudget.Configuration = .init(ratePerSecond: 0, burst: 0), fullEvery: Int? = nil) -> PollSchedule {
        var configuration = MonitorConfiguration()
        configuration.interval = interval
        configuration.fullEvery = fullEvery
        configuration.maximumBackoff = maximumBackoff
        configuration.budget = budget
        return PollSchedule(entryPoints: ids(range), configuration: configuration)
    }

    func id(_ raw: Int64) -> EntryPointID { EntryPointID(raw)! }

    /// Polls the due ones at `now` until none is due, as the loop would; returns who went.
    func dispatchDue(_ schedule: inout PollSchedule, now: Duration) -> [EntryPointID] {
        var polled: [EntryPointID] = []
        while case .poll(let id) = schedule.next(now: now) {
            schedule.didDispatch(id, now: now)
            polled.append(id)
        }
        return polled
    }

    @Test func firstPollsAreSpreadOverTheFirstIntervalTheSameWayEveryRun() {
        let first = schedule(1...20)
        let dues = ids(1...20).map { first.dueTime(of: $0)! }
        #expect(dues.allSatisfy { $0 >= .zero && $0 < .seconds(10) })
        #expect(Set(dues).count == 20)
        let again = schedule(1...20)
        #expect(ids(1...20).map { again.dueTime(of: $0)! } == dues)
        // Duplicates are scheduled once, in the order given.
        #expect(PollSchedule(entryPoints: ids(1...3) + ids(2...2), configuration: MonitorConfiguration()).order == ids(1...3))
    }

    @Test func mostOverdueFirstAndEachOncePerInterval() {
        var schedule = schedule(1...5)
        let byDue = ids(1...5).sorted { schedule.dueTime(of: $0)! < schedule.dueTime(of: $1)! }
        #expect(dispatchDue(&schedule, now: .seconds(10)) == byDue)
        #expect(schedule.inFlightCount == 5)
        // In flight: not polled again, however late.
        #expect(dispatchDue(&schedule, now: .seconds(100)) == [])
        for entryPoint in byDue { schedule.didAnswer(entryPoint, now: .seconds(10)) }
        // Each is due one interval after its last due time (not after the late dispatch).
        #expect(ids(1...5).allSatisfy { schedule.dueTime(of: $0)! >= .seconds(10) && schedule.dueTime(of: $0)! < .seconds(20) })
    }

    @Test func selectedGoesFirstWhenDueAndRefreshBeforeAnyone() {
        var schedule = schedule(1...3)
        let last = ids(1...3).max { schedule.dueTime(of: $0)! < schedule.dueTime(of: $1)! }!
        schedule.selected = last
        #expect(schedule.next(now: .seconds(10)) == .poll(last))
        schedule.selected = nil
        #expect(schedule.next(now: .seconds(10)) != .poll(last))
        // A refresh jumps the queue even before anything is due.
        var fresh = self.schedule(1...3)
        fresh.refresh(id(3), now: .zero)
        fresh.refresh(id(2), now: .zero)
        #expect(fresh.next(now: .zero) == .poll(id(2)))
        fresh.didDispatch(id(2), now: .zero)
        #expect(fresh.next(now: .zero) == .poll(id(3)))
    }

    @Test func nothingDueSleepsUntilTheEarliestButNeverMoreThanASecond() {
        var schedule = schedule(1...1, interval: .seconds(30))
        let due = schedule.dueTime(of: id(1))!
        #expect(schedule.next(now: .zero) == (due <= .zero ? .poll(id(1)) : .sleep(until: min(due, .seconds(1)))))
        schedule.didDispatch(id(1), now: due)
        schedule.didAnswer(id(1), now: due)
        #expect(schedule.next(now: due + .seconds(2)) == .sleep(until: due + .seconds(3)))
        #expect(schedule.next(now: due + .milliseconds(29_500)) == .sleep(until: due + .seconds(30)))
        #expect(schedule.next(now: due + .seconds(30)) == .poll(id(1)))
    }

    @Test func backoffDoublesWithJitterUpToTheMaximum() {
        var schedule = schedule(1...1, interval: .seconds(5), maximumBackoff: .seconds(60))
        var now = Duration.zero
        var waits: [Duration] = []
        for _ in 1...7 {
            schedule.refresh(id(1), now: now)
            schedule.didDispatch(id(1), now: now)
            let before = schedule.dueTime(of: id(1))!
            let moved = schedule.didFail(id(1), now: now, unreachable: true)
            waits.append((moved ?? before) - now)
            now = schedule.dueTime(of: id(1))!
        }
        // The first failure keeps the interval; then 2, 4, 8... intervals, each ±20 %, capped at 60 s.
        #expect(waits[0] == .seconds(5))
        for (level, wait) in waits.enumerated().dropFirst() {
            let nominal = min(5 * Double(1 << level), 60)
            #expect(wait.inSeconds >= nominal * 0.8 && wait.inSeconds <= nominal * 1.2, "level \(level + 1): \(wait)")
        }
        #expect(schedule.backoffLevel(of: id(1)) == 7)
        schedule.didDispatch(id(1), now: now)
        schedule.didAnswer(id(1), now: now)
        #expect(schedule.backoffLevel(of: id(1)) == 0)
    }

    @Test func whileEveryoneBacksOffOneProbeGoesPerInterval() {
        var schedule = schedule(1...2, interval: .seconds(5), maximumBackoff: .seconds(600))
        var now = Duration.zero
        for _ in 1...6 {
            for entryPoint in ids(1...2) {
                schedule.refresh(entryPoint, now: now)
                schedule.didDispatch(entryPoint, now: now)
                schedule.didFail(entryPoint, now: now, unreachable: true)
            }
            now += .seconds(1)
        }
        // Both wait minutes now; still, one interval after the last dispatch, one is probed.
        #expect(ids(1...2).allSatisfy { schedule.dueTime(of: $0)! > now + .seconds(60) })
        let lastDispatch = now - .seconds(1)
        #expect(schedule.next(now: lastDispatch + .seconds(4)) == .sleep(until: lastDispatch + .seconds(5)))
        guard case .poll(let probed) = schedule.next(now: lastDispatch + .seconds(5)) else {
            Issue.record("no probe after one interval")
            return
        }
        let earliest = ids(1...2).min { schedule.dueTime(of: $0)! < schedule.dueTime(of: $1)! }
        #expect(probed == earliest)
    }

    @Test func anAnswerEndsTheBackoffOfThoseThatCouldNotReachTheServer() {
        var schedule = schedule(1...3, interval: .seconds(5))
        let now = Duration.seconds(100)
        for entryPoint in ids(1...3) {
            for _ in 1...3 {
                schedule.refresh(entryPoint, now: now)
                schedule.didDispatch(entryPoint, now: now)
                // 3 fails with an answer from the server (a 500, say), not for want of one.
                schedule.didFail(entryPoint, now: now, unreachable: entryPoint != id(3))
            }
        }
        let backedOff = schedule.dueTime(of: id(3))!
        #expect(backedOff > now + .seconds(10))
        schedule.refresh(id(1), now: now)
        schedule.didDispatch(id(1), now: now)
        schedule.didAnswer(id(1), now: now + .seconds(1))
        #expect(schedule.backoffLevel(of: id(2)) == 0)
        #expect(schedule.dueTime(of: id(2)) == now + .seconds(1))
        #expect(schedule.backoffLevel(of: id(3)) == 3)
        #expect(schedule.dueTime(of: id(3)) == backedOff)
    }

    @Test func refreshAllForgetsBackoff() {
        var schedule = schedule(1...2)
        for _ in 1...3 {
            schedule.didDispatch(id(1), now: .zero)
            schedule.didFail(id(1), now: .zero, unreachable: false)
        }
        schedule.refreshAll(now: .seconds(3))
        #expect(schedule.backoffLevel(of: id(1)) == 0)
        #expect(ids(1...2).allSatisfy { schedule.dueTime(of: $0) == .seconds(3) })
    }

    @Test func intervalChangesAreClampedAndPullDueTimesIn() {
        var schedule = schedule(1...3, interval: .seconds(60))
        schedule.setInterval(.seconds(2), now: .seconds(1))
        #expect(schedule.interval == .seconds(2))
        #expect(ids(1...3).allSatisfy { schedule.dueTime(of: $0)! <= .seconds(3) })
        schedule.setInterval(.milliseconds(1), now: .zero)
        #expect(schedule.interval == .milliseconds(500))
        schedule.setInterval(.seconds(100_000), now: .zero)
        #expect(schedule.interval == .seconds(3600))
    }

    @Test func aShortBudgetStretchesTheInterval() {
        // 10 entry points × 5 calls at 10 requests/s, every round full: each every 5 s at best.
        let full = schedule(1...10, interval: .seconds(1), budget: .init(ratePerSecond: 10, burst: 20), fullEvery: 1)
        #expect(full.effectiveInterval == .seconds(5))
        #expect(ids(1...10).allSatisfy { full.dueTime(of: $0)! < .seconds(5) })
        #expect(ids(1...10).contains { full.dueTime(of: $0)! >= .seconds(1) })
        // Left to choose, the slower calls go every 10th round first: 2.3 calls a round, 2.3 s.
        let rotating = schedule(1...10, interval: .seconds(1), budget: .init(ratePerSecond: 10, burst: 20))
        #expect(rotating.rotation.fullEvery == 10)
        #expect(rotating.effectiveInterval == .milliseconds(2300))
    }

    @Test func nFitsTheAskedIntervalBeforeTheIntervalIsStretched() {
        // 30 every 5 s at 20/s: N = 3 (3 calls a round) keeps 5 s.
        var schedule = schedule(1...30, interval: .seconds(5), budget: .init(ratePerSecond: 20, burst: 20))
        #expect(schedule.rotation.fullEvery == 3)
        #expect(schedule.effectiveInterval == .seconds(5))
        // Asked for 2 s: nothing fits, N = 10 and the interval stretches to 30 × 2.3 / 20.
        schedule.setInterval(.seconds(2), now: .zero)
        #expect(schedule.rotation.fullEvery == 10)
        #expect(schedule.effectiveInterval == .milliseconds(3450))
        // Fewer entry points: all five calls fit every round again.
        schedule.remove(ids(5...30))
        #expect(schedule.rotation.fullEvery == 1)
        #expect(schedule.effectiveInterval == .seconds(2))
        schedule.add(ids(5...60), now: .zero)
        #expect(schedule.rotation.fullEvery == 10)
        // The issue's case: 60 every 2 s at 20/s; chatAllowed goes every 6.9 s, not 15 s.
        #expect(schedule.effectiveInterval == .milliseconds(6900))
        // `--full-every` is kept whatever the budget; an unlimited budget polls everything.
        #expect(self.schedule(1...60, interval: .seconds(2), budget: .init(ratePerSecond: 20, burst: 20), fullEvery: 2).rotation.fullEvery == 2)
        #expect(self.schedule(1...60, interval: .seconds(2)).rotation.fullEvery == 1)
    }

    @Test func slowerCallsGoEveryNthRoundOfEachEntryPoint() {
        var schedule = schedule(1...2, interval: .seconds(1), fullEvery: 3)
        let all = ChatAPICall.allCases, frequent: [ChatAPICall] = [.liveSessionStatus, .chatAllowed]
        var first: [[ChatAPICall]] = [], second: [[ChatAPICall]] = []
        for round in 0..<7 {
            let now = Duration.seconds(round + 1)
            first.append(schedule.calls(for: id(1)))
            second.append(schedule.calls(for: id(2)))
            #expect(Set(dispatchDue(&schedule, now: now)) == Set(ids(1...2)))
            schedule.didAnswer(id(1), now: now)
            schedule.didAnswer(id(2), now: now)
        }
        #expect(first == [all, frequent, frequent, all, frequent, frequent, all])
        // Both start full; after that their full rounds fall in different rounds of all.
        #expect(second == [all, frequent, all, frequent, frequent, all, frequent])
    }

    @Test func aNewChatAllowedAnswerBringsAFullRoundAtOnce() {
        var schedule = schedule(1...1, interval: .seconds(10), fullEvery: 5)
        #expect(dispatchDue(&schedule, now: .seconds(10)) == [id(1)])
        // A change seen in a full round: nothing more is owed.
        #expect(schedule.didAnswer(id(1), now: .seconds(10), chatAllowedChanged: true) == nil)
        #expect(schedule.calls(for: id(1)).count == 2)
        #expect(dispatchDue(&schedule, now: .seconds(20)) == [id(1)])
        // Seen in a round without the slower calls: a full round is due now, ahead of its time.
        #expect(schedule.didAnswer(id(1), now: .seconds(21), chatAllowedChanged: true) == .seconds(21))
        #expect(schedule.next(now: .seconds(21)) == .poll(id(1)))
        #expect(schedule.calls(for: id(1)) == ChatAPICall.allCases)
        #expect(dispatchDue(&schedule, now: .seconds(21)) == [id(1)])
        schedule.didAnswer(id(1), now: .seconds(21))
        // Then the rotation goes on, and the next poll keeps to the interval.
        #expect(schedule.calls(for: id(1)).count == 2)
        #expect(schedule.next(now: .seconds(22)) != .poll(id(1)))
    }

    @Test func addAndRemove() {
        var schedule = schedule(1...2)
        schedule.add(ids(2...4), now: .seconds(50))
        #expect(schedule.order == ids(1...4))
        #expect(ids(3...4).allSatisfy { schedule.dueTime(of: $0)! >= .seconds(50) && schedule.dueTime(of: $0)! < .seconds(60) })
        schedule.remove(ids(1...2))
        #expect(schedule.order == ids(3...4))
        #expect(schedule.dueTime(of: id(1)) == nil)
        schedule.didAnswer(id(1), now: .seconds(51))
        #expect(schedule.order == ids(3...4))
    }

    @Test func resumingSpreadsThePollsOverOneInterval() {
        var schedule = schedule(1...20)
        schedule.resume(now: .seconds(1000))
        let dues = ids(1...20).map { schedule.dueTime(of: $0)! }
        #expect(dues.allSatisfy { $0 >= .seconds(1000) && $0 < .seconds(1010) })
        #expect(Set(dues).count > 10)
    }

    @Test func stalenessIsLookedAtFourTimesASecond() {
        var schedule = schedule(1...1)
        let checks = [0, 100, 249, 250, 300, 500].map { schedule.isStalenessCheckDue(now: .milliseconds($0)) }
        #expect(checks == [true, false, false, true, false, true])
    }
}
