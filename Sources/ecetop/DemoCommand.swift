import ArgumentParser
import ECEChat
import ECEConfig
import ECESimulator
import ECETerminal
import Logging

/// `ecetop demo`: the dashboard on an in-process simulator, nothing to set up.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the simulator in-process and show the dashboard on it."
    )

    @Option(name: .long, help: ArgumentHelp("Simulator scenario: calm, busy, meltdown, mixed, or a TOML file.", valueName: "NAME|FILE"))
    var scenario: String = "mixed"

    @Option(name: .long, help: ArgumentHelp("Entry points the preset simulates.", valueName: "RANGE"))
    var entryPoints: String = "1000-1011"

    @Option(name: .long, help: ArgumentHelp("Simulated seconds per real second.", valueName: "X"))
    var speed: Double = 1

    @Option(name: .long, help: ArgumentHelp("Seed of the simulation (same seed, same story).", valueName: "N"))
    var seed: UInt64 = 1

    @OptionGroup var pollingOptions: PollingOptions
    @OptionGroup var displayOptions: DisplayOptions
    @OptionGroup var wallOptions: WallOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var recordOptions: RecordOptions

    func validate() throws {
        guard speed.isFinite, speed >= 0, speed <= 10_000 else { throw ValidationError("--speed must be between 0 and 10000, got \(speed)") }
    }

    func run() async throws {
        // The simulator decides the entry points; the file's labels and groups apply to matching IDs.
        let flags = ConfigFlags(polling: pollingOptions, display: displayOptions, wall: wallOptions)
        let effective = try configOptions.effective(flags, defaultInterval: 2)
        try DashboardRunner.requireTerminal()
        let recorder = try recordOptions.recorder()
        var configuration = SimulatorConfiguration()
        if let preset = ScenarioPreset(rawValue: scenario) {
            configuration.scenario = .preset(preset)
            configuration.entryPoints = try parseEntryPointIDs([entryPoints])
        } else {
            configuration.scenario = .file(scenario)
        }
        configuration.seed = seed
        configuration.speed = speed
        configuration.logLevel = .warning
        let simulator: RunningSimulator
        do {
            simulator = try await ECESimulatorServer.start(configuration)
        } catch let error as ECESimulatorServer.StartError {
            throw CommandFailure(error.description)
        } catch {
            throw ValidationError("\(error)")
        }
        let ids = await simulator.snapshot().entryPoints.map(\.id)
        var clientConfiguration = ChatAPIClient.Configuration()
        clientConfiguration.requestTimeout = .seconds(5)
        let client = try ChatAPIClient(server: simulator.server, configuration: clientConfiguration)
        var terminal = pollingOptions.terminalConfiguration(logPath: DashboardRunner.logPath(pollingOptions.log), demoURL: simulator.baseURL)
        try effective.applyDisplay(displayOptions, wall: wallOptions, to: &terminal)
        var monitorConfiguration = effective.monitorConfiguration()
        if let recorder { monitorConfiguration.sinks.append(recorder) }
        do {
            try await DashboardRunner.run(client: client, entryPoints: ids, monitorConfiguration: monitorConfiguration, terminalConfiguration: terminal)
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }
}
