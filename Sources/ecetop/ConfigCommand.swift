import ArgumentParser
import ECEConfig
import Foundation

/// `ecetop config`: commands about the config file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file.",
        subcommands: [Check.self]
    )

    /// `ecetop config check [FILE]`: validates a config file and prints the effective settings.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a config file and print the effective settings, each with where it came from.",
            discussion: "Exit status 0 when the file is valid (or absent at the default location), 1 with a one-line FILE:LINE: error otherwise."
        )

        @Argument(help: ArgumentHelp("The file to check (default: $XDG_CONFIG_HOME/ecetop/config.toml, else ~/.config/ecetop/config.toml).", valueName: "FILE"))
        var file: String?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let loaded: ConfigFile?
            do {
                loaded = try ConfigLocation.load(explicit: file, environment: environment)
            } catch {
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                throw ExitCode(1)
            }
            if loaded == nil {
                print("# no config file at \(ConfigLocation.defaultPath(environment: environment)): built-in defaults apply")
            }
            print(EffectiveConfiguration(file: loaded, environment: environment).text, terminator: "")
        }
    }
}
