import ECEChat
import ECESimulator
import Foundation
import Testing

// Serialized: several of these compare latencies and deadlines, and under a loaded machine's
// full parallel run a dozen simulators of this one suite at once starve each other.
@Suite("Each injected fault reaches the client as the right typed outcome", .serialized, .timeLimit(.minutes(5)))
struct FaultTests {
    static func faults(_ change: (inout FaultSettings) -> Void) -> FaultSettings {
        var faults = FaultSettings()
        change(&faults)
        return faults
    }

    @Test func serverErrorIs500WithABody() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.errorRate = 1 })
            let exchange = await client.exchange(.capacity, entryPoint: .id(1000))
            #expect(exchange.error?.kind == .httpStatus)
            #expect(exchange.error?.httpStatus == 500)
            #expect(String(decoding: exchange.body, as: UTF8.self).contains("simulated server error"))
        }
    }

    @Test func stallIsATimeoutAndBlocksNothingElse() async throws {
        try await SimulatorHarness.run(timeout: .seconds(5)) { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.stallRate = 1 }, for: [.id(1001)])
            let stalledDone = Flag()
            let stalled = Task {
                let outcome = await client.exchange(.capacity, entryPoint: .id(1001))
                await stalledDone.set()
                return outcome
            }
            // While one request hangs, others are answered: all five while it is still hanging
            // (ordering, not a stopwatch: its deadline is far beyond five loopback answers).
            for _ in 0..<5 {
                #expect(try await client.capacity(.id(1000)) == 0)
            }
            #expect(await stalledDone.value == false)
            let outcome = await stalled.value
            #expect(outcome.error?.kind == .timeout)
            #expect(outcome.httpStatus == nil)
        }
    }

    @Test func droppedConnectionIsAReset() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.dropRate = 1 })
            for call in [ChatAPICall.capacity, .chatAllowed] {
                let exchange = await client.exchange(call, entryPoint: .id(1000))
                #expect(exchange.error?.kind == .connectionReset, "\(String(describing: exchange.error))")
            }
            await simulator.clearFaults()
            #expect(try await client.capacity(.id(1000)) == 0)
        }
    }

    @Test func resetIsAConnectionResetNotAnOrderlyClose() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.resetRate = 1 })
            let exchange = await client.exchange(.capacity, entryPoint: .id(1000))
            #expect(exchange.error?.kind == .connectionReset, "\(String(describing: exchange.error))")
            // RST, not FIN: the client sees ECONNRESET (errno 104) from the kernel.
            #expect(exchange.error?.description.contains("errno 104") == true, "\(String(describing: exchange.error))")
            await simulator.clearFaults()
            #expect(try await client.capacity(.id(1000)) == 0)
        }
    }

    @Test func trickledBodyHitsTheDeadlineAndFreesItsSlot() async throws {
        var configuration = SimulatorHarness.configuration()
        configuration.faults = Self.faults { $0.trickleRate = 1; $0.trickleBytesPerSecond = 20 }
        try await SimulatorHarness.run(configuration, timeout: .milliseconds(600)) { (simulator, client) async throws in
            // The head comes at once, the body far slower than the deadline allows.
            let exchange = await client.exchange(.capacity, entryPoint: .id(1000))
            #expect(exchange.error?.kind == .timeout, "\(String(describing: exchange.error))")
            #expect(await client.requestsInFlight == 0)
        }
    }

    @Test("Garbage bodies are a malformed-body error quoting printable text only", arguments: ChatAPICall.allCases)
    func garbage(call: ChatAPICall) async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.garbageRate = 1 })
            let exchange = await client.exchange(call, entryPoint: .id(1000))
            #expect(exchange.httpStatus == 200)
            #expect(exchange.body.count == 256)
            #expect(exchange.error?.kind == .malformedBody, "\(String(describing: exchange.error))")
            let text = exchange.error?.description ?? ""
            #expect(text.hasPrefix("\(call.rawValue): malformed body"))
            #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }

    @Test func chatAllowedReasonIsServedVerbatimAndKeptByTheClient() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            let base = simulator.baseURL
            #expect(try await SimulatorHarness.http("POST", "\(base)/sim/faults?chatAllowedReason=maintenance_window&entryPoints=1000").status == 200)
            #expect(try await client.chatAllowed(.id(1000)) == ChatAllowed(allowed: false, reason: .unrecognized("maintenance_window")))
            // Other calls and entry points are untouched.
            #expect(try await client.capacity(.id(1000)) == 0)
            #expect(try await client.chatAllowed(.id(1006)).allowed)
            // Markup in the reason is escaped on the wire and read back as text.
            await simulator.clearFaults()
            await simulator.setFaults(Self.faults { $0.chatAllowedReason = #"a<b & "c""# })
            #expect(try await client.chatAllowed(.id(1000)).reason == .unrecognized(#"a<b & "c""#))
            #expect(try await SimulatorHarness.http("POST", "\(base)/sim/faults?chatAllowedReason=").status == 200)
            #expect(try await client.chatAllowed(.id(1000)).allowed)
        }
    }

    @Test func faultsCanBeNarrowedToSomeCalls() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            let base = simulator.baseURL
            #expect(try await SimulatorHarness.http("POST", "\(base)/sim/faults?errorRate=1&calls=capacity").status == 200)
            #expect(await client.exchange(.capacity, entryPoint: .id(1000)).httpStatus == 500)
            for call in ChatAPICall.allCases where call != .capacity {
                #expect(await client.exchange(call, entryPoint: .id(1000)).error == nil, "\(call)")
            }
            let report = try JSONDecoder().decode(FaultReport.self, from: Data(try await SimulatorHarness.http("GET", "\(base)/sim/faults").body.utf8))
            #expect(report.global.calls == [.capacity])
            let bad = try await SimulatorHarness.http("POST", "\(base)/sim/faults?calls=capacity,queue")
            #expect(bad.status == 400)
            #expect(bad.body.contains(#"unknown call \"queue\""#))
            #expect(try await SimulatorHarness.http("POST", "\(base)/sim/faults?calls=all").status == 200)
            #expect(await client.exchange(.chatAllowed, entryPoint: .id(1000)).httpStatus == 500)
        }
    }

    @Test func statsCountRequestsOnTheWire() async throws {
        try await SimulatorHarness.run(timeout: .seconds(30)) { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.stallRate = 1 }, for: [.id(1001)])
            let stalled = Task { await client.exchange(.capacity, entryPoint: .id(1001)) }
            // Poll (with a real deadline) until the stalled request is open at the server.
            let deadline = ContinuousClock.now + .seconds(20)
            while await simulator.requestCounts().open < 1, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await simulator.requestCounts().open == 1)
            _ = try await client.capacity(.id(1000))
            let counts = await simulator.requestCounts()
            #expect(counts.open == 1 && counts.peakOpen == 2)
            await simulator.clearFaults()
            stalled.cancel()
            #expect(await stalled.value.error?.kind == .cancelled)
            while await simulator.requestCounts().open > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await simulator.requestCounts().open == 0)
        }
    }

    @Test("Oversized bodies, with and without Content-Length, are refused unread", arguments: [false, true])
    func oversized(chunked: Bool) async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.oversizeRate = 1; $0.oversizeChunked = chunked })
            let exchange = await client.exchange(.liveSessionStatus, entryPoint: .id(1000))
            #expect(exchange.error?.kind == .bodyTooLarge)
            let raw = try await SimulatorHarness.http("GET", "\(simulator.server.baseURL)/liveSessionStatus/1000")
            #expect(raw.body.utf8.count > 64 * 1024)
            #expect((raw.headers["content-length"] != nil) == !chunked)
        }
    }

    @Test("Printed defective bodies are served, and the client reads them", arguments: ChatAPICall.allCases)
    func printedDefects(call: ChatAPICall) async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.defectRate = 1 })
            for raw in Int64(1000)...1006 {
                let exchange = await client.exchange(call, entryPoint: .id(raw))
                #expect(exchange.value == (await simulator.status(of: .id(raw)))?.value(for: call), "\(call) \(raw)")
            }
            let body = String(decoding: (await client.exchange(call, entryPoint: .id(1003))).body, as: UTF8.self)
            let defect = switch call {
            case .agentAvailability: #"standalone="yes" />"#
            case .capacity: "xmpp-sanzas"
            case .liveSessionStatus: "<ns2:queueDepth>3</ns2: queueDepth >"
            case .checkEligibility: "responseType=2 />"
            case .chatAllowed: "urn:iETF:params"
            }
            #expect(body.contains(defect), "\(body)")
        }
    }

    @Test func mixupsAreReadByContentOrRefusedAsMalformed() async throws {
        var configuration = SimulatorHarness.configuration()
        configuration.faults = Self.faults { $0.mixupRate = 1 }
        // Asked for XML, got JSON labelled XML: the client sniffs the body and reads it.
        try await SimulatorHarness.run(configuration, format: .xml) { (simulator, client) async throws in
            let exchange = await client.exchange(.chatAllowed, entryPoint: .id(1001))
            #expect(exchange.contentType == "application/xml")
            #expect(String(decoding: exchange.body, as: UTF8.self) == #"{"allowed":false,"reason":"entry_point_inactive"}"#)
            #expect(exchange.value == .chatAllowed(ChatAllowed(allowed: false, reason: .entryPointInactive)))
        }
        // Asked for JSON, got XML labelled JSON: a typed malformed-body error.
        try await SimulatorHarness.run(configuration, format: .json) { (_, client) async throws in
            let exchange = await client.exchange(.capacity, entryPoint: .id(1000))
            #expect(exchange.contentType == "application/json")
            #expect(String(decoding: exchange.body, as: UTF8.self).contains("<ns2:count>0</ns2:count>"))
            #expect(exchange.error?.kind == .malformedBody)
        }
    }

    @Test func latencyAndJitterDelayAnswers() async throws {
        try await SimulatorHarness.run(timeout: .seconds(2)) { (simulator, client) async throws in
            await simulator.setFaults(Self.faults { $0.latency = 0.8; $0.jitter = 0.05 }, for: [.id(1000)])
            let exchange = await client.exchange(.capacity, entryPoint: .id(1000))
            #expect(exchange.value == .capacity(0))
            #expect(exchange.latency >= .milliseconds(750))
            // Only the faulted entry point is slowed.
            let other = await client.exchange(.capacity, entryPoint: .id(1006))
            #expect(other.latency < .milliseconds(750))
            await simulator.setFaults(Self.faults { $0.latency = 3 }, for: [.id(1000)])
            #expect(await client.exchange(.capacity, entryPoint: .id(1000)).error?.kind == .timeout)
        }
    }

    @Test func faultsAreSetAndClearedThroughSim() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            let base = simulator.baseURL
            let set = try await SimulatorHarness.http("POST", "\(base)/sim/faults?errorRate=1&entryPoints=1002-1003")
            #expect(set.status == 200)
            #expect(await client.exchange(.capacity, entryPoint: .id(1002)).httpStatus == 500)
            #expect(await client.exchange(.capacity, entryPoint: .id(1003)).httpStatus == 500)
            #expect(await client.exchange(.capacity, entryPoint: .id(1000)).httpStatus == 200)
            let report = try JSONDecoder().decode(FaultReport.self, from: Data(try await SimulatorHarness.http("GET", "\(base)/sim/faults").body.utf8))
            #expect(report.byEntryPoint["1002"]?.errorRate == 1)
            #expect(report.global == .none)
            #expect(try await SimulatorHarness.http("DELETE", "\(base)/sim/faults?entryPoints=1002").status == 200)
            #expect(await client.exchange(.capacity, entryPoint: .id(1002)).httpStatus == 200)
            #expect(await client.exchange(.capacity, entryPoint: .id(1003)).httpStatus == 500)
            #expect(try await SimulatorHarness.http("POST", "\(base)/sim/faults?errorRate=2").status == 400)
            #expect(try await SimulatorHarness.http("POST", "\(base)/sim/faults?eror=1").status == 400)
            #expect(try await SimulatorHarness.http("DELETE", "\(base)/sim/faults").status == 200)
            #expect(await client.exchange(.capacity, entryPoint: .id(1003)).httpStatus == 200)
        }
    }

    @Test("Fault rolls are seeded: the same seed fails the same requests")
    func faultRollsAreDeterministic() async throws {
        func pattern() async throws -> [Int?] {
            var configuration = SimulatorHarness.configuration(seed: 99)
            configuration.faults = Self.faults { $0.errorRate = 0.5 }
            var statuses: [Int?] = []
            try await SimulatorHarness.run(configuration) { (_, client) async throws in
                for _ in 0..<30 { statuses.append(await client.exchange(.capacity, entryPoint: .id(1000)).httpStatus) }
            }
            return statuses
        }
        let first = try await pattern()
        #expect(first.contains(500) && first.contains(200))
        #expect(try await pattern() == first)
    }
}

/// Set once from another task; read to learn the order things happened in.
actor Flag {
    private(set) var value = false
    func set() { value = true }
}
