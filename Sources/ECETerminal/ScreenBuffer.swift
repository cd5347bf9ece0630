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
        if let written = writeSingleColumnScalars(text, x: x, y: y, end: end, style: style) { return written }
        return writeGraphemes(text, x: x, y: y, end: end, style: style)
    }

    /// The general path: grapheme by grapheme, control characters escaped, wide ones whole.
    mutating func writeGraphemes(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int {
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
            guard bytes.allSatisfy(CharacterWidth.isPrintableASCII) else { return nil }
            let first = max(x, 0), last = min(end, x + bytes.count)
            guard let row = makeRoom(from: first, to: last, y: y) else { return max(0, last - x) }
            cells.withUnsafeMutableBufferPointer { cells in
                for column in first..<last { cells[row + column] = Cell(ascii: bytes[column - x], style: style) }
            }
            return last - x
        }
    }

    /// Text whose every scalar is a one-column grapheme of its own (the dashboard's symbols,
    /// box lines, `…`, `·`, `×`, accented Latin) needs no grapheme breaking either: one cell
    /// per scalar. Nil when any scalar could join its neighbour or is not one column.
    private mutating func writeSingleColumnScalars(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int? {
        guard let count = CharacterWidth.standaloneSingleColumnCount(text) else { return nil }
        let first = max(x, 0), last = min(end, x + count)
        guard let row = makeRoom(from: first, to: last, y: y) else { return max(0, last - x) }
        cells.withUnsafeMutableBufferPointer { cells in
            var column = x
            for scalar in text.unicodeScalars {
                if column >= last { break }
                if column >= first { cells[row + column] = Cell(scalar: scalar.value, style: style) }
                column += 1
            }
        }
        return last - x
    }

    /// Readies the cells `first..<last` of row `y` for single-column cells assigned directly:
    /// a wide character cut at either end of the run is blanked, as `put` does cell by cell.
    /// Returns the row's offset in `cells`, or nil when the run is empty or off the buffer.
    private mutating func makeRoom(from first: Int, to last: Int, y: Int) -> Int? {
        guard first < last, first >= 0, last <= width, y >= 0, y < height else { return nil }
        let row = y * width
        if cells[row + first].isContinuation, first > 0 {
            cells[row + first - 1] = Cell(" ", style: cells[row + first - 1].style)
        }
        if last < width, cells[row + last].isContinuation {
            cells[row + last] = Cell(" ", style: cells[row + last].style)
        }
        return row
    }

    /// Sets the cells `first..<last` of row `y` to one single-column cell.
    private mutating func putRun(from first: Int, to last: Int, y: Int, _ cell: Cell) {
        guard let row = makeRoom(from: first, to: last, y: y) else { return }
        cells.withUnsafeMutableBufferPointer { cells in
            for column in first..<last { cells[row + column] = cell }
        }
    }

    /// Writes `text` into exactly `width` columns: cut with `ellipsis` when too long, padded
    /// with spaces (in `style`) when short.
    public mutating func write(_ text: String, x: Int, y: Int, width: Int, style: CellStyle, ellipsis: Character = "…",
                               alignment: Alignment = .left) {
        guard width > 0 else { return }
        if writeShortASCII(text, x: x, y: y, width: width, style: style, alignment: alignment) { return }
        let fitted = Self.fit(text, width: width, ellipsis: ellipsis)
        // Left-aligned (nearly every field) needs no measuring: the write says what it used.
        let padding = alignment == .left ? 0 : max(0, width - CharacterWidth.columns(of: fitted))
        let left = alignment == .right ? padding : padding / 2
        // Padding only where the text is not: every cell is written once.
        fill(Rect(x: x, y: y, width: left, height: 1), style: style)
        let written = write(fitted, x: x + left, y: y, style: style, limit: width - left)
        fill(Rect(x: x + left + written, y: y, width: width - left - written, height: 1), style: style)
    }

    public enum Alignment: Sendable { case left, center, right }

    /// Printable ASCII that fits (a table cell nearly always): text and padding in one pass
    /// over the cells, with nothing to cut or measure. False, with nothing written, otherwise.
    private mutating func writeShortASCII(_ text: String, x: Int, y: Int, width: Int, style: CellStyle, alignment: Alignment) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count <= width, bytes.allSatisfy(CharacterWidth.isPrintableASCII) else { return false }
            let padding = width - bytes.count
            let left = alignment == .left ? 0 : alignment == .right ? padding : padding / 2
            let first = max(x, 0), last = min(self.width, x + width)
            guard let row = makeRoom(from: first, to: last, y: y) else { return true }
            let blank = Cell(ascii: 0x20, style: style)
            cells.withUnsafeMutableBufferPointer { cells in
                for column in first..<last {
                    let offset = column - x - left
                    cells[row + column] = offset >= 0 && offset < bytes.count ? Cell(ascii: bytes[offset], style: style) : blank
                }
            }
            return true
        }
    }

    /// Text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func fit(_ text: String, width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width, text.utf8.allSatisfy(CharacterWidth.isPrintableASCII) { return text }
        if let count = CharacterWidth.standaloneSingleColumnCount(text) {
            if count <= width { return text }
            let room = max(0, width - CharacterWidth.columns(of: ellipsis))
            let scalars = text.unicodeScalars
            return String(scalars[..<scalars.index(scalars.startIndex, offsetBy: room)]) + String(ellipsis)
        }
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
        for y in y0..<y1 { putRun(from: x0, to: x1, y: y, cell) }
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
        let x0 = max(0, rect.x + 1), x1 = min(width, rect.maxX - 1)
        putRun(from: x0, to: x1, y: rect.y, horizontal)
        putRun(from: x0, to: x1, y: rect.maxY - 1, horizontal)
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
