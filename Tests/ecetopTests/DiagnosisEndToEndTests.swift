import ECEChat
import ECESimulator
import Foundation
import Testing

/// The built `ecetop` in tmux against the simulator: stopping the assignment service shows the
/// system-wide banner, the detail shows the raw body and the explanation, the event log and
/// the `--events` journal record the transition.
@Suite("Diagnosis end to end in tmux", .serialized, .timeLimit(.minutes(5)))
struct DiagnosisEndToEndTests {
    @Test func serviceStopShowsTheSystemWideBannerAndTheDetailShowsTheRawBody() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1003")
        let tmux = try await TmuxSession()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-diag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            tmux.kill()
            Task { await simulator.stop() }
            try? FileManager.default.removeItem(at: directory)
        }
        let binary = try BuiltBinary.url.path
        let log = directory.appendingPathComponent("ecetop.log").path
        let events = directory.appendingPathComponent("incident.jsonl").path
        try await tmux.type("\(binary) watch --server \(simulator.baseURL) --interval 1 --log \(log) --events \(events) 1000-1003")
        try await tmux.waitFor("four allowed panels and the journal recording") { pane in
            pane.components(separatedBy: "allowed").count - 1 >= 4 && pane.contains("● REC")
        }

        _ = try await simControl("\(simulator.baseURL)/sim/service/stop")
        let banner = try await tmux.waitFor("the system-wide assignment service banner") { pane in
            pane.range(of: #"assignment service not running on 4 of 4 entry points since \d\d:\d\d:\d\d"#, options: .regularExpression) != nil
        }
        // One cause, one banner: not mistaken for an unreachable server or HTTP errors.
        #expect(!banner.contains("server unreachable"))
        #expect(!banner.contains("server answering HTTP"))

        try await tmux.send("Enter")
        let detail = try await tmux.waitFor("the detail with the raw chatAllowed body") { pane in
            pane.contains("last response of chatAllowed") && pane.contains("<chatAllowed") && pane.contains("Agent Assignment Service")
        }
        #expect(detail.contains("service_not_running"))
        #expect(detail.contains("p95"))
        #expect(detail.contains("queue depth"))

        try await tmux.send("e")
        try await tmux.waitFor("the transition in the event log") { $0.contains("status: allowed → service_not_running") }

        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
        try await tmux.type("echo back-$((40+2))")
        try await tmux.waitFor("the shell after quitting") { $0.contains("back-42") }

        // The journal holds the transition as one JSON object per line.
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == lines.count && !lines.isEmpty)
        #expect(objects.contains { $0["kind"] as? String == "statusChanged" && $0["new"] as? String == "service_not_running" })
    }
}
