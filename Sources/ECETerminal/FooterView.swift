/// The bottom row: the most used keys for the current screen, or the filter being typed.
public struct FooterView: Sendable {
    public var state: DashboardState
    /// Wall mode's `page 2/3`, kept at the right end.
    public var pageText: String?

    public init(state: DashboardState, pageText: String? = nil) {
        self.state = state
        self.pageText = pageText
    }

    /// A key hint; lower `priority` values survive on narrow screens.
    struct Hint {
        var key: String
        var action: String
        var priority: Int
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0, rect.width > 0 else { return }
        let style = CellStyle(.footer)
        buffer.fill(rect, style: style)
        if let draft = state.filterDraft {
            let prompt = state.screen == .events ? " filter events: " : " filter: "
            var x = rect.x + buffer.write(prompt, x: rect.x, y: rect.y, style: CellStyle(.footer, [.bold]))
            let help = "  Enter apply  Esc clear "
            let room = max(0, rect.width - (x - rect.x) - CharacterWidth.columns(of: help) - 1)
            // Show the end of a long draft: that is where the typing happens.
            var shown = draft
            while CharacterWidth.columns(of: shown) > room, !shown.isEmpty { shown.removeFirst() }
            x += buffer.write(shown, x: x, y: rect.y, style: style)
            x += buffer.write(String(context.glyphs.cursor), x: x, y: rect.y, style: CellStyle(.footer, [.bold]))
            buffer.write(help, x: x, y: rect.y, style: style, limit: rect.maxX - x)
            return
        }
        if let notice = state.notice {
            buffer.write(" " + notice, x: rect.x, y: rect.y, width: rect.width, style: CellStyle(.footer, [.bold]), ellipsis: context.glyphs.ellipsis)
            return
        }
        var right = rect.maxX
        if let pageText {
            right -= CharacterWidth.columns(of: pageText) + 1
            buffer.write(pageText, x: right, y: rect.y, style: CellStyle(.footer, [.bold]), limit: rect.maxX - right)
        }
        let hints = self.hints(glyphs: context.glyphs)
        // Keep the most important hints that fit, in display order.
        var kept = Set<Int>()
        var used = 1 + rect.maxX - right
        for (index, hint) in hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            let width = CharacterWidth.columns(of: hint.key) + CharacterWidth.columns(of: hint.action) + 3
            if used + width <= rect.width {
                kept.insert(index)
                used += width
            }
        }
        var x = rect.x + 1
        for (index, hint) in hints.enumerated() where kept.contains(index) {
            x += buffer.write(hint.key, x: x, y: rect.y, style: CellStyle(.footer, [.bold]))
            x += buffer.write(" " + hint.action + "  ", x: x, y: rect.y, style: style, limit: right - x)
        }
    }

    func hints(glyphs: GlyphSet) -> [Hint] {
        if state.showsHelp {
            return [
                Hint(key: "Up/Dn", action: "scroll", priority: 2),
                Hint(key: "Esc", action: "close help", priority: 0),
                Hint(key: "q", action: "quit", priority: 1),
            ]
        }
        switch state.screen {
        case .grid where state.isWall:
            return [
                Hint(key: "W", action: "grid", priority: 2),
                Hint(key: "Enter", action: "detail", priority: 4),
                Hint(key: "p", action: "pause", priority: 3),
                Hint(key: "a", action: "ack", priority: 5),
                Hint(key: "?", action: "help", priority: 0),
                Hint(key: "q", action: "quit", priority: 1),
            ]
        case .grid:
            return [
                Hint(key: "Enter", action: "detail", priority: 2),
                Hint(key: "/", action: "filter", priority: 4),
                Hint(key: "s", action: "sort", priority: 5),
                Hint(key: "p", action: "pause", priority: 3),
                Hint(key: "r", action: "refresh", priority: 6),
                Hint(key: "a", action: "ack", priority: 7),
                Hint(key: "e", action: "events", priority: 8),
                Hint(key: "PgDn", action: "page", priority: 9),
                Hint(key: "w", action: "record", priority: 10),
                Hint(key: "v", action: "view", priority: 11),
                Hint(key: "?", action: "help", priority: 0),
                Hint(key: "q", action: "quit", priority: 1),
            ]
        case .detail:
            return [
                Hint(key: "[ ]", action: "prev/next", priority: 3),
                Hint(key: "Up/Dn", action: "call", priority: 4),
                Hint(key: "PgUp/PgDn", action: "body", priority: 7),
                Hint(key: "c", action: "window", priority: 6),
                Hint(key: "r", action: "refresh", priority: 5),
                Hint(key: "a", action: "ack", priority: 8),
                Hint(key: "Esc", action: "back", priority: 2),
                Hint(key: "?", action: "help", priority: 0),
                Hint(key: "q", action: "quit", priority: 1),
            ]
        case .events:
            return [
                Hint(key: "Up/Dn", action: "scroll", priority: 3),
                Hint(key: "PgUp/PgDn", action: "page", priority: 4),
                Hint(key: "/", action: "filter", priority: 3),
                Hint(key: "w", action: "record", priority: 5),
                Hint(key: "Esc", action: "back", priority: 2),
                Hint(key: "?", action: "help", priority: 0),
                Hint(key: "q", action: "quit", priority: 1),
            ]
        }
    }
}
