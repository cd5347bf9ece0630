/// How many terminal columns a grapheme takes, decided here rather than by the C library's
/// `wcwidth` so that layouts do not depend on the locale the process happens to run in.
enum CharacterWidth {
    static func columns(of character: Character) -> Int {
        // Nearly every cell is ASCII: answer it without walking Unicode scalars.
        if let ascii = character.singleByte { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x1100 { return 1 }
        // An emoji variation selector asks for the two-column presentation.
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    /// A byte of printable ASCII: one column, nothing to escape, no grapheme to join.
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// Total columns of a string.
    static func columns(of text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy(isPrintableASCII) { return text.utf8.count }
        if let count = standaloneSingleColumnCount(text) { return count }
        return text.reduce(0) { $0 + columns(of: $1) }
    }

    /// The scalar count of text made only of standalone one-column scalars (then also its
    /// grapheme count and its width); nil otherwise.
    static func standaloneSingleColumnCount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard isStandaloneSingleColumn(scalar.value) else { return nil }
            count += 1
        }
        return count
    }

    /// Printable, one column wide, and a grapheme by itself beside any other such scalar (no
    /// combining marks, joiners, variation selectors, emoji presentation, Hangul jamo or
    /// regional indicators): blocks chosen to hold every glyph the dashboard draws, so that
    /// its text needs no grapheme breaking. A test checks every scalar listed against
    /// `columns(of: Character)` and Swift's grapheme breaking.
    static func isStandaloneSingleColumn(_ value: UInt32) -> Bool {
        switch value {
        case 0x20..<0x7F,  // ASCII
             0xA0..<0x300,  // Latin-1 and Latin Extended (`·`, `×`, `é`), before the combining marks
             0x2010..<0x2028, 0x2030..<0x205F,  // dashes, quotes, `…`, `‰` (not the zero-width or bidi controls)
             0x2190..<0x2300,  // arrows and mathematical operators (`→`)
             0x2500..<0x25FD,  // box drawing, block elements, geometric shapes (`─`, `▁`, `●`, `▲`)
             0x2713...0x2718:  // check marks and crosses (`✓`, `✖`)
            true
        default:
            false
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15, abridged to whole blocks).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
