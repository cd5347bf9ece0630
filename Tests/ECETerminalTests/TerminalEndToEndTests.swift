import ECEChat
import ECEMonitor
@testable import ECETerminal
import ECETestSupport
import Foundation
import Glibc
import Testing

/// The real dashboard, on a real terminal: the test binary runs itself inside a private tmux
/// server, and the outer test drives it with keys and resizes and reads the screen back.
@Suite(.timeLimit(.minutes(5))) struct TerminalEndToEndTests {
    static let environment = ProcessInfo.processInfo.environment
    static let isHarness = environment["ECETOP_TUI_HARNESS"] != nil

    /// The inner half: shows the dashboard on this process's terminal until `q`, recording the
    /// commands keys send. Runs only inside the tmux session the outer test starts.
    @Test(.enabled(if: isHarness))
    func harness() async throws {
        let directory = Self.environment["ECETOP_TUI_HARNESS"]!
        var configuration = TerminalConfiguration(logPath: directory + "/stderr.log", clockZone: .utc, demoURL: "http://127.0.0.1:9")
        // The panels this test looks for, whether or not all twelve fit the pane.
        configuration.viewMode = .grid
        let app = TerminalApp(configuration: configuration)
        let recorder = CommandRecorder(path: directory + "/commands.log")
        let publisher = Task {
            var generation = 0
            while !Task.isCancelled {
                generation += 1
                var snapshot = FrameCases.grid
                snapshot.generation = generation
                snapshot.takenAt = Date()
                app.publish(snapshot)
                if generation == 3 {
                    // Something written to stderr while the screen is up must land in the log.
                    FileHandle.standardError.write(Data("stderr while the screen is up\n".utf8))
                }
                if generation == 5, Self.environment["ECETOP_TUI_CRASH"] != nil {
                    fatalError("deliberate crash while the screen is up")
                }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        defer { publisher.cancel() }
        try await app.run { command in recorder.record(command) }
        try "clean exit\n".write(toFile: directory + "/exit.log", atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: !isHarness), .timeLimit(.minutes(1)))
    func dashboardInTmux() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-e2e-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tmux = Tmux(socket: "ecetop-e2e-\(getpid())")
        defer { tmux.run(["kill-server"]) }
        tmux.startHarness(directory: directory)

        let grid = await tmux.waitForScreen { $0.contains("12 entry points") && $0.contains("1005") }
        #expect(grid.contains("DEMO http://127.0.0.1:9"))
        #expect(grid.contains("✖ CRIT queue_depth_reached"))
        #expect(grid.contains("╔ 1000"))
        let colours = tmux.run(["capture-pane", "-p", "-e", "-t", "S"])
        #expect(colours.contains("38;5;196"), "critical red is drawn in colour 196")

        tmux.run(["send-keys", "-t", "S", "p", "Right", "r"])
        let commands = await waitForFile(directory + "/commands.log") { $0.contains("refresh(nil)") }
        #expect(commands.contains("togglePause"))
        #expect(commands.contains("select(Optional(1001))"))

        tmux.run(["send-keys", "-t", "S", "Enter"])
        let detail = await tmux.waitForScreen { $0.contains("last response of chatAllowed") }
        #expect(detail.contains("agentAvailability"))
        tmux.run(["send-keys", "-t", "S", "Escape", "?"])
        _ = await tmux.waitForScreen { $0.contains("Help") && $0.contains("acknowledge all alerts") }
        tmux.run(["send-keys", "-t", "S", "Escape"])

        tmux.run(["resize-window", "-t", "S", "-x", "30", "-y", "10"])
        _ = await tmux.waitForScreen { $0.contains("terminal too small") }
        for (width, height) in [(200, 60), (5, 2), (41, 13), (1, 1), (120, 40)] {
            tmux.run(["resize-window", "-t", "S", "-x", "\(width)", "-y", "\(height)"])
        }
        // The screen may still show an intermediate size for a moment: wait for the last one's
        // layout (120 columns fit panel 1005 on the first page).
        let resized = await tmux.waitForScreen { $0.contains("12 entry points") && $0.contains("1005") }
        #expect(resized.contains("1005"))

        tmux.run(["send-keys", "-t", "S", "q"])
        let exit = await waitForFile(directory + "/exit.log") { $0.contains("clean exit") }
        #expect(exit.contains("clean exit"))
        let log = (try? String(contentsOfFile: directory + "/stderr.log", encoding: .utf8)) ?? ""
        #expect(log.contains("stderr while the screen is up"))
        let after = await tmux.waitForScreen(until: Self.showsStty)
        #expect(!after.contains("╔ 1000"), "the dashboard is gone after quitting")
        #expect(after.contains(Tmux.shellMark), "the screen from before the dashboard is back (alternate screen left)")
        Self.expectSaneTerminal(after)
    }

    @Test(.enabled(if: !isHarness), .timeLimit(.minutes(1)))
    func controlCQuitsAndRestoresTheTerminal() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-e2e-c-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tmux = Tmux(socket: "ecetop-e2e-c-\(getpid())")
        defer { tmux.run(["kill-server"]) }
        tmux.startHarness(directory: directory)
        _ = await tmux.waitForScreen { $0.contains("12 entry points") }
        tmux.run(["send-keys", "-t", "S", "C-c"])
        let exit = await waitForFile(directory + "/exit.log") { $0.contains("clean exit") }
        #expect(exit.contains("clean exit"))
        Self.expectSaneTerminal(await tmux.waitForScreen(until: Self.showsStty))
    }

    @Test(.enabled(if: !isHarness), .timeLimit(.minutes(1)))
    func crashRestoresTheTerminal() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-e2e-x-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tmux = Tmux(socket: "ecetop-e2e-x-\(getpid())")
        defer { tmux.run(["kill-server"]) }
        tmux.startHarness(directory: directory, extraEnvironment: ["ECETOP_TUI_CRASH=1", "SWIFT_BACKTRACE=enable=no"])
        let screen = await tmux.waitForScreen(until: Self.showsStty)
        #expect(!FileManager.default.fileExists(atPath: directory + "/exit.log"), "the harness crashed")
        Self.expectSaneTerminal(screen)
    }

    /// `stty -a`'s output is on screen through its local-modes line (which holds `icanon`,
    /// `echo` and, last of them, `echoke`, each perhaps negated): "speed", its first word, can
    /// show before the rest is drawn.
    static func showsStty(_ screen: String) -> Bool {
        screen.contains("speed") && screen.contains("echoke")
    }

    /// `stty -a` after the dashboard: echo and line editing are back on.
    static func expectSaneTerminal(_ screen: String) {
        #expect(screen.contains("icanon") && !screen.contains("-icanon"), "canonical mode restored")
        #expect(screen.contains(" echo") && !screen.contains("-echo "), "echo restored")
    }

    func waitForFile(_ path: String, until condition: (String) -> Bool) async -> String {
        var text = ""
        for _ in 0..<200 {
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if condition(text) { return text }
            try? await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(path); last: \(text)")
        return text
    }
}

