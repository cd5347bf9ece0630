/// The screen model: a width×height grid of cells that views draw into and renderers read.
///
/// Every write clips to the buffer, so a view may draw at any position on any size without
/// checking first; a wide character that would not fit whole is drawn as a space.
public struct ScreenBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: ScreenSize) { self.init(width: size.width, height: size.height) }

    public var size: ScreenSize { ScreenSize(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Writes `text` from (x, y), escaping control characters, stopping at `limit` columns
    /// (or the right edge); returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        if let written = writeASCII(text, x: x, y: y, end: end, style: style) { return written }
        var column = x
        /// Places one grapheme; false once the edge is reached.
        func place(_ character: Character) -> Bool {
            let columns = CharacterWidth.columns(of: character)
            if columns == 0 { return true }
            if column + columns > end {
                // A wide character cut by the edge would leave half a glyph: pad instead.
                if columns == 2, column < end, column >= 0 { put(" ", x: column, y: y, style: style) }
                return false
            }
            if column >= 0 {
                put(character, x: column, y: y, style: style, wide: columns == 2)
            }
            column += columns
            return true
        }
        for character in TextEscaping.visible(text) where !place(character) { break }
        return max(0, column - x)
    }

    /// Printable ASCII (nearly every string a view writes) is one column per byte and needs
    /// no escaping nor grapheme breaking: cells straight from the bytes. Nil for other text.
    private mutating func writeASCII(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            let first = max(x, 0)
            let last = min(end, x + bytes.count)
            var column = first
            while column < last {
                put(Cell(ascii: bytes[column - x], style: style), x: column, y: y)
                column += 1
            }
            return max(0, min(end, x + bytes.count) - x)
        }
    }

    /// Writes `text` into exactly `width` columns: cut with `ellipsis` when too long, padded
    /// with spaces (in `style`) when short.
    public mutating func write(_ text: String, x: Int, y: Int, width: Int, style: CellStyle, ellipsis: Character = "…",
                               alignment: Alignment = .left) {
        guard width > 0 else { return }
        let fitted = Self.fit(text, width: width, ellipsis: ellipsis)
        let used = CharacterWidth.columns(of: fitted)
        let padding = max(0, width - used)
        let left = alignment == .right ? padding : alignment == .center ? padding / 2 : 0
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        write(fitted, x: x + left, y: y, style: style, limit: width - left)
    }

    public enum Alignment: Sendable { case left, center, right }

    /// Text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func fit(_ text: String, width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let visible = TextEscaping.visible(text)
        if CharacterWidth.columns(of: visible) <= width { return visible }
        var result = ""
        var used = 0
        let room = width - CharacterWidth.columns(of: ellipsis)
        for character in visible {
            let columns = CharacterWidth.columns(of: character)
            if used + columns > room { break }
            result.append(character)
            used += columns
        }
        result.append(ellipsis)
        return result
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, character: Character = " ", style: CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(character, style: style)
        for y in y0..<y1 {
            // Only the edges can split a wide character; inside, every cell is overwritten.
            put(character, x: x0, y: y, style: style)
            if x1 - 1 > x0 { put(character, x: x1 - 1, y: y, style: style) }
            let row = y * width
            for x in (x0 + 1)..<max(x0 + 1, x1 - 1) { cells[row + x] = cell }
        }
    }

    /// Changes the style of cells in a rectangle, keeping their characters.
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x].style = style }
        }
    }

    /// Draws a box's frame along the edge of `rect`.
    public mutating func drawBox(_ rect: Rect, lines: BoxLines, style: CellStyle) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = Cell(lines.horizontal, style: style)
        let vertical = Cell(lines.vertical, style: style)
        for x in rect.x + 1..<rect.maxX - 1 {
            put(horizontal, x: x, y: rect.y)
            put(horizontal, x: x, y: rect.maxY - 1)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put(vertical, x: rect.x, y: y)
            put(vertical, x: rect.maxX - 1, y: y)
        }
        put(lines.topLeft, x: rect.x, y: rect.y, style: style)
        put(lines.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        put(lines.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        put(lines.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
    }

    /// Sets one cell, keeping wide characters whole: overwriting either half of a wide
    /// character blanks the other half.
    private mutating func put(_ character: Character, x: Int, y: Int, style: CellStyle, wide: Bool = false) {
        guard wide else {
            put(Cell(character, style: style), x: x, y: y)
            return
        }
        guard x >= 0, x < width, y >= 0, y < height else { return }
        guard x + 1 < width else {
            put(Cell(" ", style: style), x: x, y: y)
            return
        }
        put(Cell(character, style: style), x: x, y: y)
        put(Cell(" ", style: style), x: x + 1, y: y)
        cells[y * width + x + 1].isContinuation = true
    }

    /// Sets one single-column cell, blanking the other half of any wide character it splits.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
