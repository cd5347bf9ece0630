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

    @Option(name: .long, help: ArgumentHelp("grid (panels), table (a row per entry point) or auto: the table when the panels do not fit on one page (default); v toggles live.", valueName: "grid|table|auto"))
    var view: String?

    @Flag(name: .long, help: "Ring the terminal bell once when a critical alert is raised (not again while it stays, not for acknowledged ones).")
    var bell = false

    func validate() throws {
        _ = try chosenTheme(ThemeCatalog.standard())
        if let view, DashboardViewMode(rawValue: view) == nil {
            throw ValidationError("--view must be grid, table or auto, got \"\(view)\"")
        }
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
        if let mode = view.flatMap(DashboardViewMode.init(rawValue:)) { configuration.viewMode = mode }
        if bell { configuration.bell = true }
    }

    private func chosenTheme(_ catalog: ThemeCatalog) throws -> Theme {
        do {
            return try catalog.theme(named: theme ?? "default")
        } catch {
            throw ValidationError(error.description)
        }
    }
}
