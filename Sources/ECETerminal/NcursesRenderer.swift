import CNcursesw

/// Draws screen buffers with ncurses: one colour pair per role from the theme, and only the
/// cells that changed since the previous frame, sent in one burst.
final class NcursesRenderer {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: ScreenBuffer?
    /// Colour pair and attributes per role, indexed by `StyleRole.rawValue`.
    private var looks: [(pair: Int16, attributes: attr_t)] = []
    /// The colours each role's pair was given, for tests and diagnostics.
    private(set) var pairColors: [StyleRole: (foreground: Int, background: Int)] = [:]
    /// Cells written by the last `draw` (tests check that unchanged frames write nothing).
    private(set) var cellsWritten = 0

    /// Whether the terminal shows colours and ncurses accepts -1 as "the terminal's default".
    private let useColors: Bool
    private let defaultsOK: Bool

    /// Sets up colours; call after the screen is open. `colours` false draws with each role's
    /// monochrome attributes even on a colour terminal (`--no-color`, `NO_COLOR`).
    init(window: UnsafeMutablePointer<WINDOW>, theme: Theme, colours: Bool = true) {
        self.window = window
        // COLORS is only known after start_color.
        var useColors = colours && has_colors() && start_color() != ece_err() && ece_colors() >= 8
        var defaultsOK = false
        if useColors {
            defaultsOK = use_default_colors() != ece_err()
            useColors = ece_color_pairs() > StyleRole.allCases.count
        }
        self.useColors = useColors
        self.defaultsOK = defaultsOK
        apply(theme)
    }

    /// Re-initialises every role's pair and attributes, and repaints everything on the next
    /// `draw` (attributes live in the cells already on screen, not in the pairs).
    func apply(_ theme: Theme) {
        looks = []
        pairColors = [:]
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            guard useColors else {
                looks.append((0, Self.attributes(style.monochromeAttributes)))
                continue
            }
            var (foreground, background) = style.resolved(forColors: min(Int(ece_colors()), 256))
            if !defaultsOK {
                // Without default-colour support -1 is invalid: assume white on black.
                if foreground < 0 { foreground = background == 7 ? 0 : 7 }
                if background < 0 { background = foreground == 0 ? 7 : 0 }
            }
            let pair = Int16(role.rawValue + 1)
            init_pair(pair, Int16(foreground), Int16(background))
            pairColors[role] = (foreground, background)
            looks.append((pair, Self.attributes(style.attributes)))
        }
        invalidate()
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = ece_a_normal()
        if attributes.contains(.bold) { result |= ece_a_bold() }
        if attributes.contains(.reverse) { result |= ece_a_reverse() }
        if attributes.contains(.underline) { result |= ece_a_underline() }
        if attributes.contains(.dim) { result |= ece_a_dim() }
        return result
    }

    /// Forgets the previous frame, so the next `draw` repaints everything (after a resize).
    func invalidate() { previous = nil }

    /// Writes the cells that differ from the previous frame, then `wnoutrefresh` + `doupdate`.
    func draw(_ buffer: ScreenBuffer) {
        let full = previous?.size != buffer.size
        // After a resize the terminal's content is not what ncurses last wrote (tmux truncates
        // and reflows the pane on every size change, and sizes can change again while a frame
        // is on its way), so clear it for real: `wclear` makes the next update erase the whole
        // terminal and write every cell, where `werase` would only write what ncurses thinks
        // differs. Seen as leftovers of earlier layouts after a storm of resizes.
        if full { wclear(window) }
        cellsWritten = 0
        var cell = cchar_t()
        // An empty previous frame stands for none: every cell is drawn.
        let previous = full ? [] : self.previous?.cells ?? []
        let width = buffer.width
        // Through buffer pointers: this loop visits every cell of every frame (twelve thousand
        // on a 200×60 screen), and most are unchanged.
        buffer.cells.withUnsafeBufferPointer { cells in
            previous.withUnsafeBufferPointer { previous in
                for y in 0..<buffer.height {
                    let row = y * width
                    for x in 0..<width {
                        let current = cells[row + x]
                        if current.isContinuation { continue }
                        if !previous.isEmpty, previous[row + x] == current {
                            // A wide character is unchanged only if its right half is too.
                            let wide = x + 1 < width && cells[row + x + 1].isContinuation
                            if !wide || previous[row + x + 1] == cells[row + x + 1] { continue }
                        }
                        let look = looks[current.style.role.rawValue]
                        let attributes = look.attributes | Self.attributes(current.style.attributes)
                        Self.withWideCharacters(of: current) { _ = setcchar(&cell, $0, attributes, look.pair, nil) }
                        // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
                        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
                        cellsWritten += 1
                    }
                }
            }
        }
        self.previous = buffer
        wnoutrefresh(window)
        doupdate()
    }

    /// Calls `body` with the cell's grapheme as the zero-terminated wide string `setcchar`
    /// takes, built on the stack.
    private static func withWideCharacters<Result>(of cell: Cell, _ body: (UnsafePointer<wchar_t>) -> Result) -> Result {
        let (first, second, third, fourth) = cell.scalarValues
        // Unused scalars are 0, so the string ends after the last one, at the fifth at the latest.
        var characters = (wchar_t(bitPattern: first), wchar_t(bitPattern: second), wchar_t(bitPattern: third),
                          wchar_t(bitPattern: fourth), wchar_t(0))
        return withUnsafePointer(to: &characters) { tuple in
            tuple.withMemoryRebound(to: wchar_t.self, capacity: 5) { body($0) }
        }
    }

    /// The character and attributes ncurses holds at a cell (for tests).
    func cellContent(x: Int, y: Int) -> (character: String, pair: Int16, attributes: attr_t) {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) != ece_err() else { return ("", 0, 0) }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        let text = String(String.UnicodeScalarView(characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        return (text, pair, attributes)
    }

    /// The colours ncurses reports for a role's pair (for tests).
    func reportedColors(_ role: StyleRole) -> (foreground: Int, background: Int)? {
        let pair = looks[role.rawValue].pair
        guard pair > 0 else { return nil }
        var foreground: Int16 = 0, background: Int16 = 0
        guard pair_content(pair, &foreground, &background) != ece_err() else { return nil }
        return (Int(foreground), Int(background))
    }
}
