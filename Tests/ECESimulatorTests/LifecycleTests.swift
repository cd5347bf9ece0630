import ECEChat
import ECESimulator
import Testing

@Suite("Starting and stopping", .timeLimit(.minutes(5)))
struct LifecycleTests {
    @Test("Stop is prompt with an idle keep-alive connection and a stalled request open", .timeLimit(.minutes(1)))
    func stopDoesNotWaitForStalls() async throws {
        var configuration = SimulatorHarness.configuration()
        configuration.faultsByEntryPoint = [.id(1001): { var f = FaultSettings(); f.stallRate = 1; return f }()]
        let simulator = try await ECESimulatorServer.start(configuration)
        #expect(simulator.port > 0)
        #expect(simulator.baseURL == "http://127.0.0.1:\(simulator.port)")
        var clientConfiguration = ChatAPIClient.Configuration()
        clientConfiguration.requestTimeout = .seconds(30)
        let client = try ChatAPIClient(server: simulator.server, configuration: clientConfiguration)
        // `try?`: a throw here must not skip the shutdown below (a live client traps in deinit).
        #expect((try? await client.capacity(.id(1000))) == 0)
        let stalled = Task { await client.exchange(.capacity, entryPoint: .id(1001)) }
        // Wait, up to a deadline, until the server has counted the stalled request.
        let deadline = ContinuousClock.now + .seconds(10)
        while await simulator.requestCounts().total < 2 {
            guard ContinuousClock.now < deadline else {
                Issue.record("the stalled request did not reach the simulator within 10 s")
                break
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        let started = ContinuousClock.now
        await simulator.stop()
        #expect(ContinuousClock.now - started < .seconds(3))
        let outcome = await stalled.value
        // The stall was on a reused connection, so its loss sends the GET once more: that try
        // finds the server gone (refused) or still closing (reset). Either way it ends with the
        // server, not at its 30 s deadline.
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect([.connectionReset, .connectionRefused].contains(outcome.error?.kind))
        try await client.shutdown()
    }

    @Test(.timeLimit(.minutes(1))) func aTakenPortIsAnError() async throws {
        let first = try await ECESimulatorServer.start(SimulatorHarness.configuration())
        var configuration = SimulatorHarness.configuration()
        configuration.port = first.port
        await #expect(throws: ECESimulatorServer.StartError.self) { _ = try await ECESimulatorServer.start(configuration) }
        await first.stop()
    }
}
