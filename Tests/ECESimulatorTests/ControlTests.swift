import ECEChat
import ECESimulator
import Foundation
import Testing

@Suite("The /sim control API changes what the five calls report", .timeLimit(.minutes(5)))
struct ControlTests {
    static func post(_ simulator: RunningSimulator, _ path: String) async throws -> Int {
        try await SimulatorHarness.http("POST", "\(simulator.baseURL)\(path)").status
    }

    @Test("Every chatAllowed reason is reachable through /sim, starting from allowed")
    func everyReasonThroughSim() async throws {
        var configuration = SimulatorHarness.configuration(.calm)
        configuration.entryPoints = [.id(1000)]
        try await SimulatorHarness.run(configuration) { (simulator, client) async throws in
            let id = EntryPointID.id(1000)
            func allowed() async throws -> ChatAllowed { try await client.chatAllowed(id) }
            #expect(try await allowed() == ChatAllowed(allowed: true))

            #expect(try await Self.post(simulator, "/sim/entrypoints/1000?active=false") == 200)
            #expect(try await allowed().reason == .entryPointInactive)
            #expect(try await Self.post(simulator, "/sim/entrypoints/1000?active=true") == 200)

            #expect(try await Self.post(simulator, "/sim/service/stop") == 200)
            #expect(try await allowed().reason == .serviceNotRunning)
            #expect(try await Self.post(simulator, "/sim/service/start") == 200)

            #expect(try await Self.post(simulator, "/sim/entrypoints/1000?maxDepth=2&depth=2") == 200)
            #expect(try await allowed().reason == .queueDepthReached)
            #expect(try await client.checkEligibility(id) == .queueDepthReached)
            #expect(try await client.liveSessionStatus(id).queueDepth == 2)
            #expect(try await Self.post(simulator, "/sim/entrypoints/1000?depth=0&maxDepth=10") == 200)

            #expect(try await Self.post(simulator, "/sim/agents/logout?count=100&entryPoints=1000") == 200)
            #expect(try await allowed().reason == .agentNotAvailable)
            #expect(try await client.checkEligibility(id) == .noAgentAvailable)
            #expect(try await client.capacity(id) == 0)
            #expect(try await client.agentAvailability(id) == false)
            #expect(try await Self.post(simulator, "/sim/agents/login?count=1") == 200)
            #expect(try await client.capacity(id) == 3)

            #expect(try await Self.post(simulator, "/sim/entrypoints/1000?hold=true") == 200)
            #expect(try await allowed().reason == .other)
            #expect(try await Self.post(simulator, "/sim/entrypoints/1000?hold=false") == 200)

            #expect(try await client.chatAllowed(.id(4242)).reason == .invalidEntryPoint)
            #expect(try await allowed() == ChatAllowed(allowed: true))
        }
    }

    @Test func theInProcessControlAPIMirrorsSim() async throws {
        try await SimulatorHarness.run(SimulatorHarness.configuration(.calm)) { (simulator, client) async throws in
            let id = EntryPointID.id(1005)
            await simulator.setActive(id, false)
            #expect(try await client.chatAllowed(id).reason == .entryPointInactive)
            await simulator.setActive(id, true)
            await simulator.stopAssignmentService()
            #expect(try await client.chatAllowed(id).reason == .serviceNotRunning)
            await simulator.startAssignmentService()
            await simulator.setMaxQueueDepth(id, 1)
            await simulator.setQueueDepth(id, 1)
            #expect(try await client.chatAllowed(id).reason == .queueDepthReached)
            await simulator.setQueueDepth(id, 0)
            #expect(await simulator.logOut(3, serving: [id]) == 3)
            #expect(try await client.chatAllowed(id).reason == .agentNotAvailable)
            #expect(await simulator.logIn(1, serving: [id]) == 1)
            await simulator.setHold(id, true)
            #expect(try await client.chatAllowed(id).reason == .other)
        }
    }

    @Test func badControlRequestsAreOneLine400sOr404s() async throws {
        try await SimulatorHarness.run { (simulator, _) async throws in
            for (path, status) in [
                ("/sim/entrypoints/1000?active=maybe", 400), ("/sim/entrypoints/1000?colour=red", 400),
                ("/sim/entrypoints/1000", 400), ("/sim/entrypoints/5?active=true", 404), ("/sim/entrypoints/x?active=true", 400),
                ("/sim/service/stop?name=nope", 404), ("/sim/agents/logout?count=-1", 400), ("/sim/advance", 400),
                ("/sim/advance?seconds=-3", 400), ("/sim/speed?value=fast", 400),
            ] {
                let answer = try await SimulatorHarness.http("POST", "\(simulator.baseURL)\(path)")
                #expect(answer.status == status, "\(path)")
                let error = try SimulatorHarness.json(answer.body)["error"] as? String
                #expect(error.map { !$0.isEmpty && !$0.contains("\n") } == true, "\(path): \(answer.body)")
            }
        }
    }

