import ECEChat
import ECECommon
import ECEMonitor
import ECESimulator
@testable import ECETerminal
import ECETestSupport
import Foundation
import Testing

/// One injected fault and what the dashboard must say about it.
struct FaultCase: Sendable, CustomStringConvertible {
    var name: String
    var settings: FaultSettings
    var kind: ChatAPIError.Kind
    /// Text every failing call's error must contain: it names what happened.
    var says: String
    /// The request deadline: short where the fault runs into it, generous where a loaded
    /// machine must not turn a prompt failure into a timeout.
    var deadline: Duration

    var description: String { name }

    static func make(_ name: String, _ kind: ChatAPIError.Kind, says: String, _ change: (inout FaultSettings) -> Void) -> FaultCase {
        var settings = FaultSettings()
        change(&settings)
        return FaultCase(name: name, settings: settings, kind: kind, says: says, deadline: kind == .timeout ? shortDeadline : .seconds(10))
    }

    /// The request deadline stalls and trickles run into.
    static let shortDeadline = Duration.milliseconds(500)

    static let all: [FaultCase] = [
        make("500", .httpStatus, says: "HTTP 500: ") { $0.errorRate = 1 },
        make("orderly close", .connectionReset, says: "connection reset (") { $0.dropRate = 1 },
        make("TCP reset", .connectionReset, says: "errno 104)") { $0.resetRate = 1 },
        make("oversized body", .bodyTooLarge, says: "body larger than 65536 bytes, not read") { $0.oversizeRate = 1 },
        make("oversized chunked body", .bodyTooLarge, says: "body larger than 65536 bytes, not read") { $0.oversizeRate = 1; $0.oversizeChunked = true },
        make("redirect", .httpStatus, says: "HTTP 301 → https://ece.example.com/login (not followed; use that as --server)") {
            $0.statusRate = 1
            $0.status = 301
            $0.location = "https://ece.example.com/login"
        },
        make("garbage body", .malformedBody, says: "malformed body: expected ") { $0.garbageRate = 1 },
        make("stall", .timeout, says: "no answer within 0.5 s (timeout)") { $0.stallRate = 1 },
        make("trickling body", .timeout, says: "no answer within 0.5 s (timeout)") { $0.trickleRate = 1; $0.trickleBytesPerSecond = 20 },
    ]
}

/// Every fault the simulator can inject, against the real monitor: the last good values stay
/// on the panel with their age, and the error says what happened.
@Suite("Fault matrix: last good values stay with their age, the error names the fault", .timeLimit(.minutes(5)))
struct FaultMatrixTests {
    /// An entry point's panel as text, drawn wide enough that nothing is cut.
    static func panel(_ entryPoint: EntryPointSnapshot, at now: Date) -> String {
        var buffer = ScreenBuffer(width: 110, height: GridLayout.panelHeight)
        PanelView(entryPoint: entryPoint).draw(into: &buffer, rect: buffer.bounds, context: ViewContext(now: now))
        return PlainTextRenderer().render(buffer)
    }

    static func hasEveryValue(_ entryPoint: EntryPointSnapshot?) -> Bool {
        guard let entryPoint else { return false }
        return entryPoint.chatAllowed != nil && entryPoint.freeSlots != nil && entryPoint.sessionStatus != nil
            && entryPoint.agentAvailable != nil && entryPoint.eligibility != nil
    }

