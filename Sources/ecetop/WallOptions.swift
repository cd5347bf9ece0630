import ArgumentParser
import ECETerminal

/// Wall mode for a screen on a wall (`--wall`, `--rotate`); shared by `watch` and `demo`.
struct WallOptions: ParsableArguments {
    @Flag(name: .long, help: "Start in wall mode: big digits for queue and wait, a big clock, pages that turn by themselves; W toggles it live.")
    var wall = false

    @Option(name: .long, help: ArgumentHelp("Seconds each wall page shows when not all entry points fit (default: 10).", valueName: "SECONDS"))
    var rotate: Int?

    func validate() throws {
        if let rotate, !(1...3600).contains(rotate) {
            throw ValidationError("--rotate must be between 1 and 3600 seconds, got \(rotate)")
        }
    }

    /// Whether to start in wall mode and how fast its pages turn; `--rotate` alone only sets
    /// the pace for when `W` is pressed.
    func apply(to configuration: inout TerminalConfiguration) {
        if wall { configuration.startsInWallMode = true }
        if let rotate { configuration.wallRotateSeconds = rotate }
    }
}
