import ArgumentParser
import ECEChat
import Foundation

/// The ecetop command line: a live dashboard and tools for Cisco ECE chat entry points.
@main
struct Ecetop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecetop",
        abstract: "Watch Cisco ECE (eGain) chat entry points: queues, wait times, free slots, alerts.",
        version: ECEChatVersion.current,
        subcommands: [WatchCommand.self, DemoCommand.self, CheckCommand.self, ExportCommand.self, ReplayCommand.self, ReportCommand.self, SurveyCommand.self, SimulateCommand.self, ThemesCommand.self, ConfigCommand.self],
        defaultSubcommand: WatchCommand.self
    )

    /// Most arguments a command line may have. swift-argument-parser's time grows with the
    /// square of the count (10,000 IDs as separate arguments take minutes), so a longer line
    /// is refused at once; ranges and comma lists carry any number of IDs in one argument.
    static let maximumArgumentCount = 1000

    /// When the process began its work (read first thing in `main`), for deadlines that count
    /// the start-up in.
    static let launchedAt = ContinuousClock.now

    static func main() async {
        _ = launchedAt
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count <= maximumArgumentCount else {
            FileHandle.standardError.write(Data(("Error: \(arguments.count) arguments are too many (at most \(maximumArgumentCount)): "
                + "give entry points as ranges or comma-separated lists, e.g. 1-10000 or 1000,1002,1005-1009\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            printError("ecetop: \(failure)")
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
