import ArgumentParser
import ECEChat
import ECEConfig
import ECEMonitor
import Foundation

/// `ecetop check`: one round of all five status calls per entry point, as a table or JSON.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Call all five status endpoints once for each entry point and print the result.",
        discussion: """
        Exit status follows the monitoring-plugin convention, worst entry point first: \
        2 CRITICAL (queue_depth_reached, service_not_running, invalid_entry_point), \
        3 UNKNOWN (chatAllowed unreadable), 1 WARNING (another reason, or a call failed), 0 OK.
        """
    )

    @OptionGroup var serverOptions: ServerOptions
    @OptionGroup var configOptions: ConfigOptions

    @Flag(name: .long, help: "Print a JSON array, one object per entry point.")
    var json = false

    @Argument(help: ArgumentHelp("Entry point IDs or ranges (1000 1001 1005-1009); replace the config file's [[entry-points]].", valueName: "ID"))
    var ids: [String] = []

    func validate() throws {
        // No IDs is fine here: the config file may list them, and it is read in run().
        _ = try parseEntryPointIDs(ids)
    }

    func run() async throws {
        var flags = ConfigFlags()
        serverOptions.fill(&flags)
        flags.ids = try parseEntryPointIDs(ids)
        let effective = try configOptions.effective(flags)
        let entryPoints = try requireEntryPoints(effective)
        let client = try serverOptions.makeClient(effective)
        let overall = Duration.milliseconds(Int64(effective.timeout.value * 1000) + 500)
        let checks = await EntryPointCheck.run(entryPoints, client: client, overallTimeout: overall)
        try? await client.shutdown()
        if json {
            print(CheckReport.json(checks))
        } else {
            print(CheckReport.table(checks, server: client.server), terminator: "")
        }
        let worst = checks.map(\.severity).max() ?? .ok
        if worst != .ok { throw ExitCode(worst.exitStatus) }
    }
}
