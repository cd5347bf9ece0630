import ArgumentParser
import ECETerminal
import Foundation

/// How the dashboard draws: theme, colour and glyphs; shared by `watch` and `demo`.
struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Colour theme: a name (ecetop themes lists them) or a .toml file; t cycles themes live.", valueName: "NAME|PATH"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours at all: states differ by symbol, bold, underline and reverse (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
    var ascii = false

    func validate() throws {
        _ = try chosenTheme(ThemeCatalog.standard())
    }

    /// `--no-color` or a non-empty `NO_COLOR` (https://no-color.org).
    static func coloursWanted(noColorFlag: Bool, environment: [String: String]) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Fills in the theme, the themes `t` cycles through, colour and glyphs.
    func apply(to configuration: inout TerminalConfiguration,
               environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let catalog = ThemeCatalog.standard(environment: environment)
        configuration.theme = try chosenTheme(catalog)
        configuration.themes = catalog.loadableThemes()
        configuration.usesColour = Self.coloursWanted(noColorFlag: noColor, environment: environment)
        if ascii { configuration.glyphs = .ascii }
    }

    private func chosenTheme(_ catalog: ThemeCatalog) throws -> Theme {
        do {
            return try catalog.theme(named: theme ?? "default")
        } catch {
            throw ValidationError(error.description)
        }
    }
}
