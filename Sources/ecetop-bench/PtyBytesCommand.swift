import ArgumentParser
import Foundation

/// P3b: bytes `ecetop watch` writes to its terminal when one value on screen changes.
struct PtyBytesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pty-bytes",
        abstract: "P3b: run `ecetop watch` on a pty and count the bytes of the frame that shows one changed value."
    )

    @Option(help: "The ecetop binary.")
    var ecetop: String

    @Option(help: "The simulator's base URL (run with --speed 0 so that nothing else changes).")
    var server: String

    @Option(help: "Entry points to watch, from 1000.")
    var entryPoints = 12

    @Option(help: "The entry point whose queue depth changes.")
    var changeID: Int64 = 1005

    @Option(help: "Poll interval of the dashboard, seconds.")
    var interval = 1.0

    @Option(help: "Seconds to run before measuring: every panel's queue chart fills its row and every state duration passes a minute (then it shows whole minutes), so the frames measured carry the change and the clock, not the start-up's growth.")
    var settle = 65.0

    @Option(help: "Seconds of idle frames to observe before the changes.")
    var observe = 4.0

    @Option(help: "How many changes (median of their frames).")
    var changes = 3

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        let last = 1000 + entryPoints - 1
        let recorder = try PtyRecorder(
            arguments: [ecetop, "watch", "--server", server, "--interval", "\(interval)", "--max-rate", "0",
                        "--log", "/dev/null", "1000-\(last)"],
            width: 120, height: 40, environment: environment)
        try await Task.sleep(for: .milliseconds(Int64(settle * 1000)))
        let startupFrames = recorder.frames()
        let idleStart = ContinuousClock.now
        try await Task.sleep(for: .milliseconds(Int64(observe * 1000)))
        let idleFrames = recorder.frames().filter { $0.start >= idleStart }
        var changeFrames: [Double] = []
        for change in 0..<changes {
            let changedAt = ContinuousClock.now
            // Depth 0 → 1 → 0 → 1 …: one number on one panel (its wait time follows it).
            try await Bench.control("\(server)/sim/entrypoints/\(changeID)?depth=\(change % 2 == 0 ? 1 : 0)")
            try await Task.sleep(for: .milliseconds(Int64(interval * 1000) + 1700))
            let after = recorder.frames().filter { $0.start >= changedAt }
            changeFrames.append(Double(after.map(\.bytes).max() ?? 0))
        }
        await recorder.finish()
        let idle = idleFrames.map { Double($0.bytes) }
        print("first frames (bytes): \(startupFrames.prefix(12).map(\.bytes))")
        print("idle frames over \(observe) s (bytes): \(idleFrames.map(\.bytes))")
        print("largest frame after each change (bytes): \(changeFrames.map { Int($0) })")
        Bench.result("p3.bytes.change", Bench.median(changeFrames))
        Bench.result("p3.bytes.idleFrame", idle.isEmpty ? 0 : Bench.median(idle))
        Bench.result("p3.bytes.idleFrameMax", idle.max() ?? 0)
        Bench.result("p3.bytes.idleFramesPerSecond", Double(idleFrames.count) / observe)
        Bench.result("p3.bytes.fullFrame", startupFrames.map(\.bytes).max() ?? 0)
    }
}