    @Test("Time moves only when told: /sim/advance runs the model, speed 0 stays put")
    func advanceThroughSim() async throws {
        try await SimulatorHarness.run(SimulatorHarness.configuration(.meltdown)) { (simulator, client) async throws in
            let before = await simulator.snapshot()
            #expect(before.time == 0)
            #expect(try await client.chatAllowed(.id(1000)) == ChatAllowed(allowed: true))
            let answer = try await SimulatorHarness.http("POST", "\(simulator.baseURL)/sim/advance?seconds=295")
            let snapshot = try JSONDecoder().decode(SimulationSnapshot.self, from: Data(answer.body.utf8))
            #expect(snapshot.time == 295)
            #expect(snapshot.timeOfDay == "09:04:55")
            #expect(snapshot.services.values.allSatisfy { !$0 })
            #expect(try await client.chatAllowed(.id(1000)).reason == .serviceNotRunning)
            #expect(try await client.checkEligibility(.id(1000)) == .queueDepthReached)
            await simulator.advance(by: 145)
            #expect(try await client.chatAllowed(.id(1000)).allowed)
            #expect(await simulator.snapshot().time == 440)
        }
    }

    @Test("Wall time times speed is simulated time, through an injected clock")
    func speedMapsWallTime() async throws {
        let wall = ManualWallClock()
        var configuration = SimulatorHarness.configuration(.meltdown)
        configuration.wallClock = wall
        configuration.speed = 10
        try await SimulatorHarness.run(configuration) { (simulator, client) async throws in
            wall.advance(by: 5)
            #expect(await simulator.snapshot().time == 50)
            #expect(try await client.chatAllowed(.id(1000)).allowed)
            wall.advance(by: 2)
            #expect(try await client.chatAllowed(.id(1000)).reason == .serviceNotRunning)
            #expect(try await Self.post(simulator, "/sim/speed?value=0") == 200)
            wall.advance(by: 1000)
            #expect(await simulator.snapshot().time == 70)
            await simulator.setSpeed(1)
            wall.advance(by: 3)
            #expect(await simulator.snapshot().time == 73)
        }
    }

    @Test("Same seed, same answers over HTTP after the same simulated time")
    func determinismOverHTTP() async throws {
        func story(seed: UInt64) async throws -> [ChatAPIValue?] {
            var values: [ChatAPIValue?] = []
            try await SimulatorHarness.run(SimulatorHarness.configuration(.busy, seed: seed)) { (simulator, client) async throws in
                for _ in 0..<6 {
                    await simulator.advance(by: 300)
                    for raw in Int64(1000)...1009 {
                        values.append(await client.exchange(.liveSessionStatus, entryPoint: .id(raw)).value)
                        values.append(await client.exchange(.capacity, entryPoint: .id(raw)).value)
                    }
                }
            }
            return values
        }
        let first = try await story(seed: 5)
        #expect(try await story(seed: 5) == first)
        #expect(try await story(seed: 6) != first)
    }

    @Test("Request counts per call and the busiest one-second window")
    func requestCounts() async throws {
        let wall = ManualWallClock(100)
        var configuration = SimulatorHarness.configuration()
        configuration.wallClock = wall
        try await SimulatorHarness.run(configuration) { (simulator, client) async throws in
            for _ in 0..<3 { _ = await client.exchange(.capacity, entryPoint: .id(1000)) }
            wall.advance(by: 0.5)
            for _ in 0..<4 { _ = await client.exchange(.chatAllowed, entryPoint: .id(1000)) }
            wall.advance(by: 0.6)
            // The first three fell out of the window; these two join the four.
            for _ in 0..<2 { _ = await client.exchange(.capacity, entryPoint: .id(999)) }
            wall.advance(by: 5)
            _ = await client.exchange(.agentAvailability, entryPoint: .id(1000))
            _ = try await SimulatorHarness.http("GET", "\(simulator.server.baseURL)/capacity/abc")
            _ = try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/state")

            let answer = try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/stats")
            let counts = try JSONDecoder().decode(RequestCounts.self, from: Data(answer.body.utf8))
            #expect(counts.total == 11)
            #expect(counts.count("capacity") == 6)
            #expect(counts.count("chatAllowed") == 4)
            #expect(counts.count("agentAvailability") == 1)
            #expect(counts.peakPerSecond == 7)
            #expect(counts.lastSecond == 2)
            #expect(counts.perSecond.map(\.count) == [7, 2, 2])
            #expect(try await SimulatorHarness.http("DELETE", "\(simulator.baseURL)/sim/stats").status == 200)
            #expect(await simulator.requestCounts().total == 0)
        }
    }

    @Test("Hundreds of entry points from a range")
    func manyEntryPoints() async throws {
        var configuration = SimulatorHarness.configuration(.mixed)
        configuration.entryPoints = try EntryPointID.parseList(["1000-1199"])
        try await SimulatorHarness.run(configuration) { (simulator, client) async throws in
            #expect(await simulator.snapshot().entryPoints.count == 200)
            // Position 199 in a cycle of seven is role 3: the queue is full.
            #expect(try await client.chatAllowed(.id(1199)).reason == .queueDepthReached)
            #expect(try await client.chatAllowed(.id(1200)).reason == .invalidEntryPoint)
        }
    }

    @Test func stateAndEntryPointEndpoints() async throws {
        try await SimulatorHarness.run { (simulator, _) async throws in
            let state = try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/state")
            let snapshot = try JSONDecoder().decode(SimulationSnapshot.self, from: Data(state.body.utf8))
            #expect(snapshot.scenario == "mixed")
            #expect(snapshot.services == ["aas": true, "aas-2": false])
            let one = try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/entrypoints/1003")
            let fields = try SimulatorHarness.json(one.body)
            #expect(fields["reason"] as? String == "queue_depth_reached")
            #expect(fields["responseType"] as? Int == 2)
            #expect(try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/entrypoints/77").status == 404)
        }
    }
}
