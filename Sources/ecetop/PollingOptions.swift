import ArgumentParser
import ECEMonitor
import ECETerminal

/// How often and how hard to poll: shared by `watch` and `demo`.
struct PollingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds between polls of one entry point, changeable live with +/- (default: 5; demo: 2).", valueName: "SECONDS"))
    var interval: Double?

    @Option(name: .customLong("max-rate"), help: ArgumentHelp("Request budget: requests per second across all entry points; 0 = unlimited.", valueName: "N"))
    var maxRate: Double = 20

    @Option(name: .long, help: ArgumentHelp("Requests the budget lets through at once after a quiet spell.", valueName: "N"))
    var burst: Int = 20

    @Option(name: .long, help: ArgumentHelp("Log file while the screen is up (default: $XDG_STATE_HOME/ecetop/ecetop.log).", valueName: "FILE"))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("Append every event to FILE as JSON lines from the start (w toggles it live; default FILE for w: ecetop-events.jsonl).", valueName: "FILE"))
    var events: String?

    func validate() throws {
        if let interval, !(interval.isFinite && interval >= 0.5 && interval <= 3600) {
            throw ValidationError("--interval must be between 0.5 and 3600 seconds, got \(interval)")
        }
        guard maxRate.isFinite, maxRate >= 0 else { throw ValidationError("--max-rate must be 0 (unlimited) or more, got \(maxRate)") }
        guard burst >= 1 else { throw ValidationError("--burst must be at least 1, got \(burst)") }
    }

    /// Where `w` records events, and whether recording starts at launch (`--events`).
    func terminalConfiguration(logPath: String?, demoURL: String? = nil) -> TerminalConfiguration {
        TerminalConfiguration(logPath: logPath, demoURL: demoURL, eventsPath: events ?? TerminalConfiguration.defaultEventsPath,
                              startJournalAtLaunch: events != nil)
    }

    func monitorConfiguration(defaultInterval: Double = 5) -> MonitorConfiguration {
        var configuration = MonitorConfiguration()
        configuration.interval = .milliseconds(Int64(((interval ?? defaultInterval) * 1000).rounded()))
        configuration.budget = .init(ratePerSecond: maxRate, burst: burst)
        return configuration
    }
}
