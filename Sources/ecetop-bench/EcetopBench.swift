import ArgumentParser

/// `ecetop-bench`: the benchmark harness behind `scripts/bench` (README, "Performance").
///
/// Each subcommand measures one thing and prints `RESULT key value` lines that the driver
/// script collects into the table; everything else it prints is commentary.
@main
struct EcetopBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecetop-bench",
        abstract: "Measures ecetop's poll throughput, frame cost and memory (driven by scripts/bench).",
        subcommands: [PollCommand.self, FrameCommand.self, PtyBytesCommand.self, HistoryMemoryCommand.self, ReaderScalingCommand.self, WriteRecordingCommand.self, TransportCommand.self]
    )
}
