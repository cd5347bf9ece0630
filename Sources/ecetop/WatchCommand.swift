import ArgumentParser
import ECEChat
import ECEConfig
import ECEMetrics
import ECETerminal

/// `ecetop watch` (the default): the live dashboard for a real server.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Show the live dashboard for entry points on an ECE server (the default command).",
        discussion: "Keys: arrows/hjkl move, Enter detail, ? help, q quit. See README for all of them."
    )

    @OptionGroup var serverOptions: ServerOptions
    @OptionGroup var pollingOptions: PollingOptions
    @OptionGroup var displayOptions: DisplayOptions
    @OptionGroup var wallOptions: WallOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var recordOptions: RecordOptions

    @Option(name: .customLong("metrics-listen"), help: ArgumentHelp("Also serve Prometheus metrics at http://HOST:PORT/metrics while the dashboard runs (as ecetop export does).", valueName: "HOST:PORT"))
    var metricsListen: String?

    @Argument(help: ArgumentHelp("Entry point IDs or ranges (1000 1001 1005-1009); replace the config file's [[entry-points]].", valueName: "ID"))
    var ids: [String] = []

    func validate() throws {
        // No IDs is fine here: the config file may list them, and it is read in run().
        _ = try parseEntryPointIDs(ids)
        _ = try metricsAddress()
    }

    func metricsAddress() throws -> ListenAddress? {
        guard let metricsListen else { return nil }
        do {
            return try ListenAddress(parsing: metricsListen)
        } catch {
            throw ValidationError("--metrics-listen: \(error)")
        }
    }

    func run() async throws {
        let chosen = try parseEntryPointIDs(ids)
        let flags = ConfigFlags(server: serverOptions, polling: pollingOptions, display: displayOptions, wall: wallOptions, ids: chosen)
        let effective = try configOptions.effective(flags)
        if effective.sites.isEmpty { _ = try requireEntryPoints(effective) }
        try DashboardRunner.requireTerminal()
        var terminal = pollingOptions.terminalConfiguration(logPath: DashboardRunner.logPath(pollingOptions.log))
        try effective.applyDisplay(displayOptions, wall: wallOptions, to: &terminal)
        // Before the clients: a client must be shut down on every path, a recorder need not.
        let recorder = try recordOptions.recorder(sites: effective.sites.count)
        let sites = try await SitePlan.make(effective, ids: chosen, serverOptions: serverOptions, recorder: recorder)
        try await DashboardRunner.run(sites: sites, terminalConfiguration: terminal, metricsAddress: try metricsAddress())
    }
}
