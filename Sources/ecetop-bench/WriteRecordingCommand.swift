import ArgumentParser
import ECEChat
import ECEMonitor
import ECESimulator
import Foundation

/// P6's input: a recording as `--record` writes it, of the simulator's `busy` day, made by
/// the real recorder on a clock that only moves in steps (a day takes minutes, not a day).
struct WriteRecordingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-recording",
        abstract: "P6: write a recording of N entry points polled every S seconds for H hours (for ecetop report)."
    )

    @Option(help: "Where the recording goes (replaced).")
    var out: String

    @Option(help: "Entry points, from 1000.")
    var entryPoints = 200

    @Option(help: "Hours of polling.")
    var hours = 24.0

    @Option(help: "Seconds between polls of one entry point.")
    var interval = 5

    func run() throws {
        try? FileManager.default.removeItem(atPath: out)
        let ids = Bench.entryPoints(first: 1000, count: entryPoints)
        var model = SimulationModel(scenario: ScenarioPreset.busy.scenario(entryPoints: ids), seed: 17)
        let recorder = try PollRecorder(.init(path: out, maximumBytes: .max))
        var configuration = MonitorConfiguration()
        configuration.interval = .seconds(interval)
        let origin = Date(timeIntervalSince1970: 1_795_000_000)
        let server = "http://127.0.0.1:8080/system/egain/chat/entrypoint"
        recorder.begin(RecordingHeader(server: server, entryPoints: ids, configuration: configuration, started: origin))
        let rounds = Int(hours * 3600) / interval
        let step = Double(interval) / Double(max(1, entryPoints))
        for round in 0..<rounds {
            model.advance(to: Double(round * interval))
            for (index, id) in ids.enumerated() {
                guard let status = model.status(of: id) else { continue }
                let exchanges = ChatAPICall.allCases.map { call in
                    ChatAPIExchange(call: call, entryPoint: id, outcome: .success(status.value(for: call)), httpStatus: 200,
                                    contentType: nil, latency: .microseconds(800 + Int64(index % 7) * 130), body: [])
                }
                let time = origin.addingTimeInterval(Double(round * interval) + Double(index) * step)
                recorder.record(exchanges, of: id, server: server, interval: configuration.interval, at: time)
            }
        }
        if let error = recorder.lastError { throw ValidationError(error) }
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print("RESULT p6.recording.lines \(rounds * entryPoints + 1)")
        print("RESULT p6.recording.MB \(String(format: "%.1f", Double(size) / 1_048_576))")
    }
}
