import ECEChat
import Logging

/// Everything needed to start a simulator: where to listen, what to simulate, how to misbehave.
public struct SimulatorConfiguration: Sendable {
    /// Where the scenario comes from.
    public enum ScenarioSource: Sendable, Hashable {
        case preset(ScenarioPreset)
        /// A TOML scenario file (see docs/simulator.md).
        case file(String)
        case custom(Scenario)
    }

    /// Loopback only unless told otherwise: the simulator has no authentication.
    public var host = "127.0.0.1"
    /// Serve HTTPS with these PEM files instead of plain HTTP.
    public var tls: SimulatorTLSFiles?
    /// 0 picks a free port; `RunningSimulator.port` tells which.
    public var port = 0
    public var scenario: ScenarioSource = .preset(.calm)
    public var seed: UInt64 = 1
    /// Simulated seconds per wall-clock second; 0 pauses (time then moves only by `advance(by:)`).
    public var speed: Double = 1
    /// The entry points of a preset; nil for `ECESimulatorDefaults.entryPoints`.
    public var entryPoints: [EntryPointID]?
    public var faults = FaultSettings()
    public var faultsByEntryPoint: [EntryPointID: FaultSettings] = [:]
    public var wallClock: any WallClock = SystemWallClock()
    public var logLevel: Logger.Level = .info
    /// SIGTERM and SIGINT stop the server gracefully (`ecetop simulate`); off when the caller
    /// stops it itself.
    public var stopsOnSignals = false

    public init() {}

    /// Builds the scenario this configuration names; errors are one line (`FILE:LINE: …`).
    public func makeScenario() throws(ScenarioError) -> Scenario {
        switch scenario {
        case .preset(let preset):
            if let entryPoints { return preset.scenario(entryPoints: entryPoints) }
            return preset.scenario(entryPoints: try Self.defaultEntryPoints())
        case .file(let path):
            guard entryPoints == nil else {
                throw ScenarioError(file: path, line: nil, message: "--entry-points applies to presets only; a scenario file lists its own entry points")
            }
            return try ScenarioFile.load(path: path)
        case .custom(let scenario):
            return scenario
        }
    }

    private static func defaultEntryPoints() throws(ScenarioError) -> [EntryPointID] {
        do {
            return try EntryPointID.parseList([ECESimulatorDefaults.entryPoints])
        } catch {
            throw ScenarioError(file: nil, line: nil, message: error.description)
        }
    }
}
