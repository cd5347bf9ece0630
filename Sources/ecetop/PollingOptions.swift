import ArgumentParser
import ECEConfig
import ECEMonitor
import ECETerminal

/// How often and how hard to poll, and where logs and events go: shared by `watch`, `demo` and
/// `export`, so each help text holds for all three.
struct PollingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds between polls of one entry point (default: 5; demo: 2); on the dashboard +/- change it live.", valueName: "SECONDS"))
    var interval: Double?

    @Option(name: .customLong("max-rate"), help: ArgumentHelp("Request budget: requests per second across all entry points; 0 = unlimited (default: 20).", valueName: "N"))
    var maxRate: Double?

    @Option(name: .long, help: ArgumentHelp("Requests the budget lets through at once after a quiet spell (default: 20).", valueName: "N"))
    var burst: Int?

    @Option(name: .long, help: ArgumentHelp("Log file (default: watch and demo $XDG_STATE_HOME/ecetop/ecetop.log, export standard error).", valueName: "FILE"))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("Append every event to FILE as JSON lines from the start (on the dashboard w toggles it; w's default FILE: ecetop-events.jsonl).", valueName: "FILE"))
    var events: String?

    func validate() throws {
        try OptionLimit.check("--interval", interval, in: MonitorConfiguration.intervalSeconds, unit: "seconds")
        if let maxRate, !(maxRate.isFinite && maxRate >= 0) { throw ValidationError("--max-rate must be 0 (unlimited) or more, got \(maxRate)") }
        if let burst, burst < 1 { throw ValidationError("--burst must be at least 1, got \(burst)") }
    }

    /// Puts the flags given into `flags`, where they override the config file.
    func fill(_ flags: inout ConfigFlags) {
        flags.interval = interval
        flags.maxRate = maxRate
        flags.burst = burst
    }

    /// Where `w` records events, and whether recording starts at launch (`--events`).
    func terminalConfiguration(logPath: String?, demoURL: String? = nil) -> TerminalConfiguration {
        TerminalConfiguration(logPath: logPath, demoURL: demoURL, eventsPath: events ?? TerminalConfiguration.defaultEventsPath,
                              startJournalAtLaunch: events != nil)
    }
}
