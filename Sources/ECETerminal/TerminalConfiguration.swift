import Foundation

/// How the dashboard looks and where its diagnostics go; every field has a default.
public struct TerminalConfiguration: Sendable {
    /// stderr is redirected here (appending) while the screen is up, so no log line smears
    /// it; nil sends it to /dev/null.
    public var logPath: String?
    /// The zone of the header clock and of every time shown.
    public var clockZone: ClockZone
    public var glyphs: GlyphSet
    public var theme: Theme
    /// The themes `t` cycles through (`theme` first when it is not among them).
    public var themes: [Theme] = []
    /// False for `--no-color` and `NO_COLOR`: roles then differ by attributes alone.
    public var usesColour = true
    /// Start in wall mode (`--wall`); `W` toggles it live.
    public var startsInWallMode = false
    /// Seconds each wall page shows before the next (`--rotate`).
    public var wallRotateSeconds = 10
    /// Grid, table or auto (`--view`); `v` toggles live.
    public var viewMode: DashboardViewMode = .auto
    /// Ring the terminal bell once when a critical alert is raised (`--bell`).
    public var bell = false
    /// When set, the header shows a `DEMO` tag with this (simulator) URL.
    public var demoURL: String?
    public var initialSort: SortOrder
    public var initialFilter: String
    /// The longest the UI thread sleeps (≤ 1 s). Keys, snapshots, signals and resizes wake it
    /// at once and the clock's tick on time; this bounds how late a change nothing announces
    /// (an output file that began failing) shows. Each wake costs CPU on an idle wall.
    public var frameTimeout: Duration
    /// How long ncurses waits after Esc for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int
    /// Where `w` appends every event as JSON lines (`--events FILE`).
    public var eventsPath: String
    /// Start appending to `eventsPath` as soon as the dashboard runs (`--events` was given).
    public var startJournalAtLaunch: Bool

    /// The journal `w` writes when no `--events FILE` was given: in the current directory.
    public static let defaultEventsPath = "ecetop-events.jsonl"

    public init(logPath: String? = nil, clockZone: ClockZone = .local, glyphs: GlyphSet = .unicode, theme: Theme = .default,
                demoURL: String? = nil, initialSort: SortOrder = .id, initialFilter: String = "",
                frameTimeout: Duration = .seconds(1), escapeDelayMilliseconds: Int = 25,
                eventsPath: String = TerminalConfiguration.defaultEventsPath, startJournalAtLaunch: Bool = false) {
        self.logPath = logPath
        self.clockZone = clockZone
        self.glyphs = glyphs
        self.theme = theme
        self.demoURL = demoURL
        self.initialSort = initialSort
        self.initialFilter = initialFilter
        self.frameTimeout = min(frameTimeout, .seconds(1))
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.eventsPath = eventsPath
        self.startJournalAtLaunch = startJournalAtLaunch
    }
}
