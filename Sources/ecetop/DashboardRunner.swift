import ArgumentParser
import ECEChat
import ECEMetrics
import ECEMonitor
import ECETerminal
import Foundation
import Logging

/// Runs the monitor and the terminal dashboard together until the user quits.
enum DashboardRunner {
    static func run(client: ChatAPIClient, entryPoints: [EntryPointID], monitorConfiguration: MonitorConfiguration,
                    terminalConfiguration: TerminalConfiguration, metricsAddress: ListenAddress? = nil) async throws {
        let site = SitePlan(name: nil, client: client, entryPoints: entryPoints, monitorConfiguration: monitorConfiguration, timeout: 0)
        try await run(sites: [site],
                      terminalConfiguration: terminalConfiguration, metricsAddress: metricsAddress)
    }

    /// One monitor per site, each with its own client and budget; with several sites the
    /// dashboard gets their snapshots merged into one. `metricsAddress` also serves `/metrics`.
    static func run(sites: [SitePlan], terminalConfiguration: TerminalConfiguration, metricsAddress: ListenAddress? = nil) async throws {
        // A write to a pipe or socket whose reader has gone (an `--events` FIFO, a server that
        // closed) must fail with EPIPE, not kill the process with the screen still up.
        signal(SIGPIPE, SIG_IGN)
        let exporter = metricsAddress.map { _ in MetricsExporter() }
        let monitors = sites.map { site in
            SiteMonitor(name: site.title, client: site.client, entryPoints: site.entryPoints, configuration: site.monitorConfiguration,
                        exporter: exporter, logger: Logger(label: "ecetop.monitor"))
        }
        var metricsServer: RunningMetricsServer?
        if let exporter, let metricsAddress {
            do {
                let server = try await MetricsServer.start(exporter, configuration: .init(address: metricsAddress))
                // The screen hides standard output and error: the log file says where the metrics are.
                appendLine("ecetop watch serving \(server.metricsURL)", toLog: terminalConfiguration.logPath)
                metricsServer = server
            } catch {
                await SitePlan.shutdown(sites)
                throw CommandFailure("--metrics-listen: \(error)")
            }
        }
        let app = TerminalApp(configuration: terminalConfiguration)
        let merger = SiteSnapshotMerger(names: monitors.map(\.name))
        let work: [@Sendable () async -> Void] = [{ await HeapTrimmer.run() }] + monitors.enumerated().map { index, site in
            {
                await site.run { snapshot in
                    if let merged = await merger.merge(snapshot, at: index) { app.publish(merged) }
                }
            }
        }
        var failure: (any Error)?
        do {
            try await app.run(beside: work, commands: { command in
                for site in monitors { site.monitor.send(command) }
            }, outputs: {
                monitors.map(\.monitor.outputs).reduce(OutputFileStatus()) { $0.merged(with: $1) }
            })
        } catch {
            failure = error
        }
        await metricsServer?.stop()
        await SitePlan.shutdown(sites)
        if let failure { throw CommandFailure("\(failure)") }
        // Ended by SIGINT, SIGTERM or SIGHUP: the terminal is restored; report it as a shell would.
        if let signal = app.endingSignal { throw ExitCode(128 + signal) }
    }

    /// Appends one line to the log file (the screen is not up yet, so the file is not open).
    private static func appendLine(_ line: String, toLog path: String?) {
        guard let path, let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try? handle.close()
    }

    /// Refuses before anything starts (the demo's simulator included) when there is no
    /// terminal to draw on; `TerminalApp` would say the same, but only after that work.
    static func requireTerminal() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(TerminalError.notATerminal.description)
        }
        guard let term = ProcessInfo.processInfo.environment["TERM"], !term.isEmpty else {
            throw CommandFailure(TerminalError.terminalTypeUnset.description)
        }
    }

    /// `$XDG_STATE_HOME/ecetop/ecetop.log`, else `~/.local/state/ecetop/ecetop.log`; the folder is made.
    static func logPath(_ explicit: String?) -> String {
        if let explicit { return explicit }
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        let folder = (state as NSString).appendingPathComponent("ecetop")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder as NSString).appendingPathComponent("ecetop.log")
    }
}
