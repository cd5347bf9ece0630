import ArgumentParser

/// `ecetop simulate`: runs the ECE chat API simulator (filled in by the simulator work).
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate", abstract: "Run a simulated ECE chat API server.", shouldDisplay: false)
    func run() async throws { throw ValidationError("the simulator is not built yet") }
}
