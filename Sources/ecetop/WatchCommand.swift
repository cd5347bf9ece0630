import ArgumentParser
import ECEChat
import ECEConfig
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

    @Argument(help: ArgumentHelp("Entry point IDs or ranges (1000 1001 1005-1009); replace the config file's [[entry-points]].", valueName: "ID"))
    var ids: [String] = []

    func validate() throws {
        // No IDs is fine here: the config file may list them, and it is read in run().
        _ = try parseEntryPointIDs(ids)
    }

    func run() async throws {
        let flags = ConfigFlags(server: serverOptions, polling: pollingOptions, display: displayOptions, wall: wallOptions,
                                ids: try parseEntryPointIDs(ids))
        let effective = try configOptions.effective(flags)
        let entryPoints = try requireEntryPoints(effective)
        try DashboardRunner.requireTerminal()
        // Before the client: a client must be shut down on every path, a recorder need not.
        let recorder = try recordOptions.recorder()
        let client = try serverOptions.makeClient(effective)
        var terminal = pollingOptions.terminalConfiguration(logPath: DashboardRunner.logPath(pollingOptions.log))
        try effective.applyDisplay(displayOptions, wall: wallOptions, to: &terminal)
        var monitorConfiguration = effective.monitorConfiguration()
        monitorConfiguration.recorder = recorder
        try await DashboardRunner.run(client: client, entryPoints: entryPoints,
                                      monitorConfiguration: monitorConfiguration, terminalConfiguration: terminal)
    }
}