/// Appends each command to a file, one line each.
final class CommandRecorder: Sendable {
    let path: String
    init(path: String) {
        self.path = path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
    }

    func record(_ command: MonitorCommand) {
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        handle.seekToEndOfFile()
        handle.write(Data("\(command)\n".utf8))
        try? handle.close()
    }
}

/// A private tmux server (`-L`), so tests never touch the user's sessions.
struct Tmux {
    let socket: String

    /// Runs a tmux command and returns its output.
    ///
    /// Spawned with `posix_spawn` and an empty signal mask: a test runs on a thread that
    /// blocks signals, a child inherits that mask, and a tmux server that cannot receive
    /// SIGCHLD or SIGTERM hangs (as does Foundation's `Process` waiting for it).
    @discardableResult
    func run(_ arguments: [String]) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(socket)-\(UInt64.random(in: 0...UInt64.max))").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        spawnClosesInheritedDescriptors(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // Found on PATH, as ecetopTests finds it; a test that needs tmux fails without it.
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else {
            Issue.record("cannot start tmux (is it installed and on PATH?)")
            return ""
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Printed on the normal screen before the dashboard starts: seen again after it ends only
    /// when the dashboard left the alternate screen.
    static let shellMark = "ecetop-e2e-before-dashboard"

    /// Starts this test binary's `harness` test in a 100×30 session; `stty -a` runs after it.
    func startHarness(directory: String, extraEnvironment: [String] = []) {
        let binary = CommandLine.arguments[0]
        run(["new-session", "-d", "-s", "S", "-x", "100", "-y", "30",
             "-e", "LANG=C.UTF-8", "-e", "TERM=tmux-256color", "-e", "ECETOP_TUI_HARNESS=\(directory)"]
            + extraEnvironment.flatMap { ["-e", $0] } + [
             "echo \(Self.shellMark); \(binary) --testing-library swift-testing --filter 'TerminalEndToEndTests/harness' ; stty -a; sleep 30"])
    }

    func waitForScreen(until condition: (String) -> Bool) async -> String {
        var screen = ""
        for _ in 0..<200 {
            screen = run(["capture-pane", "-p", "-t", "S"])
            if condition(screen) { return screen }
            try? await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out; screen was:\n\(screen)")
        return screen
    }
}

@Suite struct TerminalAppTests {
    /// Without a terminal, `run` fails with a one-line error before touching anything.
    @Test(.enabled(if: isatty(0) == 0 || isatty(1) == 0))
    func runWithoutTerminalIsAnError() async {
        let app = TerminalApp()
        await #expect(throws: TerminalError.notATerminal) {
            try await app.run { _ in }
        }
        #expect(TerminalError.notATerminal.description.contains("ecetop check"))
    }

    @Test func frameTimeoutIsCappedAtOneSecond() {
        #expect(TerminalConfiguration(frameTimeout: .seconds(2)).frameTimeout == .seconds(1))
        #expect(TerminalConfiguration(frameTimeout: .milliseconds(100)).frameTimeout == .milliseconds(100))
    }
}
