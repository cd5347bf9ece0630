/// One line of the key table: shown in the `?` overlay and in docs/dashboard.md.
public struct KeyBinding: Sendable, Hashable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }

    /// Every key the dashboard understands, grouped by where it applies.
    public static let all: [(section: String, bindings: [KeyBinding])] = [
        ("Everywhere", [
            KeyBinding("q  Ctrl-C", "quit (restores the terminal)"),
            KeyBinding("?", "this help (Esc, ? or Enter closes it)"),
            KeyBinding("p", "pause or resume polling"),
            KeyBinding("+  -", "poll less / more often (1s 2s 3s 5s 10s … 5m)"),
            KeyBinding("e", "event log, newest first"),
            KeyBinding("w", "record events to a JSON-lines file (again: stop)"),
            KeyBinding("W", "wall mode: big digits for a screen on a wall (again: grid)"),
            KeyBinding("t", "next colour theme (ecetop themes lists them)"),
        ]),
        ("Grid and table", [
            KeyBinding("v", "table (a row per entry point) or grid of panels"),
            KeyBinding("arrows  hjkl", "move the selection"),
            KeyBinding("Home  End  g  G", "first / last entry point"),
            KeyBinding("PgUp  PgDn", "previous / next page"),
            KeyBinding("Enter", "details of the selected entry point"),
            KeyBinding("r", "refresh all entry points now"),
            KeyBinding("a", "acknowledge the selected entry point's alerts"),
            KeyBinding("A", "acknowledge all alerts"),
            KeyBinding("s", "sort: ID, severity, queue depth, wait time"),
            KeyBinding("/", "filter by ID, label, group or reason"),
            KeyBinding("Esc", "clear the filter"),
        ]),
        ("Filter", [
            KeyBinding("typing  Backspace", "edit the filter"),
            KeyBinding("Enter", "apply it"),
            KeyBinding("Esc", "clear it"),
        ]),
        ("Detail", [
            KeyBinding("Left Right  [  ]", "previous / next entry point"),
            KeyBinding("Up Down  k  j", "choose the call whose response is shown"),
            KeyBinding("PgUp PgDn  Home End", "scroll the raw response body"),
            KeyBinding("c  1  2  3", "chart window: cycle, 5 min, 15 min, 1 h"),
            KeyBinding("r", "refresh this entry point now"),
            KeyBinding("a", "acknowledge this entry point's alerts"),
            KeyBinding("Esc  Backspace", "back to the grid"),
        ]),
        ("Event log", [
            KeyBinding("Up Down  PgUp PgDn", "scroll"),
            KeyBinding("/", "filter by entry point, call or text"),
            KeyBinding("Esc  Backspace  e", "clear the filter, then back"),
        ]),
        ("Replay (ecetop replay)", [
            KeyBinding("Space  p", "pause or resume playing"),
            KeyBinding("+  -", "play faster / slower (¼× … 1024×)"),
            KeyBinding(".  ,", "forward / back 10 seconds"),
            KeyBinding(">  <", "forward / back 1 minute"),
        ]),
    ]
}
