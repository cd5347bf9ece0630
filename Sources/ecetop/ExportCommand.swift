import ArgumentParser
import ECEChat
import ECEConfig
import ECEMetrics
import ECEMonitor
import Foundation
import Logging

/// `ecetop export`: the monitor without a screen, serving `/metrics` for Prometheus.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Poll entry points like watch does and serve the results as Prometheus metrics at /metrics.",
        discussion: """
        Prints one line "ecetop export serving http://HOST:PORT/metrics …" when ready; logs (every \
        monitor event) go to standard error, or to --log FILE. SIGINT or SIGTERM stops it. \
        See README, "Prometheus export", for the metrics and docs/ for a scrape config, alert rules \
        and a Grafana dashboard.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Address to serve /metrics on; port 0 picks a free one.", valueName: "HOST:PORT"))
    var listen = "127.0.0.1:9464"

    @OptionGroup var serverOptions: ServerOptions
    @OptionGroup var pollingOptions: PollingOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var recordOptions: RecordOptions

    @Argument(help: ArgumentHelp("Entry point IDs or ranges (1000 1001 1005-1009); replace the config file's [[entry-points]].", valueName: "ID"))
    var ids: [String] = []

    func validate() throws {
        _ = try parseEntryPointIDs(ids)
        _ = try listenAddress()
    }

    func listenAddress() throws -> ListenAddress {
        do {
            return try ListenAddress(parsing: listen)
        } catch {
            throw ValidationError("--listen: \(error)")
        }
    }

    func run() async throws {
        var flags = ConfigFlags()
        serverOptions.fill(&flags)
        pollingOptions.fill(&flags)
        flags.ids = try parseEntryPointIDs(ids)
        let effective = try configOptions.effective(flags)
        if effective.sites.isEmpty { _ = try requireEntryPoints(effective) }
        let address = try listenAddress()
        try redirectLog(to: pollingOptions.log)
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let recorder = try recordOptions.recorder(sites: effective.sites.count)
        let plans = try await SitePlan.make(effective, ids: flags.ids, serverOptions: serverOptions, recorder: recorder)
        let exporter = MetricsExporter()
        let sites = plans.map { plan in
            SiteMonitor(name: plan.title, client: plan.client, entryPoints: plan.entryPoints, configuration: plan.monitorConfiguration,
                        exporter: exporter)
        }
        if let events = pollingOptions.events {
            for site in sites { site.monitor.send(.startJournal(events)) }
        }
        let server: RunningMetricsServer
        do {
            server = try await MetricsServer.start(exporter, configuration: .init(address: address, stopsOnSignals: true))
        } catch {
            await SitePlan.shutdown(plans)
            throw CommandFailure("\(error)")
        }
        let count = plans.map(\.entryPoints.count).reduce(0, +)
        let names = sites.map(\.name).joined(separator: ", ")
        // Written straight to the file descriptor: the ready line must not wait in a buffer.
        FileHandle.standardOutput.write(Data("ecetop export serving \(server.metricsURL) for \(count) entry points on \(names)\n".utf8))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await HeapTrimmer.run() }
            for site in sites { group.addTask { await site.run() } }
            await server.waitUntilStopped()
            group.cancelAll()
        }
        await SitePlan.shutdown(plans)
    }

    /// `--log FILE`: standard error goes to the file from now on.
    private func redirectLog(to path: String?) throws {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CommandFailure("--log: cannot open \(path): \(String(cString: strerror(errno)))") }
        dup2(fd, 2)
        close(fd)
    }
}
