import ArgumentParser
import ECEChat

/// The ecetop command line: a live dashboard and tools for Cisco ECE chat entry points.
@main
struct Ecetop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecetop",
        abstract: "Watch Cisco ECE (eGain) chat entry points: queues, wait times, free slots, alerts.",
        version: ECEChatVersion.current,
        subcommands: [WatchCommand.self, DemoCommand.self, CheckCommand.self, ExportCommand.self, ReplayCommand.self, SurveyCommand.self, SimulateCommand.self, ThemesCommand.self, ConfigCommand.self],
        defaultSubcommand: WatchCommand.self
    )
}
