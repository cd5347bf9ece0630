import Foundation

/// The themes ecetop can find: theme folders searched in order (the user's first), with the
/// compiled-in default behind them all.
///
/// ```swift
/// let catalog = ThemeCatalog.standard()
/// let theme = try catalog.theme(named: "solarized-dark")
/// ```
public struct ThemeCatalog: Sendable {
    /// One theme the catalog knows: its lookup name, where it came from, and what loading it gave.
    public struct Entry: Sendable {
        /// The file name without `.toml` (`default` for the compiled-in theme).
        public var name: String
        /// The file's path, nil for the compiled-in default.
        public var path: String?
        public var theme: Result<Theme, ThemeError>

        /// Where the theme came from, for listings.
        public var source: String { path ?? "built in" }
    }

    /// Folders of `NAME.toml` files; a name in an earlier folder hides the same name in later ones.
    public var directories: [String]

    public init(directories: [String]) { self.directories = directories }

    /// `$XDG_CONFIG_HOME/ecetop/themes` (else `~/.config/ecetop/themes`), then the themes shipped
    /// with the executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                executablePath: String? = Bundle.main.executablePath) -> ThemeCatalog {
        ThemeCatalog(directories: [userDirectory(environment: environment)] + (executablePath.flatMap(packageDirectory).map { [$0] } ?? []))
    }

    public static func userDirectory(environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home as NSString).appendingPathComponent(".config")
        return (config as NSString).appendingPathComponent("ecetop/themes")
    }

    /// The shipped themes: `../share/ecetop/themes` when installed, else (run from a build
    /// folder) the `themes/` beside the `Package.swift` of a parent folder.
    public static func packageDirectory(executablePath: String) -> String? {
        let files = FileManager.default
        let folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/ecetop/themes")
        if files.fileExists(atPath: installed.appendingPathComponent("default.toml").path) { return installed.path }
        var candidate = folder
        while candidate.path != "/" && !candidate.path.isEmpty {
            let themes = candidate.appendingPathComponent("themes")
            if files.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path),
               files.fileExists(atPath: themes.appendingPathComponent("default.toml").path) {
                return themes.path
            }
            candidate.deleteLastPathComponent()
        }
        return nil
    }

    /// Every theme found, `default` first and the rest by name, each loaded (or its error).
    public func entries() -> [Entry] {
        var paths: [String: String] = [:]
        for directory in directories.reversed() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in names where file.hasSuffix(".toml") {
                paths[String(file.dropLast(5))] = (directory as NSString).appendingPathComponent(file)
            }
        }
        var entries = paths.map { name, path in
            Entry(name: name, path: path, theme: Result { () throws(ThemeError) -> Theme in try ThemeFile.load(path: path) })
        }
        if paths["default"] == nil { entries.append(Entry(name: "default", path: nil, theme: .success(.default))) }
        return entries.sorted { ($0.name == "default" ? 0 : 1, $0.name) < ($1.name == "default" ? 0 : 1, $1.name) }
    }

    /// The themes `t` cycles through: every one that loads, in `entries()` order.
    public func loadableThemes() -> [Theme] {
        entries().compactMap { try? $0.theme.get() }
    }

    /// `--theme`: a file when `nameOrPath` has a `/` or ends in `.toml`, else a name looked up
    /// in the folders, else the compiled-in default for `default`.
    public func theme(named nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") { return try ThemeFile.load(path: nameOrPath) }
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(nameOrPath + ".toml")
            if FileManager.default.fileExists(atPath: path) { return try ThemeFile.load(path: path) }
        }
        if nameOrPath == "default" { return .default }
        let known = entries().map(\.name).joined(separator: ", ")
        throw ThemeError(file: nil, line: nil, message: "no theme named \"\(nameOrPath)\" (available: \(known); ecetop themes lists them)")
    }
}
