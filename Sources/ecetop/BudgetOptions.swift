import ArgumentParser
import ECEConfig

/// The request budget's flags: shared by `watch`, `demo`, `export` and `check`.
struct BudgetOptions: ParsableArguments {
    @Option(name: .customLong("max-rate"), help: ArgumentHelp("Request budget: requests per second to each server (each [[sites]] entry has its own); 0 = unlimited (default: 20).", valueName: "N"))
    var maxRate: Double?

    @Option(name: .long, help: ArgumentHelp("Requests the budget lets through at once after a quiet spell (default: 20).", valueName: "N"))
    var burst: Int?

    func validate() throws {
        if let maxRate, !(maxRate.isFinite && maxRate >= 0) { throw ValidationError("--max-rate must be 0 (unlimited) or more, got \(maxRate)") }
        if let burst, burst < 1 { throw ValidationError("--burst must be at least 1, got \(burst)") }
    }

    /// Puts the flags given into `flags`, where they override the config file.
    func fill(_ flags: inout ConfigFlags) {
        flags.maxRate = maxRate
        flags.burst = burst
    }
}
