/// The `?` overlay: a legend of the state symbols and every key, in a box over the screen.
public struct HelpOverlayView: Sendable {
    /// Lines scrolled past (the overlay scrolls when the terminal is short).
    public var scroll: Int

    public init(scroll: Int = 0) { self.scroll = scroll }

    /// The overlay's text lines, with the role each is drawn in.
    static func lines(glyphs: GlyphSet) -> [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = [
            ("\(glyphs.ok) OK  \(glyphs.warning) WARN  \(glyphs.critical) CRIT  \(glyphs.unknown) UNKNOWN  \(glyphs.stale) STALE", CellStyle(.text)),
            ("Red panels flash until their alerts are acknowledged (a).", CellStyle(.dim)),
            ("The status line spells chatAllowed's reason as the API does.", CellStyle(.dim)),
        ]
        for (section, bindings) in KeyBinding.all {
            lines.append(("", CellStyle(.text)))
            lines.append((section, CellStyle(.title, [.bold, .underline])))
            for binding in bindings {
                let padded = binding.keys + String(repeating: " ", count: max(1, 20 - CharacterWidth.columns(of: binding.keys)))
                lines.append((padded + binding.action, CellStyle(.text)))
            }
        }
        return lines
    }

    /// Lines that fit in the overlay on a body of `area`.
    static func visibleLines(area: Rect) -> Int { max(0, min(area.height, 200) - 2) }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, context: ViewContext) {
        let lines = Self.lines(glyphs: context.glyphs)
        let contentWidth = lines.map { CharacterWidth.columns(of: $0.0) }.max() ?? 0
        let width = min(area.width, contentWidth + 4)
        let height = min(area.height, lines.count + 2)
        guard width >= 6, height >= 3 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, style: .background)
        buffer.drawBox(box, lines: context.glyphs.box, style: CellStyle(.title, [.bold]))
        buffer.write(" Help ", x: box.x + 2, y: box.y, style: CellStyle(.title, [.bold]))
        let room = height - 2
        let first = min(max(0, scroll), max(0, lines.count - room))
        for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
            buffer.write(line.0, x: box.x + 2, y: box.y + 1 + offset, width: width - 4, style: line.1, ellipsis: context.glyphs.ellipsis)
        }
        if first + room < lines.count {
            buffer.write(" more: Down ", x: box.maxX - 13, y: box.maxY - 1, style: CellStyle(.title, [.bold]))
        }
    }
}
