import ECEChat
import ECESimulator
import Foundation
import Testing

/// Sixty entry points, as a contact centre has them: the table, `v`, the totals line, the
/// pinned wall and the bell, with the built binary in tmux against the simulator.
@Suite("Many entry points end to end in tmux", .serialized)
struct ManyEntryPointsEndToEndTests {
    static let range = "1000-1059"

    /// A session watching the 60 entry points of a still `busy` simulator; `body` gets the pane.
    static func watching(_ extra: String = "", width: Int = 120, height: Int = 40,
                         _ body: (TmuxSession, RunningSimulator) async throws -> Void) async throws {
        let simulator = try await CheckCommandTests.startSimulator(.busy, range)
        let tmux = try await TmuxSession(width: width, height: height)
        defer {
            tmux.kill()
            Task { await simulator.stop() }
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-many-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let binary = try BuiltBinary.url.path
        try await tmux.type("\(binary) watch --server \(simulator.baseURL) --interval 1 --max-rate 0 --log \(log) \(extra) \(range)")
        try await body(tmux, simulator)
    }

    /// The sum of every queue depth as the simulator reports it.
    static func waitingOnServer(_ simulator: RunningSimulator) async -> Int {
        var sum = 0
        for raw in Int64(1000)...1059 { sum += await simulator.status(of: EntryPointID(raw)!)?.queueDepth ?? 0 }
        return sum
    }

    @Test(.timeLimit(.minutes(2)))
    func autoShowsTheTableVTogglesAndTheTotalsMatchTheServer() async throws {
        try await Self.watching { tmux, simulator in
            let table = try await tmux.waitFor("the table with every value read") { pane in
                pane.contains("CHAT ALLOWED") && pane.contains("waiting ") && !pane.contains("left out")
            }
            let rows = table.split(separator: "\n").filter { $0.contains(" allowed") || $0.contains("queue_depth_reached") }
            #expect(rows.count >= 30, "one row per entry point:\n\(table)")
            let waiting = await Self.waitingOnServer(simulator)
            #expect(table.contains("waiting \(waiting) · longest wait "), "the server has \(waiting) chats waiting:\n\(table)")
            #expect(table.contains("allowed 60/60") || table.contains("allowed "), "\(table)")

            try await tmux.send("v")
            let grid = try await tmux.waitFor("the grid of panels") { $0.contains("╔ 1000") && !$0.contains("CHAT ALLOWED") }
            #expect(grid.contains("waiting \(waiting) · "), "the totals stay in the grid")
            try await tmux.send("v")
            try await tmux.waitFor("the table again") { $0.contains("CHAT ALLOWED") && !$0.contains("╔ 1000") }
            try await tmux.send("q")
            try await tmux.waitForShellPrompt()
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func theWallPinsBothCriticalsOnEveryPage() async throws {
        try await Self.watching("--wall --rotate 1") { tmux, simulator in
            for id in [1023, 1047] {
                _ = try await simControl("\(simulator.baseURL)/sim/entrypoints/\(id)?maxDepth=2&depth=2")
            }
            try await tmux.waitFor("two criticals on the wall") { $0.contains("✖ 2 critical") }
            var pages: Set<String> = []
            let deadline = ContinuousClock.now + .seconds(30)
            while pages.count < 3, ContinuousClock.now < deadline {
                let pane = try await tmux.capture()
                guard pane.contains("✖ 2 critical"), let footer = pane.split(separator: "\n").last(where: { $0.contains("page ") }) else {
                    continue
                }
                #expect(pane.contains(" 1023 "), "\(pane)")
                #expect(pane.contains(" 1047 "), "\(pane)")
                pages.insert(String(footer.split(separator: " ").last ?? ""))
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(pages.count >= 3, "pages seen: \(pages)")
            try await tmux.send("q")
            try await tmux.waitForShellPrompt()
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func theBellRingsOnceForANewCritical() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-bell-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1003")
        let tmux = try await TmuxSession()
        defer {
            tmux.kill()
            Task { await simulator.stop() }
        }
        let binary = try BuiltBinary.url.path
        try await TmuxSession.tmux(["-L", tmux.socket, "pipe-pane", "-t", tmux.session, "-o", "cat >> \(output)"])
        try await tmux.type("\(binary) watch --server \(simulator.baseURL) --interval 1 --bell --log /dev/null 1000-1003")
        try await tmux.waitFor("four allowed panels") { $0.components(separatedBy: "allowed").count - 1 >= 4 }
        func bells() -> Int { ((try? Data(contentsOf: URL(fileURLWithPath: output))) ?? Data()).filter { $0 == 0x07 }.count }
        #expect(bells() == 0, "no bell while all is well")

        _ = try await simControl("\(simulator.baseURL)/sim/entrypoints/1001?maxDepth=2&depth=2")
        let deadline = ContinuousClock.now + .seconds(20)
        while bells() == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(bells() == 1, "one BEL when 1001 turned critical")
        // It stays critical for several more polls: no second bell.
        try await tmux.waitFor("the critical panel", timeout: .seconds(10)) { $0.contains("queue_depth_reached") }
        let settled = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < settled { try await Task.sleep(for: .milliseconds(100)) }
        #expect(bells() == 1, "not again while it stays")
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
    }

    /// The table's availability: a group heading and its subtotal give the same figure over the
    /// last hour, and `1` on a detail screen moves the table to 5 minutes.
    @Test(.timeLimit(.minutes(2)))
    func groupAvailabilityFollowsTheDetailScreensWindow() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-avail-\(UUID().uuidString).toml").path
        try "[[entry-points]]\nids = \"1000-1029\"\ngroup = \"Front\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try await Self.watching("--view table --config \(config)") { tmux, _ in
            /// The heading's figure and the group's subtotal row, from one capture.
            func figures(_ window: String) async throws -> (heading: String, subtotal: String) {
                let pane = try await tmux.waitFor("the Front group's availability over \(window)") { pane in
                    pane.contains("AVAIL") && pane.contains("─ Front avail \(window) ") && pane.contains("subtotal")
                }
                let lines = pane.split(separator: "\n").map(String.init)
                let heading = try #require(lines.first { $0.hasPrefix("─ Front avail \(window) ") })
                let figure = try #require(heading.split(separator: " ").first { $0.hasSuffix("%") })
                let subtotal = try #require(lines.first { $0.contains("subtotal") && $0.contains("allowed ") && $0.contains("/30") })
                return (String(figure), subtotal)
            }
            let quarter = try await figures("1 h")
            let share = try #require(Double(quarter.heading.dropLast()))
            #expect((0...100).contains(share))
            #expect(quarter.subtotal.contains(" \(quarter.heading) "), "the subtotal row's AVAIL is the heading's: \(quarter.subtotal)")
            try await tmux.send("Enter")
            try await tmux.waitFor("the detail screen") { $0.contains("availability 1 h:") }
            try await tmux.send("1")
            try await tmux.waitFor("the 5 minute window") { $0.contains("availability 5 min:") }
            try await tmux.send("Escape")
            let five = try await figures("5 min")
            #expect(Double(five.heading.dropLast()).map { (0...100).contains($0) } == true, "\(five)")
            try await tmux.send("q")
            try await tmux.waitForShellPrompt()
        }
    }
}
