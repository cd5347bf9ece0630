import ArgumentParser
import ECEChat
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

    @Flag(name: .long, help: "Print a JSON array, one object per entry point.")
    var json = false

    @Argument(help: ArgumentHelp("Entry point IDs or ranges (1000 1001 1005-1009).", valueName: "ID"))
    var ids: [String]

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one entry point ID") }
        _ = try parseEntryPointIDs(ids)
    }

    func run() async throws {
        let entryPoints = try parseEntryPointIDs(ids)
        let client = try serverOptions.makeClient()
        let checks = await EntryPointCheck.run(entryPoints, client: client, overallTimeout: .milliseconds(Int64(serverOptions.timeout * 1000) + 500))
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
