import ECEChat
import ECESimulator
import Foundation
import Testing

/// The built `ecetop` in tmux, sent signals as a supervisor's desktop or a service manager
/// would: the terminal always comes back, with echo on.
@Suite("Signals and the terminal end to end in tmux", .serialized, .timeLimit(.minutes(5)))
struct SignalsEndToEndTests {
    /// A scratch folder, a tmux session, and the demo started so that its PID lands in a file.
    struct Running {
        let tmux: TmuxSession
        let directory: URL
        let pid: pid_t

        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        func cleanUp() {
            tmux.kill()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Starts `ecetop ARGUMENTS` in the pane via `exec`, so the PID the shell writes is ecetop's.
    static func start(_ arguments: String, waitFor what: String = "the dashboard",
                      until condition: @escaping (String) -> Bool = { $0.contains("1000") && $0.contains("allowed") }) async throws -> Running {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-sig-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tmux = try await TmuxSession()
        do {
            let binary = try BuiltBinary.url.path
            let pidFile = directory.appendingPathComponent("pid").path
            let log = directory.appendingPathComponent("ecetop.log").path
            try await tmux.type("sh -c 'echo $$ > \(pidFile); exec \(binary) \(arguments) --log \(log)'")
            let pid = try await TmuxSession.waitForPID(in: pidFile)
            try await tmux.waitFor(what, condition)
            return Running(tmux: tmux, directory: directory, pid: pid)
        } catch {
            tmux.kill()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Back at a shell whose terminal has echo on: `stty` says so and typed text shows.
    static func expectShellWithEcho(_ tmux: TmuxSession, status: Int32) async throws {
        try await tmux.waitForShellPrompt()
        try await tmux.type("echo status=$?")
        try await tmux.waitFor("the exit status") { $0.contains("status=\(status)") }
        try await tmux.type("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo | sed 's/^/mode:/'")
        let modes = try await tmux.waitFor("stty's echo flag") { $0.contains("mode:echo") || $0.contains("mode:-echo") }
        #expect(modes.contains("mode:echo") && !modes.contains("mode:-echo"), "\(modes)")
        try await tmux.type("echo typed-$((6*7))")
        try await tmux.waitFor("typed text echoed and run") { $0.contains("echo typed-$((6*7))") && $0.contains("typed-42") }
    }

    @Test("SIGINT, SIGTERM and SIGHUP restore the terminal and exit with 128 + the signal",
          arguments: [(SIGINT, "INT"), (SIGTERM, "TERM"), (SIGHUP, "HUP")])
    func signalRestoresTheTerminal(signal: Int32, name: String) async throws {
        let running = try await Self.start("demo --interval 1")
        defer { running.cleanUp() }
        #expect(kill(running.pid, signal) == 0, "SIG\(name)")
        try await Self.expectShellWithEcho(running.tmux, status: 128 + signal)
        #expect(!isAlive(running.pid))
    }

    @Test func windowChangeStormNeverCrashes() async throws {
        let running = try await Self.start("demo --interval 1")
        defer { running.cleanUp() }
        let sizes = [(80, 24), (30, 8), (200, 60), (12, 4), (1, 1), (120, 40), (45, 50), (160, 12)]
        for round in 0..<400 {
            #expect(kill(running.pid, SIGWINCH) == 0, "round \(round)")
            if round % 20 == 0 {
                let (width, height) = sizes[(round / 20) % sizes.count]
                try await running.tmux.resize(width: width, height: height)
            }
        }
        try await running.tmux.resize(width: 120, height: 40)
        #expect(isAlive(running.pid))
        // It redraws at the final size: the header and the panels fill the 120 columns again.
        let pane = try await running.tmux.waitFor("a full-size frame after the storm") { pane in
            let lines = pane.split(separator: "\n", omittingEmptySubsequences: false)
            // tmux reflows the old frame at once; the app's own repaint follows its SIGWINCH, so
            // wait for the header on the first row, not for any pane of the right size.
            return lines.count >= 40 && lines[0].hasPrefix(" ecetop ") && pane.contains("1000") && pane.contains("allowed")
                && !pane.contains("too small")
        }
        #expect(pane.split(separator: "\n").first?.hasPrefix(" ecetop  DEMO ") == true)
        try await running.tmux.send("q")
        try await Self.expectShellWithEcho(running.tmux, status: 0)
    }

    @Test func closedEventsPipeIsAnErrorNotADeath() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1003")
        defer { Task { await simulator.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-pipe-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fifo = directory.appendingPathComponent("events.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The test holds the reading end, so ecetop's journal opens; then it goes away.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        #expect(reader >= 0)
        var readerOpen = true
        defer { if readerOpen { close(reader) } }
        let running = try await Self.start("watch --server \(simulator.baseURL) --interval 1 --events \(fifo) 1000-1003",
                                           waitFor: "four panels and the journal recording") { pane in
            pane.components(separatedBy: "allowed").count - 1 >= 4 && pane.contains("● REC")
        }
        defer { running.cleanUp() }
        close(reader)
        readerOpen = false
        // An event to write: 1001 turns inactive. The write meets a pipe nobody reads.
        _ = try await simControl("\(simulator.baseURL)/sim/entrypoints/1001?active=false")
        let pane = try await running.tmux.waitFor("the journal's error in the header") { $0.contains("journal: write failed (Broken pipe)") }
        #expect(!pane.contains("REC"), "\(pane)")
        #expect(isAlive(running.pid))
        try await running.tmux.waitFor("the dashboard still live") { $0.contains("entry_point_inactive") }
        try await running.tmux.send("q")
        try await Self.expectShellWithEcho(running.tmux, status: 0)
    }
}
