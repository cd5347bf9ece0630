import ECEChat
import ECEMonitor
import ECESimulator
import Foundation
import Logging

/// Produces a real `MonitorSnapshot`: an in-process simulator polled once by a real monitor.
enum SnapshotSource {
    /// A snapshot of `count` entry points of the `mixed` preset, every one polled at least once.
    static func polledSnapshot(count: Int) async throws -> MonitorSnapshot {
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.scenario = .preset(.mixed)
        simulatorConfiguration.entryPoints = Bench.entryPoints(first: 1000, count: count)
        simulatorConfiguration.logLevel = .error
        let simulator = try await ECESimulatorServer.start(simulatorConfiguration)
        let client = try ChatAPIClient(server: simulator.server)
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(2)
        configuration.budget = .init(ratePerSecond: 0, burst: 20)
        var quiet = Logger(label: "ecetop.bench")
        quiet.logLevel = .critical
        let monitor = ChatMonitor(client: client, entryPoints: Bench.entryPoints(first: 1000, count: count),
                                  configuration: configuration, logger: quiet)
        let running = Task { await monitor.run() }
        var found: MonitorSnapshot?
        for await snapshot in monitor.snapshots
        where snapshot.entryPoints.allSatisfy({ $0.chatAllowed != nil && $0.sessionStatus != nil }) {
            found = snapshot
            break
        }
        running.cancel()
        await running.value
        try await client.shutdown()
        await simulator.stop()
        guard let found else { throw ValidationErrorText("the monitor stopped before every entry point was polled") }
        return found
    }
}
