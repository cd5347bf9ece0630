/// Numbers and times of day in block letters, five or three rows tall, for wall mode: what a
/// panel shows must be readable from across the room.
///
/// Every character is three columns wide (`:` one) with one blank column between characters,
/// whatever the height or font, so a layout can measure text before choosing a height; a
/// `scale` of 2 doubles every pixel both ways (ten rows from five) for a tall screen.
public enum BigDigits {
    /// How many terminal rows the characters take.
    public enum Height: Int, Sendable, Hashable, CaseIterable {
        case five = 5
        case three = 3
    }

    /// Full blocks (with half blocks at three rows) on a UTF-8 terminal; `#` and a
    /// seven-segment style on an ASCII-only one.
    public enum Font: Sendable, Hashable {
        case blocks
        case ascii
    }

    /// Digits, `:` and `-` (shown for a value never read); anything else has no picture.
    public static let characters: Set<Character> = Set(pixels.keys)

    /// Each character as five rows of three pixels (`#` set); `:` is one pixel wide.
    static let pixels: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "#", ".", "#", "."],
        "-": ["...", "...", "###", "...", "..."],
    ]

    /// Three-row ASCII pictures: halving five rows of `#` leaves no room for a 2's bends, so
    /// ASCII terminals get the segments of a pocket calculator instead.
    static let segments: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"],
        "1": ["   ", "  |", "  |"],
        "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"],
        "4": ["   ", "|_|", "  |"],
        "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"],
        "7": [" _ ", "  |", "  |"],
        "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"],
        ":": [" ", ".", "."],
        "-": ["   ", " _ ", "   "],
    ]

    /// Whether every character of `text` has a picture.
    public static func canDraw(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy(characters.contains)
    }

    /// Columns `text` takes at any height, times `scale`.
    public static func width(_ text: String, scale: Int = 1) -> Int {
        let columns = text.reduce(0) { $0 + (pixels[$1]?.first?.count ?? 0) }
        return (columns + max(0, text.count - 1)) * max(1, scale)
    }

    /// The rows of `text`'s picture, top first, each `width(text, scale:)` columns; characters
    /// without a picture are left out.
    public static func rows(_ text: String, height: Height, font: Font, scale: Int = 1) -> [String] {
        let pictures = text.compactMap { picture($0, height: height, font: font) }
        let rows = (0..<height.rawValue).map { row in pictures.map { $0[row] }.joined(separator: " ") }
        guard scale > 1 else { return rows }
        return rows.flatMap { row in
            Array(repeating: String(row.flatMap { Array(repeating: $0, count: scale) }), count: scale)
        }
    }

    /// Draws `text` with its top-left corner at (x, y); returns the columns used.
    @discardableResult
    public static func draw(_ text: String, into buffer: inout ScreenBuffer, x: Int, y: Int, height: Height, font: Font,
                            scale: Int = 1, style: CellStyle) -> Int {
        for (offset, row) in rows(text, height: height, font: font, scale: scale).enumerated() {
            buffer.write(row, x: x, y: y + offset, style: style)
        }
        return width(text, scale: scale)
    }

    private static func picture(_ character: Character, height: Height, font: Font) -> [String]? {
        guard let pixels = pixels[character] else { return nil }
        switch (height, font) {
        case (.five, .blocks): return painted(pixels, with: "█")
        case (.five, .ascii): return painted(pixels, with: "#")
        case (.three, .blocks): return halved(pixels)
        case (.three, .ascii): return segments[character]
        }
    }

    private static func painted(_ pixels: [String], with block: Character) -> [String] {
        pixels.map { row in String(row.map { (pixel: Character) -> Character in pixel == "#" ? block : " " }) }
    }

    /// Two pixel rows per terminal row with half blocks: rows 0–1, 2–3 and 4 alone.
    private static func halved(_ pixels: [String]) -> [String] {
        let rows: [[Character]] = pixels.map { Array($0) } + [Array(repeating: Character("."), count: pixels[0].count)]
        return stride(from: 0, to: 5, by: 2).map { top in
            String(zip(rows[top], rows[top + 1]).map { (upper: Character, lower: Character) -> Character in
                switch (upper == "#", lower == "#") {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }
}

extension BigDigits.Font {
    /// The font that matches a glyph set: its sparkline already draws block elements, so
    /// blocks are safe exactly when that sparkline is not plain ASCII.
    public init(_ glyphs: GlyphSet) {
        self = glyphs.sparkline.allSatisfy(\.isASCII) ? .ascii : .blocks
    }
}
