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
    @OptionGroup var budgetOptions: BudgetOptions

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
        budgetOptions.fill(&flags)
        flags.ids = try parseEntryPointIDs(ids)
        let effective = try configOptions.effective(flags)
        let plans = try await SitePlan.make(effective, ids: flags.ids, serverOptions: serverOptions)
        // Sites are checked side by side: one that does not answer costs one deadline, not one per site.
        let startedUp = ContinuousClock.now - Ecetop.launchedAt
        let results = await withTaskGroup(of: (Int, [EntryPointCheck]).self) { group in
            for (index, plan) in plans.enumerated() {
                group.addTask {
                    // The run's own start-up (reading the config, resolving names) comes out of
                    // the half second beyond the request deadline, not on top of it.
                    let timeout = Duration.milliseconds(Int64(plan.timeout * 1000))
                    let overall = max(timeout, timeout + .milliseconds(500) - startedUp)
                    return (index, await EntryPointCheck.run(plan.entryPoints, client: plan.client,
                                                             budget: plan.monitorConfiguration.budget, overallTimeout: overall))
                }
            }
            var results = Array(repeating: [EntryPointCheck](), count: plans.count)
            for await (index, checks) in group { results[index] = checks }
            return results
        }
        await SitePlan.shutdown(plans)
        let sites = effective.sites.isEmpty ? nil : plans.map(\.title)
        if json {
            print(CheckReport.json(results, sites: sites))
        } else {
            for (index, (plan, checks)) in zip(plans, results).enumerated() {
                if index > 0 { print() }
                print(CheckReport.table(checks, server: plan.client.server, site: plan.name), terminator: "")
            }
        }
        let checks = results.flatMap { $0 }
        let worst = checks.map(\.severity).max() ?? .ok
        if worst != .ok { throw ExitCode(worst.exitStatus) }
    }
}
