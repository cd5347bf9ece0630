import ECETestSupport
import Foundation

/// A private tmux server with one 120×40 session, for driving the built binary like a person.
final class TmuxSession: Sendable {
    let socket: String
    let session = "ecetop"

    init(width: Int = 120, height: Int = 40) async throws {
        socket = "ecetop-test-\(UUID().uuidString.prefix(8))"
        // `swift test` sets NO_COLOR for its own output; the pane must be a colour terminal.
        try await Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                       "-e", "LANG=C.UTF-8", "-e", "TERM=tmux-256color", "-e", "PS1=$ ", "-e", "NO_COLOR=", "sh"])
    }

    /// Types `keys` into the pane (tmux key names such as `Enter`, `Escape`, `C-c` allowed).
    func send(_ keys: String...) async throws {
        try await Self.tmux(["-L", socket, "send-keys", "-t", session] + keys)
    }

    /// Types a line of text literally, then Enter.
    func type(_ line: String) async throws {
        try await Self.tmux(["-L", socket, "send-keys", "-t", session, "-l", line])
        try await send("Enter")
    }

    /// The pane's text; with `escapes`, including the SGR colour sequences.
    func capture(escapes: Bool = false) async throws -> String {
        try await Self.tmux(["-L", socket, "capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
    }

    /// Polls the pane until `condition` holds, failing after `timeout` with the last capture.
    @discardableResult
    func waitFor(_ what: String, escapes: Bool = false, timeout: Duration = .seconds(20), _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = try await capture(escapes: escapes)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw PaneTimeout(what: what, pane: last)
    }

    /// Waits until the dashboard has gone and the shell shows its prompt (`$`, or `#` as root,
    /// where dash ignores `PS1`): typing before the terminal is restored can be flushed away
    /// with the dashboard's input.
    func waitForShellPrompt() async throws {
        try await waitFor("the shell prompt") { pane in
            let last = pane.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return ["$", "#"].contains(last?.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Synchronous so that a `defer` can call it; kill-server returns at once.
    func kill() {
        _ = try? Self.runTmux(["-L", socket, "kill-server"])
    }

    struct PaneTimeout: Error, CustomStringConvertible {
        var what: String
        var pane: String
        var description: String { "timed out waiting for \(what); the pane showed:\n\(pane)" }
    }

    struct TmuxFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs tmux and returns what it printed.
    ///
    /// Spawned with `posix_spawn`, an empty signal mask and output to a file: test threads block
    /// signals (a tmux server inheriting that mask hangs), and the forked tmux server would hold
    /// a pipe open forever.
    @discardableResult
    static func tmux(_ arguments: [String]) async throws -> String {
        try await onOwnThread { try runTmux(arguments) }
    }

    private static func runTmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-tmux-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        spawnClosesInheritedDescriptors(&actions)
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
        let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else {
            throw TmuxFailed(description: "cannot start tmux (is it installed?)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw TmuxFailed(description: "tmux \(arguments.joined(separator: " ")): \(text)") }
        return text
    }
}

/// Sends a control request to the simulator over HTTP, as a person would with curl.
///
/// curl runs on a thread of its own: the in-process simulator needs the pool to answer it.
func simControl(_ url: String, method: String = "POST") async throws -> String {
    try await onOwnThread { try runCurl(url, method: method) }
}

private func runCurl(_ url: String, method: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["curl", "-sS", "-X", method, url]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
