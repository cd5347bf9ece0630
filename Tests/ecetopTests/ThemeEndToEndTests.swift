import ECEChat
import ECESimulator
import Foundation
import Testing

/// Themes through the built binary: `ecetop themes`, `--theme`, `t` live, `--no-color --ascii`.
@Suite("Themes end to end", .serialized, .timeLimit(.minutes(5)))
struct ThemeEndToEndTests {
    /// An empty config folder, so that the user's own themes do not change what is listed.
    static func emptyConfigHome() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func themesListsEveryShippedThemePlainWhenNotATerminal() async throws {
        let config = try Self.emptyConfigHome()
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.createDirectory(atPath: config + "/ecetop/themes", withIntermediateDirectories: true)
        try "[ok]\nforground = 2\n".write(toFile: config + "/ecetop/themes/typo.toml", atomically: true, encoding: .utf8)
        let result = try await BuiltBinary.run(["themes"], environment: ["XDG_CONFIG_HOME": config])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.prefix { $0 != " " } } == ["default", "high-contrast", "light", "monochrome", "solarized-dark", "typo"])
        #expect(lines[0].contains("/themes/default.toml "))
        #expect(lines[0].contains(" ok warning critical stale  Colour-blind safe"))
        #expect(lines[5].hasSuffix("error: \(config)/ecetop/themes/typo.toml:2: unknown key \"forground\" in [ok] (known: foreground, background, attributes, monochrome)"))
        #expect(!result.standardOutput.contains("\u{1B}"))
    }

    @Test func unknownThemeIsAOneLineError() async throws {
        let config = try Self.emptyConfigHome()
        defer { try? FileManager.default.removeItem(atPath: config) }
        let result = try await BuiltBinary.run(["demo", "--theme", "nosuch"], environment: ["XDG_CONFIG_HOME": config])
        #expect(result.status != 0)
        #expect(result.standardError.contains("Error: no theme named \"nosuch\" (available: default, high-contrast, light, monochrome, solarized-dark; ecetop themes lists them)"))
    }

    @Test func tChangesTheColoursOnScreen() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1001")
        let tmux = try await TmuxSession()
        let config = try Self.emptyConfigHome()
        defer {
            tmux.kill()
            try? FileManager.default.removeItem(atPath: config)
            Task { await simulator.stop() }
        }
        let binary = try BuiltBinary.url.path
        try await tmux.type("XDG_CONFIG_HOME=\(config) \(binary) watch --server \(simulator.baseURL) --interval 1 --log /dev/null 1000-1001")
        // The default theme's ok is 256-colour green 34; high-contrast's #00FF00 is 46.
        func okLine(_ colour: String) -> (String) -> Bool {
            { pane in pane.split(separator: "\n").contains { $0.contains("OK") && $0.contains("38;5;\(colour)") } }
        }
        try await tmux.waitFor("green 34 ok panels", escapes: true, okLine("34"))
        try await tmux.send("t")
        // Two waits: the notice shows for 2 s, and on a loaded machine an OK panel may first
        // be drawn after it has gone.
        try await tmux.waitFor("the theme's notice") { $0.contains("theme: high-contrast") }
        try await tmux.waitFor("high-contrast green 46", escapes: true, okLine("46"))
        try await tmux.waitFor("the notice to go", timeout: .seconds(5)) { !$0.contains("theme: high-contrast") && $0.contains("q quit") }
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()

        try await tmux.type("clear; XDG_CONFIG_HOME=\(config) \(binary) watch --server \(simulator.baseURL) --no-color --ascii --log /dev/null 1000-1001")
        try await tmux.waitFor("ASCII panels") { $0.contains("| o OK allowed") }
        let plain = try await tmux.capture(escapes: true)
        #expect(!plain.contains("38;5;") && !plain.contains("48;5;"))
        #expect(!plain.contains("┌") && !plain.contains("●"))
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
    }
}
