import ECEChat
import ECESimulator
import Foundation
import Testing

/// The built `ecetop` in tmux against the simulator: what a supervisor would see and press.
@Suite("Dashboard end to end in tmux", .serialized, .timeLimit(.minutes(5)))
struct DashboardEndToEndTests {
    @Test func queueDepthReachedTurnsThePanelRedAndKeysWork() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1003")
        let tmux = try await TmuxSession()
        defer {
            tmux.kill()
            Task { await simulator.stop() }
        }
        let binary = try BuiltBinary.url.path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-e2e-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        try await tmux.type("\(binary) watch --server \(simulator.baseURL) --interval 1 --log \(log) 1000-1003")
        try await tmux.waitFor("four allowed panels") { pane in
            pane.components(separatedBy: "allowed").count - 1 >= 4 && pane.contains("1003")
        }

        // Flip 1001 into queue_depth_reached through the simulator's control API.
        _ = try await simControl("\(simulator.baseURL)/sim/entrypoints/1001?maxDepth=2&depth=2")
        let red = try await tmux.waitFor("a red queue_depth_reached panel", escapes: true) { pane in
            pane.split(separator: "\n").contains { line in
                line.contains("queue_depth_reached") && (line.contains("38;5;196") || line.contains("48;5;196"))
            }
        }
        #expect(red.contains("1 critical") || red.contains("✖ 1"))

        try await tmux.send("?")
        try await tmux.waitFor("the help overlay") { $0.contains("Esc close help") && $0.contains("acknowledge") }
        try await tmux.send("Escape")
        try await tmux.waitFor("the grid again") { !$0.contains("Esc close help") }

        // Select 1001 (the second panel) and open its detail.
        try await tmux.send("l")
        try await tmux.send("Enter")
        let detail = try await tmux.waitFor("the detail of 1001") { pane in
            pane.contains("liveSessionStatus") && pane.contains("chatAllowed") && pane.contains("checkEligibility")
        }
        #expect(detail.contains("1001"))
        try await tmux.send("Escape")

        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
        // Back at the shell, with echo on: a typed command shows and runs.
        try await tmux.type("echo back-$((40+2))")
        try await tmux.waitFor("the shell after quitting") { $0.contains("echo back-$((40+2))") && $0.contains("back-42") }
    }
}
