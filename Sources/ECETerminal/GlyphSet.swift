/// Every non-letter glyph the dashboard draws, in one place so that an ASCII-only terminal
/// (`--ascii`) swaps them all at once.
public struct GlyphSet: Sendable, Hashable {
    public var box: BoxLines
    /// The frame of the selected panel, so selection shows without colour.
    public var selectedBox: BoxLines
    public var ok: Character
    public var warning: Character
    public var critical: Character
    public var unknown: Character
    public var stale: Character
    /// Sparkline levels, lowest first.
    public var sparkline: [Character]
    public var ellipsis: Character
    /// Shown where a value has never been read.
    public var missing: String
    public var separator: String
    public var cursor: Character
    /// The multiplication sign of sizes and counts (`80×24`, `3× failed`).
    public var times: String
    /// Marks a change of chatAllowed's reason above a history chart.
    public var chartMark: Character
    /// Between an old and a new value (`allowed → queue_depth_reached`).
    public var arrow: String
    /// Points at the selected row of the table, so selection shows without colour.
    public var pointer: Character

    public init(box: BoxLines, selectedBox: BoxLines, ok: Character, warning: Character, critical: Character,
                unknown: Character, stale: Character, sparkline: [Character], ellipsis: Character, missing: String,
                separator: String, cursor: Character, times: String, chartMark: Character = "v", arrow: String = "->",
                pointer: Character = ">") {
        self.box = box
        self.selectedBox = selectedBox
        self.ok = ok
        self.warning = warning
        self.critical = critical
        self.unknown = unknown
        self.stale = stale
        self.sparkline = sparkline
        self.ellipsis = ellipsis
        self.missing = missing
        self.separator = separator
        self.cursor = cursor
        self.times = times
        self.chartMark = chartMark
        self.arrow = arrow
        self.pointer = pointer
    }

    public static let unicode = GlyphSet(
        box: BoxLines(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘"),
        selectedBox: BoxLines(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝"),
        ok: "●", warning: "▲", critical: "✖", unknown: "?", stale: "◌",
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ellipsis: "…", missing: "—", separator: " · ", cursor: "▏", times: "×", chartMark: "▼", arrow: "→", pointer: "▶"
    )

    public static let ascii = GlyphSet(
        box: BoxLines(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+"),
        selectedBox: BoxLines(horizontal: "=", vertical: "#", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#"),
        ok: "o", warning: "!", critical: "X", unknown: "?", stale: "~",
        sparkline: ["_", ".", "-", ":", "=", "+", "*", "#"],
        ellipsis: "~", missing: "-", separator: " | ", cursor: "_", times: "x"
    )
}
