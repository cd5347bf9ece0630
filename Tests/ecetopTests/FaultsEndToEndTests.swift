import ECEChat
import ECESimulator
import ECETestSupport
import Foundation
import Testing

/// The built `ecetop` in tmux while the server misbehaves: absent, killed and restarted,
/// stalling every request. The last good values stay, the errors say what happened, and the
/// keys keep working.
@Suite("Faults end to end in tmux", .serialized, .timeLimit(.minutes(5)))
struct FaultsEndToEndTests {
    /// `ecetop simulate` in a window of its own, so the test can kill it like a crash.
    struct SimulatorWindow {
        let pid: pid_t
        let port: Int

        static func start(in tmux: TmuxSession, directory: URL, port: Int, name: String) async throws -> SimulatorWindow {
            let binary = try BuiltBinary.url.path
            let pidFile = directory.appendingPathComponent("\(name).pid").path
            let output = directory.appendingPathComponent("\(name).out").path
            let errors = directory.appendingPathComponent("\(name).err").path
            try await tmux.runInNewWindow(name, "echo $$ > \(pidFile); exec \(binary) simulate --port \(port) --scenario calm --entry-points 1000-1003 --speed 0 > \(output) 2> \(errors)")
            let pid = try await TmuxSession.waitForPID(in: pidFile)
            let ready = try await TmuxSession.waitForLine(in: output, "the simulator's ready line")
            guard let text = ready.split(separator: ":").last, let bound = Int(text) else {
                throw TmuxSession.TmuxFailed(description: "no port in \"\(ready)\"")
            }
            return SimulatorWindow(pid: pid, port: bound)
        }
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-faults-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The numbers after `label` on the screen, panel by panel (`slots 9` → 9).
    static func values(_ label: String, in pane: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "(?<!free )\(label) +([0-9]+)")
        return pattern.matches(in: pane, range: NSRange(pane.startIndex..., in: pane)).compactMap { match in
            Range(match.range(at: 1), in: pane).map { String(pane[$0]) }
        }
    }

    static func allowedPanels(_ pane: String) -> Int { pane.components(separatedBy: "● OK allowed").count - 1 }

    @Test func serverAbsentAtStartThenStarted() async throws {
        let directory = try Self.scratch()
        let tmux = try await TmuxSession()
        let held = try BoundButNotListening()
        var isHeld = true
        var started: SimulatorWindow?
        defer {
            if isHeld { held.close() }
            if let started { kill(started.pid, SIGTERM) }
            tmux.kill()
            try? FileManager.default.removeItem(at: directory)
        }
        let binary = try BuiltBinary.url.path
        let log = directory.appendingPathComponent("ecetop.log").path
        try await tmux.type("\(binary) watch --server http://127.0.0.1:\(held.number) --interval 1 --timeout 1 --log \(log) 1000-1003")
        let down = try await tmux.waitFor("connection refused on the panels and the unreachable banner") { pane in
            pane.contains("connection refused (127.0.0.1:\(held.number)") && pane.contains("server unreachable")
        }
        #expect(down.contains("no data yet"), "\(down)")

        held.close()
        isHeld = false
        started = try await SimulatorWindow.start(in: tmux, directory: directory, port: held.number, name: "sim")
        let up = try await tmux.waitFor("four allowed panels once the server is there") { pane in
            Self.allowedPanels(pane) == 4 && !pane.contains("connection refused") && !pane.contains("unreachable")
        }
        #expect(Self.values("slots", in: up).count == 4, "\(up)")

        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
    }

    @Test func simulatorKilledAndRestartedOnTheSamePort() async throws {
        let directory = try Self.scratch()
        let tmux = try await TmuxSession()
        var simulators: [SimulatorWindow] = []
        defer {
            for simulator in simulators { kill(simulator.pid, SIGKILL) }
            tmux.kill()
            try? FileManager.default.removeItem(at: directory)
        }
        let first = try await SimulatorWindow.start(in: tmux, directory: directory, port: 0, name: "first")
        simulators.append(first)
        let binary = try BuiltBinary.url.path
        let log = directory.appendingPathComponent("ecetop.log").path
        try await tmux.type("\(binary) watch --server http://127.0.0.1:\(first.port) --interval 1 --timeout 1 --log \(log) 1000-1003")
        let live = try await tmux.waitFor("four allowed panels") { Self.allowedPanels($0) == 4 && Self.values("slots", in: $0).count == 4 }
        let slots = Self.values("slots", in: live)
        let queues = Self.values("queue", in: live)

        // Killed outright: no goodbye on its connections.
        #expect(kill(first.pid, SIGKILL) == 0)
        let down = try await tmux.waitFor("the unreachable banner and stale panels") { pane in
            pane.contains("server unreachable") && pane.components(separatedBy: "STALE").count - 1 == 4
        }
        // The last good values stay, with their age and what went wrong.
        #expect(Self.values("slots", in: down) == slots, "\(down)")
        #expect(Self.values("queue", in: down) == queues, "\(down)")
        #expect(down.range(of: #"data [0-9]+s old"#, options: .regularExpression) != nil, "\(down)")
        #expect(down.contains("connection refused") || down.contains("connection reset"), "\(down)")

        let second = try await SimulatorWindow.start(in: tmux, directory: directory, port: first.port, name: "second")
        simulators.append(second)
        try await tmux.waitFor("fresh panels after the restart") { pane in
            Self.allowedPanels(pane) == 4 && !pane.contains("STALE") && !pane.contains("unreachable") && !pane.contains("failed")
        }
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
    }

    @Test func keysAreAnsweredWhileEveryRequestStalls() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1003")
        let tmux = try await TmuxSession()
        let directory = try Self.scratch()
        defer {
            tmux.kill()
            Task { await simulator.stop() }
            try? FileManager.default.removeItem(at: directory)
        }
        var faults = FaultSettings()
        faults.stallRate = 1
        await simulator.setFaults(faults)
        let binary = try BuiltBinary.url.path
        let log = directory.appendingPathComponent("ecetop.log").path
        // A deadline far beyond this test's waits: everything below happens before it.
        try await tmux.type("\(binary) watch --server \(simulator.baseURL) --interval 1 --timeout 120 --log \(log) 1000-1003")
        try await tmux.waitFor("four panels waiting for data") { $0.components(separatedBy: "no data yet").count - 1 == 4 }
        let deadline = ContinuousClock.now + .seconds(20)
        while await simulator.requestCounts().open < 8, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }

        try await tmux.send("?")
        let help = try await tmux.waitFor("the help overlay while every request hangs") { $0.contains("Esc close help") }
        #expect(!help.contains("no answer within"))
        try await tmux.send("Escape")
        try await tmux.waitFor("the grid again") { !$0.contains("Esc close help") }
        try await tmux.send("+")
        try await tmux.waitFor("the monitor taking the new interval") { $0.contains("every 2s") }

        // Twenty requests wanted the wire; the in-flight cap let eight through.
        let counts = await simulator.requestCounts()
        #expect(counts.peakOpen == 8, "\(counts)")
        #expect(counts.open == 8, "\(counts)")

        // Quitting does not wait for the hanging requests' deadline.
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
        try await tmux.type("echo status=$?")
        try await tmux.waitFor("a clean exit") { $0.contains("status=0") }
        let end = ContinuousClock.now + .seconds(20)
        while await simulator.requestCounts().open > 0, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(await simulator.requestCounts().open == 0)
    }
}
