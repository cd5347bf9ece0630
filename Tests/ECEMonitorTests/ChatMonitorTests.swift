import ECEChat
import ECEMonitor
import ECESimulator
import Foundation
import Testing

@Suite("ChatMonitor against the simulator", .serialized, .timeLimit(.minutes(5)))
struct ChatMonitorTests {
    @Test func alertsAppearAndClearAsTheSimulatorFlips() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(1000...1003))
        do {
            try await harness.advance(until: { snapshot in snapshot.entryPoints.allSatisfy { $0.chatAllowed?.allowed == true } })

            let maximum = await harness.simulator.status(of: EntryPointID(1001)!)!.maxQueueDepth
            await harness.simulator.setQueueDepth(EntryPointID(1001)!, maximum)
            let (full, _) = try await harness.advance(until: { harness.entry(1001, in: $0)?.chatAllowed?.reason == .queueDepthReached })
            let entry = try #require(harness.entry(1001, in: full))
            #expect(entry.severity == .critical)
            #expect(entry.hasUnacknowledgedAlert)
            #expect(entry.eligibility == .queueDepthReached)
            #expect(full.events.contains { $0.entryPoint.rawValue == 1001 && $0.kind == .statusChanged && $0.new == "queue_depth_reached" })

            harness.monitor.send(.acknowledge(EntryPointID(1001)!))
            let (acknowledged, _) = try await harness.advance(until: { harness.entry(1001, in: $0)?.hasUnacknowledgedAlert == false })
            #expect(harness.entry(1001, in: acknowledged)?.alerts.count == 1)

            await harness.simulator.setActive(EntryPointID(1002)!, false)
            let (inactive, _) = try await harness.advance(until: { harness.entry(1002, in: $0)?.chatAllowed?.reason == .entryPointInactive })
            #expect(harness.entry(1002, in: inactive)?.severity == .warning)

            await harness.simulator.setQueueDepth(EntryPointID(1001)!, 0)
            await harness.simulator.setActive(EntryPointID(1002)!, true)
            let (cleared, _) = try await harness.advance(until: { snapshot in
                snapshot.entryPoints.allSatisfy { $0.alerts.isEmpty && $0.severity == .ok }
            })
            #expect(cleared.events.contains { $0.kind == .alertCleared && $0.entryPoint.rawValue == 1001 })
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func systemWideAssignmentServiceOutageIsOneDiagnosis() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(2000...2005))
        do {
            try await harness.advance(until: { $0.entryPoints.allSatisfy { $0.chatAllowed != nil } })
            await harness.simulator.stopAssignmentService()
            let (down, _) = try await harness.advance(until: { !$0.diagnoses.isEmpty })
            guard case .assignmentServiceDown(let affected, let total, _) = down.diagnoses.first else {
                Issue.record("expected the assignment service diagnosis, got \(down.diagnoses)")
                try await harness.shutdown()
                return
            }
            #expect(total == 6)
            #expect(affected > 3)
            await harness.simulator.startAssignmentService()
            try await harness.advance(until: { $0.diagnoses.isEmpty && $0.entryPoints.allSatisfy { $0.chatAllowed?.allowed == true } })
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func backoffWhileDownAndRecoveryWithinOneInterval() async throws {
        // A refused connect is reported only at the request deadline (async-http-client retries
        // until then), so a short one keeps the dead-server minute short in real time.
        let harness = try await MonitorHarness(entryPoints: ids(3000...3003), configure: { $0.interval = .seconds(2) },
                                               requestTimeout: .milliseconds(500))
        let port = harness.simulator.port
        do {
            let (fresh, _) = try await harness.advance(until: { $0.entryPoints.allSatisfy { $0.chatAllowed?.allowed == true } })
            let lastQueueDepth = fresh.entryPoints.map { $0.sessionStatus?.queueDepth }

            // Stopped without waiting for its graceful shutdown, as a crash would.
            let stopping = Task { await harness.simulator.stop() }
            let (down, _) = try await harness.advance(until: { snapshot in
                snapshot.diagnoses.contains { if case .serverUnreachable = $0 { true } else { false } }
                    && snapshot.entryPoints.allSatisfy { $0.failingCalls.count == 5 }
            })
            // Last good values are kept, never blanked.
            #expect(down.entryPoints.map { $0.sessionStatus?.queueDepth } == lastQueueDepth)
            #expect(down.entryPoints.allSatisfy { $0.failingCalls.count == 5 })

            // Let backoff grow: over 60 s a failing entry point is polled far less than 30 times.
            let before = await harness.monitor.snapshot.requestsSent
            try await harness.advance(by: .seconds(60), step: .milliseconds(500))
            let during = await harness.monitor.snapshot.requestsSent - before
            #expect(during < 4 * 5 * 30 / 3, "sent \(during) requests in 60 s to a dead server")
            let stale = await harness.monitor.snapshot
            #expect(stale.entryPoints.allSatisfy { $0.isStale })

            // The server returns on the same port: fresh data within one interval.
            var configuration = SimulatorConfiguration()
            configuration.entryPoints = ids(3000...3003)
            configuration.speed = 0
            configuration.port = port
            configuration.logLevel = .error
            await stopping.value
            let restarted = try await ECESimulatorServer.start(configuration)
            let (recovered, elapsed) = try await harness.advance(until: { snapshot in
                snapshot.entryPoints.allSatisfy { !$0.isStale && $0.failingCalls.isEmpty }
            }, step: .milliseconds(100))
            #expect(elapsed <= recovered.effectiveInterval + .milliseconds(300), "recovered after \(elapsed): \(recovered.events.suffix(12).map { "\($0.time.timeIntervalSince1970 - 1_800_000_000) \($0.summary)" })")
            #expect(recovered.diagnoses.isEmpty)
            await restarted.stop()
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func budgetHoldsAndStretchingIsFair() async throws {
        let entryPoints = ids(5000...5499)
        let harness = try await MonitorHarness(entryPoints: entryPoints) {
            $0.interval = .seconds(1)
            $0.budget = .init(ratePerSecond: 20, burst: 20)
            $0.fullEvery = 1
        }
        do {
            var sent: [(Duration, Int)] = []
            var now = Duration.zero
            var firstPoll: [EntryPointID: Duration] = [:]
            while now < .seconds(130) {
                try await harness.advance(by: .milliseconds(250), step: .milliseconds(250))
                now += .milliseconds(250)
                let snapshot = await harness.monitor.snapshot
                // Counted where they arrive: the simulator, not the monitor's own tally.
                sent.append((now, await harness.simulator.requestCounts().total))
                for entry in snapshot.entryPoints where firstPoll[entry.id] == nil && entry.newestDataAt != nil {
                    firstPoll[entry.id] = now
                }
            }
            let snapshot = await harness.monitor.snapshot
            #expect(snapshot.effectiveInterval == .seconds(125))
            #expect(snapshot.isIntervalStretched)
            // No one-second window carries more than rate + burst requests.
            for (index, (start, count)) in sent.enumerated() {
                guard let end = sent[index...].last(where: { $0.0 <= start + .seconds(1) }) else { continue }
                #expect(end.1 - count <= 40)
            }
            // Fair: every entry point was polled within one stretched interval (plus the burst).
            #expect(firstPoll.count == entryPoints.count)
            #expect(firstPoll.values.max()! <= .seconds(127))
            // And the simulator agrees about the wall-clock peak it saw.
            #expect(await harness.simulator.requestCounts().total == snapshot.requestsSent)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    /// 60 entry points asked every 2 s under 20 requests/s: the slower calls go every 10th round,
    /// so chatAllowed reaches the server every 6.9 s (every 15 s with all five calls a round).
    @Test func chatAllowedOfSixtyEntryPointsReachesTheServerEveryEightSecondsWithinTheBudget() async throws {
        let entryPoints = ids(6000...6059)
        let harness = try await MonitorHarness(entryPoints: entryPoints) {
            $0.interval = .seconds(2)
            $0.budget = .init(ratePerSecond: 20, burst: 20)
        }
        do {
            var lastSeen: [EntryPointID: (count: Int, at: Duration)] = [:]
            var longestGap: [EntryPointID: Duration] = [:]
            var totals: [(Duration, Int)] = []
            var now = Duration.zero
            while now < .seconds(120) {
                try await harness.advance(by: .milliseconds(500), step: .milliseconds(250))
                now += .milliseconds(500)
                totals.append((now, await harness.simulator.requestCounts().total))
                for id in entryPoints {
                    // Counted where they arrive, per entry point: the simulator.
                    let count = await harness.simulator.requestCount(.chatAllowed, entryPoint: id)
                    guard count != lastSeen[id]?.count else { continue }
                    // After the first minute: the first rounds (all five calls each) are done.
                    if let last = lastSeen[id], now > .seconds(60) { longestGap[id] = max(longestGap[id] ?? .zero, now - last.at) }
                    lastSeen[id] = (count, now)
                }
            }
            let snapshot = await harness.monitor.snapshot
            #expect(snapshot.rotation.fullEvery == 10)
            #expect(snapshot.effectiveInterval == .milliseconds(6900))
            #expect(longestGap.count == entryPoints.count)
            // Seen at half-second steps, so a gap reads up to half a second long.
            #expect(longestGap.values.max()! <= .seconds(8), "longest gap between two chatAllowed of one entry point")
            // The slower calls went too, less often.
            let capacity = await harness.simulator.requestCounts().count("capacity")
            let chatAllowed = await harness.simulator.requestCounts().count("chatAllowed")
            #expect(capacity >= entryPoints.count && capacity * 3 < chatAllowed)
            // Never more than the budget: the burst, then 20 a second.
            for (index, (start, count)) in totals.enumerated() {
                for (end, later) in totals[index...] where end > start {
                    #expect(later - count <= 20 + Int(((end - start).inSeconds * 20).rounded(.up)))
                }
            }
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    /// A new chatAllowed answer in a round without the slower calls brings them at once.
    @Test func aStateChangeBringsTheSlowerCallsAtOnce() async throws {
        let id = EntryPointID(6100)!
        let harness = try await MonitorHarness(entryPoints: [id]) {
            $0.interval = .seconds(1)
            $0.fullEvery = 10
        }
        do {
            try await harness.advance(until: { _ in await harness.simulator.requestCount(.chatAllowed, entryPoint: id) >= 3 })
            let before = await harness.simulator.requestCount(.chatAllowed, entryPoint: id)
            #expect(await harness.simulator.requestCount(.capacity, entryPoint: id) == 1)
            await harness.simulator.setActive(id, false)
            // One round sees the change (without the slower calls), the next is full at once:
            // no time has to pass for it.
            try await harness.advance(until: { _ in await harness.simulator.requestCount(.capacity, entryPoint: id) == 2 }, limit: .milliseconds(1500))
            #expect(await harness.simulator.requestCount(.chatAllowed, entryPoint: id) == before + 2)
            #expect(before + 1 < 10, "the change came in a round without the slower calls")
            #expect(harness.entry(6100, in: await harness.monitor.snapshot)?.chatAllowed?.allowed == false)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func memoryStaysBoundedOverALongRun() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(6000...6001)) {
            $0.interval = .seconds(30)
            $0.historyWindow = .seconds(600)
            $0.eventCapacity = 50
        }
        do {
            // Flip a state every few minutes so events keep coming.
            for round in 0..<24 {
                await harness.simulator.setActive(EntryPointID(6000)!, round % 2 == 1)
                try await harness.advance(by: .seconds(300), step: .seconds(5))
            }
            let snapshot = await harness.monitor.snapshot
            let entry = try #require(harness.entry(6000, in: snapshot))
            #expect(entry.history.queueDepth.count == 20)
            #expect(entry.history.queueDepth.capacity == 20)
            #expect(snapshot.events.count == 50)
            let served = await harness.simulator.requestCounts().total
            #expect(served >= 2 * 5 * 200, "the server saw \(served) requests")
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func pauseRefreshAndIntervalChanges() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(7000...7001)) { $0.interval = .seconds(10) }
        do {
            try await harness.advance(until: { $0.entryPoints.allSatisfy { $0.chatAllowed != nil } })
            harness.monitor.send(.pause)
            try await harness.advance(until: \.isPaused)
            let paused = await harness.monitor.snapshot.requestsSent
            let pausedAtServer = await harness.simulator.requestCounts().total
            try await harness.advance(by: .seconds(30), step: .seconds(1))
            #expect(await harness.monitor.snapshot.requestsSent == paused)
            // And at the server: nothing reached it while paused.
            #expect(await harness.simulator.requestCounts().total == pausedAtServer)

            harness.monitor.send(.resume)
            harness.monitor.send(.refresh(EntryPointID(7001)!))
            let (refreshed, elapsed) = try await harness.advance(until: { $0.requestsSent > paused }, step: .milliseconds(10))
            #expect(elapsed < .milliseconds(100))
            #expect(!refreshed.isPaused)

            harness.monitor.send(.setInterval(.seconds(2)))
            let (faster, _) = try await harness.advance(until: { $0.askedInterval == .seconds(2) })
            #expect(faster.effectiveInterval == .seconds(2))

            harness.monitor.send(.add([EntryPointID(7002)!]))
            harness.monitor.send(.remove([EntryPointID(7000)!]))
            let (changed, _) = try await harness.advance(until: { $0.entryPoints.map(\.id.rawValue) == [7001, 7002] && $0.entryPoints.last?.chatAllowed != nil })
            // 7002 is not in the simulator's scenario: its chatAllowed says so.
            #expect(changed.entryPoints.last?.chatAllowed?.reason == .invalidEntryPoint)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func journalAppendsEveryTransitionAsJSONLines() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-journal-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let harness = try await MonitorHarness(entryPoints: ids(8000...8001))
        do {
            try await harness.advance(until: { $0.entryPoints.allSatisfy { $0.chatAllowed?.allowed == true } })
            harness.monitor.send(.startJournal(path))
            try await harness.advance(until: { _ in harness.monitor.outputs.journalPath == path })
            await harness.simulator.setActive(EntryPointID(8001)!, false)
            let (snapshot, _) = try await harness.advance(until: { harness.entry(8001, in: $0)?.chatAllowed?.allowed == false })
            harness.monitor.send(.stopJournal)
            try await harness.advance(until: { _ in harness.monitor.outputs.journalPath == nil })
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            // Everything logged so far, then the new transition.
            #expect(lines.count >= snapshot.events.count)
            let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            let change = try #require(objects.last { $0["kind"] as? String == "statusChanged" && ($0["entryPoint"] as? NSNumber)?.int64Value == 8001 })
            #expect(change["old"] as? String == "allowed")
            #expect(change["new"] as? String == "entry_point_inactive")
            #expect((change["time"] as? String)?.hasPrefix("2027-") == true)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func journalThatCannotOpenSaysWhy() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(8100...8100))
        do {
            harness.monitor.send(.startJournal("/nonexistent-folder/x.jsonl"))
            try await harness.advance(until: { _ in harness.monitor.outputs.journalError != nil })
            #expect(harness.monitor.outputs.journalError == "cannot create event journal /nonexistent-folder/x.jsonl (No such file or directory)")
            #expect(harness.monitor.outputs.journalPath == nil)
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }
}
