import ECEChat
import ECEMonitor
import ECESimulator
import Foundation

/// A monitor on a manual clock, polling a real simulator over loopback.
///
/// Time moves only when a test says so; between steps the harness waits (with a real
/// deadline) for the requests of that step to come back, so every run sees the same story.
final class MonitorHarness: Sendable {
    let simulator: RunningSimulator
    let client: ChatAPIClient
    let clock = ManualClock()
    let monitor: ChatMonitor<ManualClock>
    private let runner: Task<Void, Never>
    /// The wall-clock time the manual clock's zero stands for.
    static let origin = Date(timeIntervalSince1970: 1_800_000_000)

    init(entryPoints: [EntryPointID], scenario: ScenarioPreset = .calm, configure: (inout MonitorConfiguration) -> Void = { _ in },
         simulatorPort: Int = 0, requestTimeout: Duration = .seconds(2), server: ChatAPIServer? = nil) async throws {
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.scenario = .preset(scenario)
        simulatorConfiguration.entryPoints = entryPoints
        simulatorConfiguration.speed = 0
        simulatorConfiguration.port = simulatorPort
        simulatorConfiguration.logLevel = .error
        simulator = try await ECESimulatorServer.start(simulatorConfiguration)
        var clientConfiguration = ChatAPIClient.Configuration()
        clientConfiguration.requestTimeout = requestTimeout
        // A server's Retry-After counts on the monitor's timeline.
        let clock = self.clock
        clientConfiguration.now = { Self.origin.addingTimeInterval(clock.now.offset.inSeconds) }
        // `server` points the client elsewhere (a port nobody serves yet); the simulator still runs.
        client = try ChatAPIClient(server: server ?? simulator.server, configuration: clientConfiguration)
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(1)
        configuration.budget = .init(ratePerSecond: 0, burst: 0)
        configure(&configuration)
        let monitor = ChatMonitor(client: client, entryPoints: entryPoints, configuration: configuration, clock: clock,
                                  origin: Self.origin)
        self.monitor = monitor
        runner = Task { await monitor.run() }
    }

    /// Lets the monitor's loop go to sleep and its requests come back, without moving time.
    func settle() async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        var quietRounds = 0
        while quietRounds < 3 {
            guard ContinuousClock.now < deadline else { throw HarnessTimeout(what: "monitor to settle") }
            try await Task.sleep(for: .milliseconds(2))
            let busy = await monitor.pollsInFlight > 0 || clock.sleeperCount == 0
            quietRounds = busy ? 0 : quietRounds + 1
        }
    }

    /// Moves time forward in steps, settling after each.
    func advance(by total: Duration, step: Duration = .milliseconds(100)) async throws {
        var moved = Duration.zero
        try await settle()
        while moved < total {
            clock.advance(by: step)
            moved += step
            try await settle()
        }
    }

    /// Advances until `condition` holds for the latest snapshot, or fails after `limit` of simulated time.
    @discardableResult
    func advance(until condition: (MonitorSnapshot) async -> Bool, limit: Duration = .seconds(30), step: Duration = .milliseconds(100)) async throws -> (snapshot: MonitorSnapshot, elapsed: Duration) {
        var moved = Duration.zero
        try await settle()
        while true {
            let snapshot = await monitor.snapshot
            if await condition(snapshot) { return (snapshot, moved) }
            guard moved < limit else { throw HarnessTimeout(what: "condition within \(limit) of simulated time") }
            clock.advance(by: step)
            moved += step
            try await settle()
        }
    }

    func entry(_ id: Int64, in snapshot: MonitorSnapshot) -> EntryPointSnapshot? {
        snapshot.entryPoints.first { $0.id.rawValue == id }
    }

    /// Runs `body`, then shuts the harness down whether `body` threw or not.
    func run<Result>(_ body: (MonitorHarness) async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await body(self)
        } catch {
            try await shutdown()
            throw error
        }
        try await shutdown()
        return result
    }

    func shutdown() async throws {
        runner.cancel()
        await runner.value
        try await client.shutdown()
        await simulator.stop()
    }
}

struct HarnessTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

func ids(_ range: ClosedRange<Int64>) -> [EntryPointID] { range.map { EntryPointID($0)! } }
