/// Renders a screen buffer as plain text: for snapshot tests and for a non-terminal dump.
public struct PlainTextRenderer: Sendable {
    /// Drops spaces at line ends, so expected strings in tests need no invisible padding.
    public var trimsTrailingSpaces: Bool

    public init(trimsTrailingSpaces: Bool = true) { self.trimsTrailingSpaces = trimsTrailingSpaces }

    public func lines(_ buffer: ScreenBuffer) -> [String] {
        (0..<buffer.height).map { render(buffer, rows: $0..<$0 + 1) }
    }

    /// The buffer as one string, lines joined by line feeds.
    public func render(_ buffer: ScreenBuffer) -> String {
        render(buffer, rows: 0..<buffer.height)
    }

    /// Rows `rows` joined by line feeds: sized in one pass over the cells, then written straight
    /// into the string's storage (a byte array appended to cell by cell, then validated and
    /// copied into a string, was a ninth of a 200-row table's frame).
    private func render(_ buffer: ScreenBuffer, rows: Range<Int>) -> String {
        let width = buffer.width
        return buffer.cells.withUnsafeBufferPointer { cells in
            let shown = cells[rows.lowerBound * width..<rows.upperBound * width]
            var capacity = max(0, rows.count - 1)
            for cell in shown where !cell.isContinuation { capacity += cell.utf8Count }
            return String(unsafeUninitializedCapacity: capacity) { bytes in
                var count = 0
                for y in rows {
                    if y > rows.lowerBound {
                        bytes[count] = 0x0A
                        count += 1
                    }
                    let start = count
                    for cell in cells[y * width..<(y + 1) * width] where !cell.isContinuation {
                        count += cell.storeUTF8(into: bytes, at: count)
                    }
                    if trimsTrailingSpaces {
                        while count > start, bytes[count - 1] == 0x20 { count -= 1 }
                    }
                }
                return count
            }
        }
    }

    /// One letter per cell naming its role (`C` critical, `W` warning, `O` ok, …): lets a test
    /// check colour without a terminal.
    public func roles(_ buffer: ScreenBuffer) -> [String] {
        (0..<buffer.height).map { y in
            String((0..<buffer.width).map { Self.letter(buffer[$0, y].style.role) })
        }
    }

    static func letter(_ role: StyleRole) -> Character {
        switch role {
        case .background: "."
        case .text: "t"
        case .dim: "d"
        case .border: "b"
        case .title: "T"
        case .header: "H"
        case .footer: "F"
        case .selection: "S"
        case .ok: "O"
        case .warning: "W"
        case .critical: "C"
        case .unknown: "U"
        case .stale: "s"
        case .flash: "X"
        case .chart: "c"
        }
    }
}
