import ECEChat
import ECESimulator
import Testing

@Suite("Starting and stopping")
struct LifecycleTests {
    @Test("Stop is prompt with an idle keep-alive connection and a stalled request open")
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
        // Wait (without sleeping on time) until the server has counted the stalled request.
        while await simulator.requestCounts().total < 2 { await Task.yield() }
        let started = ContinuousClock.now
        await simulator.stop()
        #expect(ContinuousClock.now - started < .seconds(3))
        let outcome = await stalled.value
        #expect(outcome.error?.kind == .connectionReset)
        try await client.shutdown()
    }

    @Test func aTakenPortIsAnError() async throws {
        let first = try await ECESimulatorServer.start(SimulatorHarness.configuration())
        var configuration = SimulatorHarness.configuration()
        configuration.port = first.port
        await #expect(throws: ECESimulatorServer.StartError.self) { _ = try await ECESimulatorServer.start(configuration) }
        await first.stop()
    }
}
