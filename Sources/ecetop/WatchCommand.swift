import ArgumentParser
import ECEChat
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

    @Argument(help: ArgumentHelp("Entry point IDs or ranges (1000 1001 1005-1009).", valueName: "ID"))
    var ids: [String] = []

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one entry point ID, e.g. ecetop --server URL 1000-1009") }
        _ = try parseEntryPointIDs(ids)
    }

    func run() async throws {
        let entryPoints = try parseEntryPointIDs(ids)
        try DashboardRunner.requireTerminal()
        let client = try serverOptions.makeClient()
        let terminal = pollingOptions.terminalConfiguration(logPath: DashboardRunner.logPath(pollingOptions.log))
        try await DashboardRunner.run(client: client, entryPoints: entryPoints,
                                      monitorConfiguration: pollingOptions.monitorConfiguration(), terminalConfiguration: terminal)
    }
}
