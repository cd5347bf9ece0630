/// What a terminal below the minimum size shows instead of the dashboard.
public struct TooSmallView: Sendable {
    public var minimum: ScreenSize

    public init(minimum: ScreenSize = ScreenAreas.minimumSize) { self.minimum = minimum }

    public func draw(into buffer: inout ScreenBuffer, context: ViewContext) {
        guard buffer.width > 0, buffer.height > 0 else { return }
        let lines = [
            "terminal too small (need \(minimum.width)\(context.glyphs.times)\(minimum.height))",
            "now \(buffer.width)\(context.glyphs.times)\(buffer.height)\(context.glyphs.separator)q quits",
        ]
        // Word-wrap, so that even a very narrow terminal shows the whole sentence.
        let wrapped = lines.flatMap { Self.wrap($0, width: buffer.width) }
        let top = max(0, (buffer.height - wrapped.count) / 2)
        for (offset, line) in wrapped.enumerated() where top + offset < buffer.height {
            let first = offset < wrapped.count - Self.wrap(lines[1], width: buffer.width).count
            buffer.write(line, x: 0, y: top + offset, width: buffer.width,
                         style: CellStyle(first ? .warning : .dim, first ? [.bold] : []),
                         ellipsis: context.glyphs.ellipsis, alignment: .center)
        }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if CharacterWidth.columns(of: candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
