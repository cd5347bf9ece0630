/// One line of a key table: the keys, what they ask for, and how the `?` overlay says it.
///
/// The tables are the one place keys are defined: `DashboardState.handle` looks a key up in
/// them to find its intent, and `HelpOverlayView` prints them.
public struct KeyBinding: Sendable, Hashable {
    /// How the help writes the keys (`arrows  hjkl`).
    public var keys: String
    /// The help text.
    public var action: String
    /// The keys themselves, each with what it asks for.
    public var intents: [Key: KeyIntent]

    public init(_ keys: String, _ action: String, _ intents: [Key: KeyIntent]) {
        self.keys = keys
        self.action = action
        self.intents = intents
    }

    /// Keys that all ask for the same.
    public init(_ keys: String, _ action: String, _ presses: [Key], _ intent: KeyIntent) {
        self.init(keys, action, Dictionary(presses.map { ($0, intent) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The bindings of one place (a screen, the help overlay, a replay), under its help heading.
    public struct Table: Sendable, Hashable {
        public var section: String
        public var bindings: [KeyBinding]

        /// The intent of `key` here, if the table has it.
        public func intent(of key: Key) -> KeyIntent? {
            bindings.lazy.compactMap { $0.intents[key] }.first
        }
    }

    private static func characters(_ text: String) -> [Key] { text.map { .character($0) } }

    public static let everywhere = Table(section: "Everywhere", bindings: [
        KeyBinding("q  Ctrl-C", "quit (restores the terminal)", [.character("q"), .interrupt], .quit),
        KeyBinding("?", "this help", [.character("?")], .help),
        KeyBinding("p  Space", "pause or resume polling (a replay: playing)", characters("p "), .togglePause),
        KeyBinding("+  -", "poll less / more often (1s 2s 3s 5s 10s … 5m)", [
            .character("+"): .pollLessOften,
            .character("-"): .pollMoreOften,
        ]),
        KeyBinding("e", "event log, newest first (again: back)", [.character("e")], .eventLog),
        KeyBinding("w", "record events to a JSON-lines file (again: stop)", [.character("w")], .journal),
        KeyBinding("W", "wall mode: big digits for a screen on a wall (again: grid)", [.character("W")], .wall),
        KeyBinding("t", "next colour theme (ecetop themes lists them)", [.character("t")], .nextTheme),
    ])

    public static let grid = Table(section: "Grid", bindings: [
        KeyBinding("arrows  hjkl", "move the selection", [
            .left: .move(.left),
            .character("h"): .move(.left),
            .right: .move(.right),
            .character("l"): .move(.right),
            .up: .move(.up),
            .character("k"): .move(.up),
            .down: .move(.down),
            .character("j"): .move(.down),
        ]),
        KeyBinding("Home  End  g  G", "first / last entry point", [
            .home: .first,
            .character("g"): .first,
            .end: .last,
            .character("G"): .last,
        ]),
        KeyBinding("PgUp  PgDn", "previous / next page", [
            .pageUp: .previousPage,
            .pageDown: .nextPage,
        ]),
        KeyBinding("Enter", "details of the selected entry point", [.enter], .open),
        KeyBinding("r", "refresh all entry points now", [.character("r")], .refresh),
        KeyBinding("a", "acknowledge the selected entry point's alerts", [.character("a")], .acknowledge),
        KeyBinding("A", "acknowledge all alerts", [.character("A")], .acknowledgeAll),
        KeyBinding("s", "sort: ID, severity, queue depth, wait time", [.character("s")], .nextSort),
        KeyBinding("/", "filter by ID, label, group or reason", [.character("/")], .editFilter),
        KeyBinding("Esc  Backspace", "clear the filter", [.escape, .backspace], .back),
    ])

    public static let filter = Table(section: "Filter", bindings: [
        KeyBinding("typing  Backspace", "edit the filter", [.backspace], .deleteCharacter),
        KeyBinding("Enter", "apply it", [.enter], .applyFilter),
        KeyBinding("Esc", "clear it", [.escape], .clearFilter),
        KeyBinding("Ctrl-C", "quit", [.interrupt], .quit),
    ])

    public static let detail = Table(section: "Detail", bindings: [
        KeyBinding("Left Right [ ] h l", "previous / next entry point", [
            .left: .move(.left),
            .character("["): .move(.left),
            .character("h"): .move(.left),
            .right: .move(.right),
            .character("]"): .move(.right),
            .character("l"): .move(.right),
        ]),
        KeyBinding("Up Down  k  j", "choose the call whose response is shown", [
            .up: .move(.up),
            .character("k"): .move(.up),
            .down: .move(.down),
            .character("j"): .move(.down),
        ]),
        KeyBinding("PgUp PgDn  Home End", "scroll the raw response body", [
            .pageUp: .previousPage,
            .pageDown: .nextPage,
            .home: .first,
            .end: .last,
        ]),
        KeyBinding("c  1  2  3", "chart window: cycle, 5 min, 15 min, 1 h", [
            .character("c"): .nextChartWindow,
            .character("1"): .chartWindow(.fiveMinutes),
            .character("2"): .chartWindow(.fifteenMinutes),
            .character("3"): .chartWindow(.oneHour),
        ]),
        KeyBinding("r", "refresh this entry point now", [.character("r")], .refresh),
        KeyBinding("a", "acknowledge this entry point's alerts", [.character("a")], .acknowledge),
        KeyBinding("Esc  Backspace", "back to the grid", [.escape, .backspace], .back),
    ])

    /// Scrolling a list: the event log and this help.
    private static let scrolling = [
        KeyBinding("Up Down  k  j", "scroll", [
            .up: .move(.up),
            .character("k"): .move(.up),
            .down: .move(.down),
            .character("j"): .move(.down),
        ]),
        KeyBinding("PgUp  PgDn", "a page up / down", [
            .pageUp: .previousPage,
            .pageDown: .nextPage,
        ]),
    ]

    public static let events = Table(section: "Event log", bindings: scrolling + [
        KeyBinding("Home End  g  G", "newest / oldest", [
            .home: .first,
            .character("g"): .first,
            .end: .last,
            .character("G"): .last,
        ]),
        KeyBinding("/", "filter by entry point, call or text", [.character("/")], .editFilter),
        KeyBinding("Esc  Backspace", "clear the filter, then back", [.escape, .backspace], .back),
    ])

    public static let help = Table(section: "This help", bindings: scrolling + [
        KeyBinding("Esc  Backspace", "close it", [.escape, .backspace], .back),
        KeyBinding("Enter  ?", "close it", [.enter, .character("?")], .back),
        KeyBinding("q  Ctrl-C", "quit", [.character("q"), .interrupt], .quit),
    ])

    public static let replay = Table(section: "Replay (ecetop replay)", bindings: [
        KeyBinding("+  -", "play faster / slower (¼× … 1024×)", [
            .character("+"): .replay(.faster),
            .character("-"): .replay(.slower),
        ]),
        KeyBinding(".  ,", "forward / back 10 seconds", [
            .character("."): .replay(.seek(DashboardState.replayShortSeek)),
            .character(","): .replay(.seek(.zero - DashboardState.replayShortSeek)),
        ]),
        KeyBinding(">  <", "forward / back 1 minute", [
            .character(">"): .replay(.seek(DashboardState.replayLongSeek)),
            .character("<"): .replay(.seek(.zero - DashboardState.replayLongSeek)),
        ]),
    ])

    /// Every table in the order the help shows them.
    public static let tables: [Table] = [everywhere, grid, filter, detail, events, help, replay]

    /// Every key the dashboard understands, grouped by where it applies, as the help lists them.
    public static var all: [(section: String, bindings: [KeyBinding])] {
        tables.map { ($0.section, $0.bindings) }
    }
}
