import ArgumentParser
import ECEChat
import ECECommon
import Foundation

/// P1: 200 entry points × 5 calls through `ChatAPIClient`, no budget, as `ecetop check` does.
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "P1: time N entry points × 5 calls through ecetop's client (median over runs)."
    )

    @Option(help: "The simulator's base URL (a separate `ecetop simulate` process).")
    var server: String

    @Option(help: "Entry points to poll, from --first-id.")
    var entryPoints = 200

    @Option(help: "The first entry point ID.")
    var firstID: Int64 = 1000

    @Option(help: "Requests in flight at once (the client's cap, as wrk's -c).")
    var concurrency = 8

    @Option(help: "Timed runs (one untimed warm-up run comes first).")
    var runs = 5

    func run() async throws {
        let server = try ChatAPIServer(parsing: server)
        var configuration = ChatAPIClient.Configuration()
        configuration.maximumConcurrentRequests = concurrency
        let ids = Bench.entryPoints(first: firstID, count: entryPoints)
        var times: [Double] = []
        for run in 0...runs {
            // A new client each run: its connections are opened inside the timing, as wrk's are.
            let client = try ChatAPIClient(server: server, configuration: configuration)
            let started = ContinuousClock.now
            let failures = await Self.pollAll(ids, client: client)
            let elapsed = (ContinuousClock.now - started).inSeconds
            try await client.shutdown()
            guard failures == 0 else { throw ValidationErrorText("\(failures) of \(ids.count * 5) requests failed") }
            if run > 0 {
                times.append(elapsed)
                print(String(format: "run %d: %d requests in %.4f s (%.0f req/s)", run, ids.count * 5, elapsed, Double(ids.count * 5) / elapsed))
            }
        }
        Bench.result("p1.ecetop.seconds", Bench.median(times))
        Bench.result("p1.requests", ids.count * ChatAPICall.allCases.count)
    }

    /// All five calls for every ID at once; the client keeps `concurrency` on the wire.
    /// - Returns: how many failed.
    static func pollAll(_ ids: [EntryPointID], client: ChatAPIClient) async -> Int {
        await withTaskGroup(of: Bool.self) { group in
            for id in ids {
                for call in ChatAPICall.allCases {
                    group.addTask { await client.exchange(call, entryPoint: id).value != nil }
                }
            }
            var failures = 0
            for await succeeded in group where !succeeded { failures += 1 }
            return failures
        }
    }
}
