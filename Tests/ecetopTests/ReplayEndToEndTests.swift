import ECEChat
import ECEMonitor
import ECESimulator
import Foundation
import Testing

/// `--record` on a live dashboard, then `ecetop replay` of that file, through the built binary.
@Suite("Record and replay end to end", .serialized, .timeLimit(.minutes(5)))
struct ReplayEndToEndTests {
    /// Waits (with a deadline) until the recording holds `lines` lines.
    static func waitForLines(_ path: String, _ lines: Int) async throws -> [Substring] {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let found = text.split(separator: "\n")
            if found.count >= lines { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RecordingWait(path: path, lines: lines)
    }

    struct RecordingWait: Error, CustomStringConvertible {
        var path: String
        var lines: Int
        var description: String { "\(path) did not reach \(lines) lines" }
    }

    @Test func recordedWatchReplaysWithTheRecordedClockAndKeys() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1001")
        let tmux = try await TmuxSession()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-e2e-\(UUID().uuidString).jsonl").path
        defer {
            tmux.kill()
            try? FileManager.default.removeItem(atPath: path)
            Task { await simulator.stop() }
        }
        let binary = try BuiltBinary.url.path
        try await tmux.type("TZ=UTC \(binary) watch --server \(simulator.baseURL) --interval 1 --log /dev/null --record \(path) 1000-1001")
        try await tmux.waitFor("live panels") { $0.contains("1000") && $0.contains("OK") }
        let lines = try await Self.waitForLines(path, 7)
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
        #expect(lines[0].contains(#""format":"ecetop-recording""#) && lines[0].contains(#""version":1"#))

        let recording = try Recording.read([path])
        let started = String(recording.header.started.prefix(19)).replacingOccurrences(of: "T", with: " ")
        try await tmux.type("TZ=UTC \(binary) replay \(path) --speed 0.25 --log /dev/null")
        let first = try await tmux.waitFor("the replay at its start") { $0.contains(" REPLAY 0.25x ") && $0.contains("1000") }
        // The header's clock is the recorded day and time, not today's.
        #expect(first.split(separator: "\n").first?.contains(String(started.prefix(11))) == true)

        try await tmux.send("Space")
        try await tmux.waitFor("paused") { $0.contains(" REPLAY 0.25x PAUSED ") }
        try await tmux.send("+")
        try await tmux.waitFor("faster while paused") { $0.contains(" REPLAY 0.5x PAUSED ") }
        // A minute forward is past the few seconds recorded: the end is shown, not left.
        try await tmux.send(">")
        let end = try await tmux.waitFor("the end") { $0.contains(" REPLAY 0.5x END ") }
        // The last picture stays up (what it shows depends on what the live run saw).
        #expect(end.contains("1000") && end.contains("1001"))
        try await tmux.send("<")
        let back = try await tmux.waitFor("back at the start") { $0.contains(" REPLAY 0.5x PAUSED ") }
        #expect(back.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces).hasSuffix(started) == true, "header: \(back.split(separator: "\n").first ?? "")")
        try await tmux.send("Space")
        try await tmux.waitFor("playing to the end again") { $0.contains(" REPLAY 0.5x END ") }
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
    }

    @Test func badRecordingIsAOneLineErrorWithItsLine() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-bad-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = #"{"format":"ecetop-recording","version":1,"started":"2026-11-26T10:00:00.000Z","server":"s","interval":2,"historyWindow":3600,"budgetPerSecond":20,"budgetBurst":20,"thresholds":{},"entryPoints":[{"id":1000}]}"#
        try (header + "\n{\"time\":\"2026-11-26T10:00:01.000Z\",\"server\":\"s\"\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await BuiltBinary.run(["replay", path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("Error: \(path):2: not valid JSON\n"), "stderr: \(result.standardError)")
    }
}
