import ArgumentParser
import ECEChat
import ECEConfig
import ECETerminal
import Foundation

/// `--config FILE`: shared by `watch`, `demo`, `check` and `export`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/ecetop/config.toml, ~/.config/ecetop/config.toml when unset; flags win over it).", valueName: "FILE"))
    var config: String?

    /// The effective settings: `flags` over `$ECETOP_SERVER` over the config file over defaults.
    ///
    /// A missing default file means no config; a missing `--config` file or any mistake in
    /// either is a one-line `FILE:LINE:` error (exit status 1).
    func effective(_ flags: ConfigFlags, defaultInterval: Double = EffectiveConfiguration.Defaults.interval,
                   environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EffectiveConfiguration {
        let file = try ConfigLocation.load(explicit: config, environment: environment)
        return EffectiveConfiguration(file: file, flags: flags, environment: environment, defaultInterval: defaultInterval)
    }
}

/// A usage mistake that cannot be checked until the config file is read: no IDs anywhere, say.
func requireEntryPoints(_ effective: EffectiveConfiguration) throws -> [EntryPointID] {
    guard !effective.entryPoints.value.isEmpty else {
        throw ValidationError("give at least one entry point ID (e.g. 1000-1009) or list [[entry-points]] in the config file")
    }
    return effective.entryPoints.value
}

extension ConfigFlags {
    /// The flags of the option groups a dashboard command has (nil for groups it lacks).
    init(server: ServerOptions? = nil, polling: PollingOptions, display: DisplayOptions, wall: WallOptions,
         ids: [EntryPointID] = []) {
        self.init()
        server?.fill(&self)
        polling.fill(&self)
        theme = display.theme
        view = display.view
        bell = display.bell ? true : nil
        wallEnabled = wall.wall ? true : nil
        wallRotate = wall.rotate
        self.ids = ids
    }
}

extension EffectiveConfiguration {
    /// Theme, view, bell and wall mode as the flags would set them, with the file's values where no flag was given.
    func applyDisplay(_ display: DisplayOptions, wall: WallOptions, to terminal: inout TerminalConfiguration) throws {
        var display = display
        display.theme = theme.value
        display.view = view.value
        display.bell = bell.value
        try display.apply(to: &terminal)
        var wall = wall
        wall.wall = wallEnabled.value
        wall.rotate = wallRotate.value
        wall.apply(to: &terminal)
    }
}
