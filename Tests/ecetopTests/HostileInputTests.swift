import ECEChat
import ECESimulator
import Foundation
import Testing

/// Hostile command lines and files: each a one-line error naming the value or `FILE:LINE`,
/// a non-zero exit, never a crash or a hang. Serialized: dozens of binaries started at once
/// starve the in-process servers of other suites on a small machine.
@Suite("Hostile input, as a built binary", .serialized, .timeLimit(.minutes(5)))
struct HostileInputTests {
    /// The first line of standard error, where the one-line message goes.
    static func firstLine(_ result: BuiltBinary.Result) -> String {
        result.standardError.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test(arguments: [
        (["check", "--server", "http://x", "12a"], #"invalid entry point ID "12a": not a positive whole number"#),
        (["check", "--server", "http://x", "--", "-5"], #"invalid entry point ID "-5": not a positive whole number"#),
        (["check", "--server", "http://x", "-5"], "Unknown option '-5'"),
        (["check", "--server", "http://x", "1000", "1000"], #"invalid entry point ID "1000": 1000 is listed twice"#),
        (["check", "--server", "http://x", "1000-1005", "1003"], #"invalid entry point ID "1003": 1003 is listed twice"#),
        (["check", "--server", "http://x", "1-10001"], #"invalid entry point ID "1-10001": more than 10000 entry points in all"#),
        (["check", "--server", "http://x", "1-99999999999999999999"], "larger than a 64-bit integer"),
        (["check", "--server", "http://x", "1\u{1B}[31m"], #"invalid entry point ID "1[31m""#),
        (["check", "--server", "http://[::1", "1000"], #"invalid server URL "http://[::1""#),
        (["check", "--server", "http://exa mple.com", "1000"], #"invalid server URL "http://exa mple.com""#),
        (["check", "--server", "https://host:abc", "1000"], #"invalid server URL "https://host:abc""#),
        (["check", "--server", "javascript:alert(1)", "1000"], "the scheme must be http or https"),
        (["check", "--server", "http://", "1000"], "no host"),
        (["check", "--server", "http://host/#frag", "1000"], "a query or fragment has no place"),
        (["check", "--server", "http://x", "--timeout", "nan", "1000"], "--timeout must be"),
        (["check", "--server", "http://x", "--timeout", "-1", "1000"], "--timeout"),
        (["check", "--server", "http://x", "--timeout", "1e9", "1000"], "--timeout must be"),
        (["check", "--server", "http://x", "--format", "yaml", "1000"], "yaml"),
    ])
    func badArgumentsAreOneLineErrors(arguments: [String], message: String) async throws {
        let result = try await BuiltBinary.run(arguments)
        #expect(result.status == 64, "stderr: \(result.standardError)")
        #expect(Self.firstLine(result).contains(message), "stderr: \(result.standardError)")
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func tenThousandIDsWorkAndOneMoreIsRefused() async throws {
        // Port 1 refuses at once (as in CheckCommandTests), so the 50,000 calls load no
        // in-process server that other tests share; the round's overall deadline (timeout +
        // 0.5 s) ends whatever is left, and every entry point still gets its row. The budget is
        // lifted: at the default 20 requests/s the 50,000 calls would take over 40 minutes.
        let ids = (1...10_000).map(String.init)
        let result = try await BuiltBinary.run(["check", "--json", "--max-rate", "0", "--timeout", "1", "--server", "http://127.0.0.1:1", ids.joined(separator: ",")],
                                               timeout: .seconds(120))
        #expect(result.status != 0 && result.status != 64, "stderr: \(result.standardError)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == 10_000)
        let tooMany = try await BuiltBinary.run(["check", "--server", "http://x", "1-10000,10001"])
        #expect(tooMany.status == 64)
        #expect(Self.firstLine(tooMany).contains("more than 10000 entry points in all"), "\(tooMany.standardError)")
        // As 10,000 separate arguments: refused at once, saying how to write them instead.
        let separate = try await BuiltBinary.run(["check", "--server", "http://x"] + ids)
        #expect(separate.status == 64)
        #expect(Self.firstLine(separate) == "Error: 10003 arguments are too many (at most 1000): "
            + "give entry points as ranges or comma-separated lists, e.g. 1-10000 or 1000,1002,1005-1009")
    }

    @Test func brokenAndBinaryFilesNameTheFile() async throws {
        let folder = try ConfigCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let binary = (folder as NSString).appendingPathComponent("binary.toml")
        try Data([0xFF, 0xFE, 0x00, 0x01, 0xC3, 0x28, 0x0A, 0x5B, 0x0A]).write(to: URL(fileURLWithPath: binary))
        let config = try ConfigCommandTests.write("interval = 5\ntimeout = \"soon\"\n", in: folder)
        let scenario = try ConfigCommandTests.write("[[entry_points]]\nids = 1000\nqueue = [\n", in: folder, as: "scenario.toml")
        let environment = ["XDG_CONFIG_HOME": folder]
        let runs: [([String], String)] = [
            (["config", "check", config], "\(config):2:"),
            (["config", "check", binary], "\(binary)"),
            (["check", "--config", binary, "--server", "http://x", "1000"], "\(binary)"),
            (["simulate", "--port", "0", "--scenario", scenario], "\(scenario):"),
            (["simulate", "--port", "0", "--scenario", binary], "\(binary)"),
        ]
        for (arguments, prefix) in runs {
            let result = try await BuiltBinary.run(arguments, environment: environment)
            #expect(result.status != 0, "\(arguments)")
            #expect(Self.firstLine(result).contains(prefix), "\(arguments): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count <= 3, "\(arguments): \(result.standardError)")
        }
    }

    @Test func noTerminalIsAOneLineError() async throws {
        // stdin /dev/null, stdout a pipe: the dashboard refuses before it starts anything.
        for arguments in [["watch", "--server", "http://x", "1000"], ["demo"]] {
            let result = try await BuiltBinary.run(arguments)
            // A failure at run time, not a usage error: one line, no usage text, status 1.
            #expect(result.status == 1)
            #expect(result.standardError == "ecetop: the dashboard needs a terminal on stdin and stdout; for scripts and pipes use `ecetop check ID…`\n")
        }
    }

    @Test func termUnsetOrUnknownIsAOneLineError() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000")
        let tmux = try await TmuxSession()
        defer {
            tmux.kill()
            Task { await simulator.stop() }
        }
        let binary = try BuiltBinary.url.path
        try await tmux.type("env -u TERM \(binary) watch --server \(simulator.baseURL) 1000; echo exit=$?")
        try await tmux.waitFor("the TERM message") { $0.contains("ecetop: TERM is not set") && $0.contains("exit=1") }
        try await tmux.type("clear; TERM=no-such-terminal \(binary) watch --server \(simulator.baseURL) 1000; echo exit=$?")
        let pane = try await tmux.waitFor("the unknown-terminal message") { $0.contains("exit=") && !$0.contains("clear;") }
        #expect(pane.contains("unknown terminal type \"no-such-terminal\""), "\(pane)")
        #expect(pane.contains("exit=1"))
        try await tmux.type("clear; \(binary) watch --server \(simulator.baseURL) 1000 | cat; echo exit=$?")
        let piped = try await tmux.waitFor("the pipe message") { $0.contains("exit=") && !$0.contains("clear;") }
        #expect(piped.contains("the dashboard needs a terminal"), "\(piped)")
    }

    @Test func aTinyTerminalSaysSoAndACLocaleDrawsASCII() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1001")
        let tiny = try await TmuxSession(width: 20, height: 5)
        let plain = try await TmuxSession()
        defer {
            tiny.kill()
            plain.kill()
            Task { await simulator.stop() }
        }
        let binary = try BuiltBinary.url.path
        try await tiny.type("\(binary) watch --server \(simulator.baseURL) 1000-1001")
        try await tiny.waitFor("the too-small notice") { $0.contains("too small") }
        try await tiny.send("q")
        try await tiny.waitForShellPrompt()

        try await plain.type("LANG=C LC_ALL=C \(binary) watch --server \(simulator.baseURL) 1000-1001")
        let pane = try await plain.waitFor("two panels") { $0.components(separatedBy: "allowed").count - 1 >= 2 }
        #expect(!pane.contains("─") && !pane.contains("│"), "\(pane)")
        #expect(pane.contains("+-") || pane.contains("|"), "\(pane)")
        try await plain.send("q")
        try await plain.waitForShellPrompt()
    }
}