    @Test(arguments: FaultCase.all)
    func everyCallFailing(_ fault: FaultCase) async throws {
        let harness = try await MonitorHarness(entryPoints: ids(1000...1001), requestTimeout: fault.deadline)
        do {
            let (fresh, _) = try await harness.advance(until: { Self.hasEveryValue(harness.entry(1000, in: $0)) })
            let before = try #require(harness.entry(1000, in: fresh))

            await harness.simulator.setFaults(fault.settings)
            // Failing, then stale: more than two intervals without good data.
            let (after, _) = try await harness.advance(until: { snapshot in
                guard let entry = harness.entry(1000, in: snapshot) else { return false }
                return entry.failingCalls.count == ChatAPICall.allCases.count && entry.isStale
            })
            let entry = try #require(harness.entry(1000, in: after))

            // Every call erred with the fault's kind, in words that name it.
            for (call, error) in entry.failingCalls {
                #expect(error.kind == fault.kind, "\(call): \(error)")
                #expect(error.description.hasPrefix("\(call.rawValue): "), "\(error)")
                #expect(error.description.contains(fault.says), "\(error)")
            }
            // Nothing was blanked or replaced: the last good values and their time stay.
            #expect(entry.chatAllowed == before.chatAllowed)
            #expect(entry.sessionStatus == before.sessionStatus)
            #expect(entry.freeSlots == before.freeSlots)
            #expect(entry.agentAvailable == before.agentAvailable)
            #expect(entry.eligibility == before.eligibility)
            let newest = try #require(before.newestDataAt)
            #expect(entry.newestDataAt == newest)
            #expect(after.events.contains { $0.entryPoint == entry.id && $0.kind == .errorStarted && $0.new.contains(fault.says) })

            // On screen: the values, how old they are, and what went wrong.
            let text = Self.panel(entry, at: after.takenAt)
            let age = DurationText.age(seconds: after.takenAt.timeIntervalSince(newest))
            #expect(text.contains("STALE"), "\(text)")
            #expect(text.contains("queue \(try #require(before.sessionStatus).queueDepth)"), "\(text)")
            #expect(text.contains("slots \(try #require(before.freeSlots))"), "\(text)")
            #expect(text.contains("data \(age) old"), "\(text)")
            #expect(text.contains("agentAvailability: ") && text.contains(fault.says), "\(text)")

            // The fault ends: fresh values and no error.
            await harness.simulator.clearFaults()
            try await harness.advance(until: { snapshot in
                guard let entry = harness.entry(1000, in: snapshot) else { return false }
                return entry.failingCalls.isEmpty && !entry.isStale
            })
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func serverErrorOnOneCallLeavesTheRestLive() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(1000...1001), requestTimeout: FaultCase.shortDeadline)
        do {
            let (fresh, _) = try await harness.advance(until: { Self.hasEveryValue(harness.entry(1000, in: $0)) })
            let before = try #require(harness.entry(1000, in: fresh))
            await harness.simulator.setFaults(FaultCase.make("capacity 500", .httpStatus, says: "") { $0.errorRate = 1; $0.calls = [.capacity] }.settings)
            try await harness.advance(until: { harness.entry(1000, in: $0)?.state(.capacity).isFailing == true })
            try await harness.advance(by: .seconds(3))
            // The model changes while capacity keeps failing: the other fields follow it.
            await harness.simulator.setActive(EntryPointID(1000)!, false)
            let (after, _) = try await harness.advance(until: { harness.entry(1000, in: $0)?.chatAllowed?.reason == .entryPointInactive })
            let entry = try #require(harness.entry(1000, in: after))

            #expect(entry.failingCalls.map(\.call) == [.capacity])
            #expect(entry.freeSlots == before.freeSlots)
            #expect(!entry.isStale)
            let slotsAt = try #require(entry.state(.capacity).lastSuccessAt)
            let statusAt = try #require(entry.state(.chatAllowed).lastSuccessAt)
            #expect(slotsAt < statusAt)

            let text = Self.panel(entry, at: after.takenAt)
            let age = DurationText.age(seconds: after.takenAt.timeIntervalSince(slotsAt))
            #expect(text.contains("entry_point_inactive"), "\(text)")
            #expect(text.contains("slots \(try #require(before.freeSlots))"), "\(text)")
            #expect(text.contains("capacity: HTTP 500: "), "\(text)")
            // The age shown is that of the failing value, not of the fresh ones beside it.
            #expect(text.contains("slots \(age) old"), "\(text)")
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func unknownReasonIsShownVerbatim() async throws {
        let harness = try await MonitorHarness(entryPoints: ids(1000...1001))
        do {
            try await harness.advance(until: { harness.entry(1000, in: $0)?.chatAllowed?.allowed == true })
            var faults = FaultSettings()
            faults.chatAllowedReason = "maintenance_window"
            await harness.simulator.setFaults(faults, for: [EntryPointID(1000)!])
            let (after, _) = try await harness.advance(until: { harness.entry(1000, in: $0)?.statusWord == "maintenance_window" })
            let entry = try #require(harness.entry(1000, in: after))
            #expect(entry.chatAllowed?.reason == .unrecognized("maintenance_window"))
            #expect(entry.failingCalls.isEmpty)
            #expect(entry.severity == .warning)
            #expect(after.events.contains { $0.kind == .statusChanged && $0.new == "maintenance_window" })
            #expect(harness.entry(1001, in: after)?.chatAllowed?.allowed == true)
            #expect(Self.panel(entry, at: after.takenAt).contains("WARN maintenance_window"))
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func stallingServerNeverGetsMoreThanTheInFlightCap() async throws {
        // Deadlines far off, so that nothing ends while the requests on the wire are counted
        // (the stall case above shows the deadlines holding).
        let harness = try await MonitorHarness(entryPoints: ids(1000...1003), requestTimeout: .seconds(120))
        do {
            try await harness.advance(until: { $0.entryPoints.allSatisfy { Self.hasEveryValue($0) } })
            var faults = FaultSettings()
            faults.stallRate = 1
            await harness.simulator.setFaults(faults)
            await harness.simulator.resetRequestCounts()
            // Every entry point at once: 20 requests want the wire.
            harness.monitor.send(.refresh(nil))
            let cap = harness.client.configuration.maximumConcurrentRequests
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                let polls = await harness.monitor.pollsInFlight
                let open = await harness.simulator.requestCounts().open
                if polls == 4 && open >= cap { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await harness.monitor.pollsInFlight == 4)
            #expect(await harness.client.requestsInFlight == cap)
            let counts = await harness.simulator.requestCounts()
            #expect(counts.open == cap && counts.peakOpen == cap && counts.total == cap, "\(counts)")
            // The values stay while everything hangs.
            #expect(await harness.monitor.snapshot.entryPoints.allSatisfy { Self.hasEveryValue($0) })
        } catch {
            try await harness.shutdown()
            throw error
        }
        try await harness.shutdown()
    }

    @Test func serverAbsentAtStartThenStarted() async throws {
        let held = try BoundButNotListening()
        let address = try ChatAPIServer(parsing: "http://127.0.0.1:\(held.number)")
        // Refused connects fail at once; a generous deadline keeps a loaded machine's slow first
        // answer from counting as one more failure.
        let harness = try await MonitorHarness(entryPoints: ids(1000...1001), configure: { $0.interval = .seconds(2) },
                                               requestTimeout: .seconds(10), server: address)
        var started: RunningSimulator?
        var isHeld = true
        do {
            let (down, _) = try await harness.advance(until: { snapshot in
                snapshot.entryPoints.allSatisfy { $0.failingCalls.count == 5 }
                    && snapshot.diagnoses.contains { if case .serverUnreachable = $0 { true } else { false } }
            })
            let entry = try #require(harness.entry(1000, in: down))
            for (_, error) in entry.failingCalls {
                #expect(error.kind == .connectionRefused)
                #expect(error.description.contains("connection refused (127.0.0.1:\(held.number), errno 111)"), "\(error)")
            }
            #expect(entry.newestDataAt == nil)
            let text = Self.panel(entry, at: down.takenAt)
            #expect(text.contains("no data yet") && text.contains("connection refused"), "\(text)")

            // Backing off for a while, then the server appears on that port.
            try await harness.advance(by: .seconds(20), step: .milliseconds(500))
            held.close()
            isHeld = false
            var configuration = SimulatorConfiguration()
            configuration.entryPoints = ids(1000...1001)
            configuration.speed = 0
            configuration.port = held.number
            configuration.logLevel = .error
            started = try await ECESimulatorServer.start(configuration)
            let (up, elapsed) = try await harness.advance(until: { snapshot in
                snapshot.entryPoints.allSatisfy { Self.hasEveryValue($0) && $0.failingCalls.isEmpty }
            })
            // Noticed within one interval of its return, however far the backoff had grown.
            #expect(elapsed <= up.effectiveInterval + .milliseconds(300),
                    "fresh after \(elapsed): \(up.events.suffix(14).map { "\($0.time.timeIntervalSince1970 - 1_800_000_000) \($0.summary)" })")
            #expect(up.diagnoses.isEmpty)
        } catch {
            if isHeld { held.close() }
            await started?.stop()
            try await harness.shutdown()
            throw error
        }
        await started?.stop()
        try await harness.shutdown()
    }
}
