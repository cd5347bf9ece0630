import ArgumentParser
import ECEChat
import ECEMonitor
import ECETerminal
import Foundation
import Logging

/// Runs the monitor and the terminal dashboard together until the user quits.
enum DashboardRunner {
    static func run(client: ChatAPIClient, entryPoints: [EntryPointID], monitorConfiguration: MonitorConfiguration,
                    terminalConfiguration: TerminalConfiguration) async throws {
        let monitor = ChatMonitor(client: client, entryPoints: entryPoints, configuration: monitorConfiguration,
                                  logger: Logger(label: "ecetop.monitor"))
        // A write to a pipe or socket whose reader has gone (an `--events` FIFO, a server that
        // closed) must fail with EPIPE, not kill the process with the screen still up.
        signal(SIGPIPE, SIG_IGN)
        let app = TerminalApp(configuration: terminalConfiguration)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await monitor.run() }
                group.addTask {
                    for await snapshot in monitor.snapshots { app.publish(snapshot) }
                }
                try await app.run { command in monitor.send(command) }
                group.cancelAll()
            }
        } catch let error as TerminalError {
            try? await client.shutdown()
            throw ValidationError(error.description)
        }
        try? await client.shutdown()
        // Ended by SIGINT, SIGTERM or SIGHUP: the terminal is restored; report it as a shell would.
        if let signal = app.endingSignal { throw ExitCode(128 + signal) }
    }

    /// Refuses before anything starts (the demo's simulator included) when there is no
    /// terminal to draw on; `TerminalApp` would say the same, but only after that work.
    static func requireTerminal() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw ValidationError(TerminalError.notATerminal.description)
        }
        guard let term = ProcessInfo.processInfo.environment["TERM"], !term.isEmpty else {
            throw ValidationError(TerminalError.terminalTypeUnset.description)
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
