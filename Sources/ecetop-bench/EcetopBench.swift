import ArgumentParser

/// `ecetop-bench`: the benchmark harness behind `scripts/bench` (see docs/benchmarks.md).
@main
struct EcetopBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecetop-bench",
        abstract: "Measures ecetop's poll throughput, frame cost and memory (driven by scripts/bench).",
        subcommands: []
    )
}
