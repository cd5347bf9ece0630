/// Where each key of a TOML text sits, found by scanning the text once: TOMLKit keeps no
/// positions for the values it parses, and an error about a value must name `FILE:LINE`.
public struct TOMLKeyLines: Sendable {
    /// A `[header]` or `[[header]]` name ("" for the top level) and its occurrence (0-based).
    public struct Table: Hashable, Sendable {
        public var name: String
        public var occurrence: Int

        public init(name: String, occurrence: Int = 0) {
            self.name = name
            self.occurrence = occurrence
        }

        /// The keys before the first header.
        public static let top = Table(name: "")
    }

    private var keyLines: [Table: [String: Int]] = [:]
    private var headerLines: [Table: Int] = [:]

    public init(_ text: String) {
        var current = Table.top
        var seen: [String: Int] = [:]
        var inMultilineString = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            // A `"""` or `'''` string may hold lines that look like headers or keys.
            let quotes = line.occurrences(of: "\"\"\"") + line.occurrences(of: "'''")
            if inMultilineString {
                if quotes % 2 == 1 { inMultilineString = false }
                continue
            }
            if line.hasPrefix("[") {
                let name = line.drop { $0 == "[" }.prefix { $0 != "]" }.trimmed.unquoted
                let occurrence = seen[name, default: 0]
                seen[name] = occurrence + 1
                current = Table(name: name, occurrence: occurrence)
                headerLines[current] = number
                continue
            }
            if let key = Self.leadingKey(line), keyLines[current, default: [:]][key] == nil {
                keyLines[current, default: [:]][key] = number
            }
            if quotes % 2 == 1 { inMultilineString = true }
        }
    }

    /// The line of `key` in `table`; else of the dotted `table.key` at the top level; else the
    /// table's header line; else the line of an inline `table = {…}` at the top level; nil when
    /// none is written (a key at the top level that is not there, say).
    public func line(of key: String?, in table: Table) -> Int? {
        if let key, let line = keyLines[table]?[key] { return line }
        if let dotted = key.flatMap({ keyLines[.top]?["\(table.name).\($0)"] }) { return dotted }
        if let header = headerLines[table] { return header }
        if !table.name.isEmpty, let whole = keyLines[.top]?[table.name] { return whole }
        return nil
    }

    /// The bare or quoted key before `=` on a line, dotted parts joined with `.`.
    private static func leadingKey(_ line: Substring) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let parts = line[..<equals].split(separator: ".").map { $0.trimmed.unquoted }
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("#") }) else { return nil }
        return parts.joined(separator: ".")
    }
}

extension StringProtocol {
    fileprivate var trimmed: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[start...end])
    }

    fileprivate var unquoted: String {
        guard count >= 2, let first, first == "\"" || first == "'", last == first else { return String(self) }
        return String(dropFirst().dropLast())
    }

    /// How many times `needle` stands in the text, without overlaps.
    fileprivate func occurrences(of needle: String) -> Int {
        let pattern = Array(needle.utf8), bytes = Array(utf8)
        var count = 0, index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }
}
