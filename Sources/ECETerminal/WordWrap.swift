/// Cuts text into lines of at most a given number of columns, for prose and raw bodies.
enum WordWrap {
    /// Breaks at spaces where it can; a word longer than a line is cut. Lines after the first
    /// start with `indent` spaces, so a wrapped paragraph reads as one item.
    static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > indent else { return characters(text, width: width) }
        var lines: [String] = []
        var current = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let room = width - (lines.isEmpty ? 0 : indent)
            let columns = CharacterWidth.columns(of: word)
            if used > 0, used + 1 + columns > room {
                lines.append(current)
                current = ""
                used = 0
            }
            if columns > room - used {
                // A word wider than the line: cut it across lines.
                for piece in characters(word, width: room) {
                    if used > 0 { lines.append(current); current = ""; used = 0 }
                    current = piece
                    used = CharacterWidth.columns(of: piece)
                }
                continue
            }
            if used > 0 { current += " "; used += 1 }
            current += word
            used += columns
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }
    }

    /// Cuts a line into pieces of at most `width` columns, without looking for spaces.
    static func characters(_ line: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in line {
            let columns = CharacterWidth.columns(of: character)
            if used + columns > width {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += columns
        }
        pieces.append(current)
        return pieces
    }
}
