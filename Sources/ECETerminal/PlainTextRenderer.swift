/// Renders a screen buffer as plain text: for snapshot tests and for a non-terminal dump.
public struct PlainTextRenderer: Sendable {
    /// Drops spaces at line ends, so expected strings in tests need no invisible padding.
    public var trimsTrailingSpaces: Bool

    public init(trimsTrailingSpaces: Bool = true) { self.trimsTrailingSpaces = trimsTrailingSpaces }

    public func lines(_ buffer: ScreenBuffer) -> [String] {
        // Rows are built as UTF-8 bytes: appending Characters one by one to a String costs
        // several times more, and a frame has tens of thousands of cells.
        var row: [UInt8] = []
        row.reserveCapacity(buffer.width * 3)
        return (0..<buffer.height).map { y in
            row.removeAll(keepingCapacity: true)
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if let ascii = cell.asciiByte {
                    row.append(ascii)
                } else {
                    cell.appendUTF8(to: &row)
                }
            }
            if trimsTrailingSpaces {
                while row.last == 0x20 { row.removeLast() }
            }
            return String(decoding: row, as: UTF8.self)
        }
    }

    /// The buffer as one string, lines joined by line feeds.
    public func render(_ buffer: ScreenBuffer) -> String { lines(buffer).joined(separator: "\n") }

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
