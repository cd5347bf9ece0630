/// Where a key sits in a theme file's text: TOMLKit keeps no positions for what it parsed,
/// and an error that names no line leaves the user searching.
struct ThemeSourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The line of `key` in `[table]` (the top level when `table` is nil); the table's header
    /// line when `key` is nil or not written there; nil when neither is found.
    func line(table: String?, key: String?) -> Int? {
        var current: String?
        var headerLine: Int?
        for (number, raw) in zip(1..., lines) {
            let text = raw.trimmingPrefix { $0 == " " || $0 == "\t" }
            if text.first == "[" {
                current = Self.unquoted(text.dropFirst().prefix { $0 != "]" })
                if current == table { headerLine = number }
                continue
            }
            guard current == table, let key, let equals = text.firstIndex(of: "=") else { continue }
            if Self.unquoted(text[..<equals]) == key { return number }
        }
        return headerLine
    }

    /// A bare or quoted TOML key without its quotes and surrounding blanks.
    private static func unquoted(_ text: Substring) -> String {
        let blanks: Set<Character> = [" ", "\t", "\"", "'"]
        return String(text.drop { blanks.contains($0) }.reversed().drop { blanks.contains($0) }.reversed())
    }
}
