import Foundation

/// More of tmux for the fault and signal tests: a second window to run a process beside the
/// dashboard, resizing, and files a process in the pane writes (its PID, its port).
extension TmuxSession {
    /// Runs `command` (through the shell) in a new detached window named `name`.
    func runInNewWindow(_ name: String, _ command: String) async throws {
        try await Self.tmux(["-L", socket, "new-window", "-d", "-t", "\(session):", "-n", name, command])
    }

    /// Resizes the dashboard's window as a terminal emulator would (the pane gets SIGWINCH).
    func resize(width: Int, height: Int) async throws {
        try await Self.tmux(["-L", socket, "resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls `path` until it holds a whole line, failing after `timeout`; returns that line.
    static func waitForLine(in path: String, _ what: String, timeout: Duration = .seconds(20)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let end = text.firstIndex(of: "\n") {
                return String(text[..<end])
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw PaneTimeout(what: what, pane: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(no \(path))")
    }

    /// The PID a process in the pane wrote to `path` (`echo $$ > path; exec …`).
    static func waitForPID(in path: String) async throws -> pid_t {
        let line = try await waitForLine(in: path, "a PID in \(path)")
        guard let pid = pid_t(line.trimmingCharacters(in: .whitespaces)), pid > 1 else {
            throw TmuxFailed(description: "not a PID in \(path): \(line)")
        }
        return pid
    }
}

/// Whether a process is still there (signal 0 checks without sending anything).
func isAlive(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
}
