import ArgumentParser
import ECETerminal
import Foundation

/// `ecetop themes`: every theme found, where it came from, and a preview in its colours.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes --theme and t choose from, each with a preview.",
        discussion: "Themes are searched in $XDG_CONFIG_HOME/ecetop/themes (~/.config/ecetop/themes), then in the themes shipped with ecetop."
    )

    func run() {
        let environment = ProcessInfo.processInfo.environment
        let styled = isatty(STDOUT_FILENO) == 1 && DisplayOptions.coloursWanted(noColorFlag: false, environment: environment)
        for line in Self.lines(ThemeCatalog.standard(environment: environment).entries(), styled: styled) { print(line) }
    }

    /// The state words of the preview, each shown in its role's style.
    static let previewRoles: [(StyleRole, String)] = [(.ok, "ok"), (.warning, "warning"), (.critical, "critical"), (.stale, "stale")]

    /// One line per theme: name, source, preview (SGR-styled when `styled`), description; a
    /// theme that does not load shows its error instead.
    static func lines(_ entries: [ThemeCatalog.Entry], styled: Bool) -> [String] {
        let nameWidth = entries.map(\.name.count).max() ?? 0
        let sourceWidth = entries.map(\.source.count).max() ?? 0
        return entries.map { entry in
            let name = entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let source = entry.source.padding(toLength: sourceWidth, withPad: " ", startingAt: 0)
            switch entry.theme {
            case .failure(let error):
                return "\(name)  \(source)  error: \(error)"
            case .success(let theme):
                let preview = previewRoles.map { role, word in
                    styled ? theme.style(for: role).sgr(colours: true) + word + "\u{1B}[0m" : word
                }.joined(separator: " ")
                return "\(name)  \(source)  \(preview)" + (theme.description.isEmpty ? "" : "  \(theme.description)")
            }
        }
    }
}
