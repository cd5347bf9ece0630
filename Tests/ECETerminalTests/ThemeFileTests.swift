@testable import ECETerminal
import Foundation
import Testing

/// Theme files: the shipped ones load, and every mistake is one line naming FILE:LINE.
@Suite struct ThemeFileTests {
    static let shipped = ["default", "high-contrast", "monochrome", "light", "solarized-dark"]
    /// The repository's `themes/` folder, beside this package's `Package.swift`.
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    static func shippedTheme(_ name: String) throws -> Theme {
        try ThemeFile.load(path: themesFolder + "/\(name).toml")
    }

    func parseError(_ text: String) -> String {
        do {
            _ = try ThemeFile.parse(text, file: "t.toml")
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test(arguments: shipped)
    func shippedThemeLoadsUnderItsFileName(name: String) throws {
        let theme = try Self.shippedTheme(name)
        #expect(theme.name == name)
        #expect(!theme.description.isEmpty)
        #expect(Set(theme.styles.keys) == Set(StyleRole.allCases))
    }

    @Test func defaultFileSaysWhatTheCompiledInDefaultSays() throws {
        #expect(try Self.shippedTheme("default") == Theme.default)
    }

    @Test func monochromeHasNoColourAnywhere() throws {
        let theme = try Self.shippedTheme("monochrome")
        for role in StyleRole.allCases {
            #expect(theme.style(for: role).foreground == .terminalDefault, "\(role)")
            #expect(theme.style(for: role).background == .terminalDefault, "\(role)")
        }
        #expect(theme.style(for: .critical).attributes == [.bold, .underline])
    }

    @Test func coloursByHexNameIndexAndDefault() throws {
        let theme = try ThemeFile.parse("""
            name = "mine"
            [critical]
            foreground = "#FF5f00"
            background = "bright-white"
            [warning]
            foreground = 214
            background = "default"
            attributes = ["bold", "dim"]
            monochrome = []
            [ok]
            foreground = "Green"
            """, file: "mine.toml")
        #expect(theme.name == "mine")
        #expect(theme.style(for: .critical) == ThemeStyle(foreground: .rgb(red: 255, green: 95, blue: 0), background: .index(15)))
        #expect(theme.style(for: .warning) == ThemeStyle(foreground: .index(214), attributes: [.bold, .dim], monochrome: []))
        #expect(theme.style(for: .ok).foreground == .index(2))
        // Roles the file leaves out look as in the default theme.
        #expect(theme.style(for: .header) == Theme.default.style(for: .header))
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try ThemeFile.parse("[ok]\nforeground = 2\n", file: "/x/y/ocean.toml").name == "ocean")
    }

    @Test func unknownKeyInARole() {
        #expect(parseError("name = \"x\"\n\n[critical]\nforeground = 1\nforground = 2\n")
            == "t.toml:5: unknown key \"forground\" in [critical] (known: foreground, background, attributes, monochrome)")
    }

    @Test func unknownTopLevelKey() {
        #expect(parseError("name = \"x\"\ncolour = 3\n")
            == "t.toml:2: unknown key \"colour\" (roles: background, text, dim, border, title, header, footer, selection, ok, warning, critical, unknown, stale, flash, chart)")
    }

    @Test func unknownRole() {
        #expect(parseError("name = \"x\"\n[ok]\nforeground = 2\n\n[criticl]\nforeground = 1\n")
            == "t.toml:5: unknown role \"criticl\" (roles: background, text, dim, border, title, header, footer, selection, ok, warning, critical, unknown, stale, flash, chart)")
    }

    @Test(arguments: ["\"#FF55\"", "\"#GG0000\"", "\"#+12345\"", "\"purple\"", "256", "-1", "true"])
    func badColour(value: String) {
        let message = parseError("[ok]\nattributes = [\"bold\"]\n  background = \(value)\n")
        #expect(message.hasPrefix("t.toml:3: [ok] background "), "\(message)")
        #expect(message.hasSuffix(" is not a colour (use \"#RRGGBB\", 0-255, \"default\", or a name such as \"red\" or \"bright-blue\")"))
        #expect(!message.contains("\n"))
    }

    @Test func badColourNamesTheValue() {
        #expect(parseError("[ok]\nforeground = \"purple\"\n")
            == "t.toml:2: [ok] foreground \"purple\" is not a colour (use \"#RRGGBB\", 0-255, \"default\", or a name such as \"red\" or \"bright-blue\")")
    }

    @Test func badAttribute() {
        #expect(parseError("[warning]\nforeground = 3\n\"monochrome\" = [\"bold\", \"blink\"]\n")
            == "t.toml:3: [warning] monochrome must list attributes from bold, underline, reverse, dim, got \"blink\"")
        #expect(parseError("[warning]\nattributes = \"bold\"\n")
            == "t.toml:2: [warning] attributes must list attributes from bold, underline, reverse, dim")
    }

    @Test func roleThatIsNotATable() {
        #expect(parseError("name = \"x\"\nok = \"green\"\n") == "t.toml:2: \"ok\" must be a table: write [ok]")
    }

    @Test func tomlSyntaxErrorIsOneLineWithItsLine() {
        let message = parseError("name = \"x\"\n[ok]\nforeground = \n")
        #expect(message.hasPrefix("t.toml:3: "), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func unreadableFileSaysSo() {
        #expect(throws: ThemeError.self) { try ThemeFile.load(path: "/nonexistent/theme.toml") }
    }
}
