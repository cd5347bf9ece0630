import ArgumentParser
import ECEConfig
import ECEMonitor
import ECETerminal

/// How often and how hard to poll, and where logs and events go: shared by `watch`, `demo` and
/// `export`, so each help text holds for all three.
struct PollingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds between polls of one entry point (default: 5; demo: 2); on the dashboard +/- change it live.", valueName: "SECONDS"))
    var interval: Double?

    @Option(name: .long, help: ArgumentHelp("Poll slots, agents and eligibility every Nth round of an entry point (1-10; 1: every round); chatAllowed and liveSessionStatus go every round. Default: the smallest N that lets the interval fit the budget.", valueName: "N"))
    var fullEvery: Int?

    @OptionGroup var budget: BudgetOptions

    @Option(name: .long, help: ArgumentHelp("Log file (default: watch and demo $XDG_STATE_HOME/ecetop/ecetop.log, export standard error).", valueName: "FILE"))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("Append every event to FILE as JSON lines from the start (on the dashboard w toggles it; w's default FILE: ecetop-events.jsonl).", valueName: "FILE"))
    var events: String?

    func validate() throws {
        try OptionLimit.check("--interval", interval, in: MonitorConfiguration.intervalSeconds, unit: "seconds")
        try OptionLimit.check("--full-every", fullEvery.map(Double.init), in: Double(CallRotation.fullEveryRange.lowerBound)...Double(CallRotation.fullEveryRange.upperBound))
    }

    /// Puts the flags given into `flags`, where they override the config file.
    func fill(_ flags: inout ConfigFlags) {
        flags.interval = interval
        flags.fullEvery = fullEvery
        budget.fill(&flags)
    }

    /// Where `w` records events, and whether recording starts at launch (`--events`).
    func terminalConfiguration(logPath: String?, demoURL: String? = nil) -> TerminalConfiguration {
        TerminalConfiguration(logPath: logPath, demoURL: demoURL, eventsPath: events ?? TerminalConfiguration.defaultEventsPath,
                              startJournalAtLaunch: events != nil)
    }
}
