@testable import ECETerminal
import Foundation
import Testing

/// Where themes are found: the user's folder before the shipped ones, the default always.
@Suite struct ThemeCatalogTests {
    /// A fresh folder holding `files` (name → TOML text), removed by the caller.
    func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        return path
    }

    @Test func findsTheShippedThemesFromABuildFolder() throws {
        // Tests run from .build*/debug, below the package: the walk up finds themes/.
        let executable = try #require(Bundle.main.executablePath)
        let found = try #require(ThemeCatalog.packageDirectory(executablePath: executable))
        #expect(URL(fileURLWithPath: found).standardized.path == URL(fileURLWithPath: ThemeFileTests.themesFolder).standardized.path)
        #expect(ThemeCatalog.packageDirectory(executablePath: "/usr/bin/true") == nil)
    }

    @Test func installedLayoutIsShareEcetopThemes() throws {
        let root = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/share/ecetop/themes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        try "".write(toFile: root + "/share/ecetop/themes/default.toml", atomically: true, encoding: .utf8)
        let found = try #require(ThemeCatalog.packageDirectory(executablePath: root + "/bin/ecetop"))
        #expect(URL(fileURLWithPath: found).standardized.path == URL(fileURLWithPath: root + "/share/ecetop/themes").standardized.path)
    }

    @Test func userFolderHonoursXDGConfigHome() {
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"]) == "/cfg/ecetop/themes")
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/u"]) == "/home/u/.config/ecetop/themes")
    }

    @Test func listsDefaultFirstUserThemesShadowShippedOnesAndBrokenOnesShowTheirError() throws {
        let user = try folder(["light.toml": "name = \"light\"\ndescription = \"mine\"\n", "broken.toml": "[ok]\nforeground = \"nope\"\n"])
        defer { try? FileManager.default.removeItem(atPath: user) }
        let catalog = ThemeCatalog(directories: [user, ThemeFileTests.themesFolder])
        let entries = catalog.entries()
        #expect(entries.map(\.name) == ["default", "broken", "high-contrast", "light", "monochrome", "solarized-dark"])
        let light = try #require(entries.first { $0.name == "light" })
        #expect(light.path == user + "/light.toml")
        #expect(try light.theme.get().description == "mine")
        let broken = try #require(entries.first { $0.name == "broken" })
        #expect(throws: ThemeError.self) { try broken.theme.get() }
        #expect(catalog.loadableThemes().map(\.name) == ["default", "high-contrast", "light", "monochrome", "solarized-dark"])
    }

    @Test func withoutFilesOnlyTheCompiledInDefaultIsThere() throws {
        let entries = ThemeCatalog(directories: ["/nonexistent"]).entries()
        #expect(entries.map(\.name) == ["default"])
        #expect(entries.first?.source == "built in")
        #expect(try ThemeCatalog(directories: []).theme(named: "default") == .default)
    }

    @Test func themeByNameOrPath() throws {
        let user = try folder(["ocean.toml": "[ok]\nforeground = 6\n"])
        defer { try? FileManager.default.removeItem(atPath: user) }
        let catalog = ThemeCatalog(directories: [user, ThemeFileTests.themesFolder])
        #expect(try catalog.theme(named: "ocean").style(for: .ok).foreground == .index(6))
        #expect(try catalog.theme(named: "solarized-dark").name == "solarized-dark")
        #expect(try catalog.theme(named: user + "/ocean.toml").name == "ocean")
        #expect(throws: ThemeError(file: nil, line: nil, message: "no theme named \"sea\" (available: default, high-contrast, light, monochrome, ocean, solarized-dark; ecetop themes lists them)")) {
            try catalog.theme(named: "sea")
        }
        // Ending in .toml makes it a path, even without a slash.
        #expect(throws: ThemeError.self) { try catalog.theme(named: "ocean.toml") }
    }
}
