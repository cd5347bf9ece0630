import ArgumentParser
import ECEConfig
import ECEMonitor
import ECETerminal

/// `ecetop replay FILE…`: a recording made with `--record` played through the same dashboard.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recording made with --record through the dashboard, at the recorded times.",
        discussion: """
            Keys: Space pause/resume, + / - speed, . / , seek 10 s, > / < seek 1 min, q quit. \
            After a rotation give both files, oldest first: ecetop replay FILE.1 FILE.
            """
    )

    @Argument(help: ArgumentHelp("Recording files, played one after the other.", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Recorded seconds per real second at the start (+/- change it live).", valueName: "X"))
    var speed: Double = 1

    @Option(name: .long, help: ArgumentHelp("Log file while the screen is up (default: $XDG_STATE_HOME/ecetop/ecetop.log).", valueName: "FILE"))
    var log: String?

    @OptionGroup var displayOptions: DisplayOptions
    @OptionGroup var wallOptions: WallOptions
    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the recording FILE to replay") }
        try OptionLimit.check("--speed", speed, in: ReplayControl.speedRange)
    }

    func run() async throws {
        let recording: Recording
        do {
            recording = try Recording.read(files)
        } catch {
            throw ValidationError(error.description)
        }
        var flags = ConfigFlags()
        flags.theme = displayOptions.theme
        flags.wallEnabled = wallOptions.wall ? true : nil
        flags.wallRotate = wallOptions.rotate
        let effective = try configOptions.effective(flags)
        try DashboardRunner.requireTerminal()
        var terminal = TerminalConfiguration(logPath: DashboardRunner.logPath(log))
        try effective.applyDisplay(displayOptions, wall: wallOptions, to: &terminal)

        let player = ReplayPlayer(recording: recording, speed: speed, clock: ContinuousClock())
        let app = TerminalApp(configuration: terminal)
        do {
            try await app.run(beside: [
                { await player.run() },
                { await HeapTrimmer.run() },
                { for await snapshot in player.snapshots { app.publish(snapshot) } },
            ], replay: { control in player.send(control) })
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
