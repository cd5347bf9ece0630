/// Renders a screen buffer as plain text: for snapshot tests and for a non-terminal dump.
public struct PlainTextRenderer: Sendable {
    /// Drops spaces at line ends, so expected strings in tests need no invisible padding.
    public var trimsTrailingSpaces: Bool

    public init(trimsTrailingSpaces: Bool = true) { self.trimsTrailingSpaces = trimsTrailingSpaces }

    public func lines(_ buffer: ScreenBuffer) -> [String] {
        var row: [UInt8] = []
        row.reserveCapacity(buffer.width * 3)
        return (0..<buffer.height).map { y in
            row.removeAll(keepingCapacity: true)
            appendRow(y, of: buffer, to: &row)
            return String(decoding: row, as: UTF8.self)
        }
    }

    /// The buffer as one string, lines joined by line feeds.
    public func render(_ buffer: ScreenBuffer) -> String {
        // One byte array for the whole frame, decoded once: appending Characters one by one
        // to a String costs several times more, and a frame has tens of thousands of cells.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(buffer.height * (buffer.width + 1))
        for y in 0..<buffer.height {
            if y > 0 { bytes.append(0x0A) }
            appendRow(y, of: buffer, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendRow(_ y: Int, of buffer: ScreenBuffer, to bytes: inout [UInt8]) {
        let start = bytes.count
        buffer.cells.withUnsafeBufferPointer { cells in
            for cell in cells[y * buffer.width..<(y + 1) * buffer.width] where !cell.isContinuation {
                if let ascii = cell.asciiByte {
                    bytes.append(ascii)
                } else {
                    cell.appendUTF8(to: &bytes)
                }
            }
        }
        if trimsTrailingSpaces {
            while bytes.count > start, bytes.last == 0x20 { bytes.removeLast() }
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
