import Foundation

/// Where each key of a config file sits, found by scanning the text once (TOMLKit keeps no
/// positions for the values it parses, and errors must name `FILE:LINE`).
struct ConfigKeyLines: Sendable {
    /// `[header]` or `[[header]]` name ("" for the top level) and its occurrence (0-based).
    struct Table: Hashable, Sendable {
        var name: String
        var occurrence: Int
    }

    private var keyLines: [Table: [String: Int]] = [:]
    private var headerLines: [Table: Int] = [:]

    init(_ text: String) {
        var current = Table(name: "", occurrence: 0)
        var seen: [String: Int] = [:]
        var inMultilineString = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            // A `"""` or `'''` string may hold lines that look like headers or keys.
            let quotes = line.components(of: "\"\"\"") + line.components(of: "'''")
            if inMultilineString {
                if quotes % 2 == 1 { inMultilineString = false }
                continue
            }
            if line.hasPrefix("[") {
                let name = String(line.drop { $0 == "[" }.prefix { $0 != "]" }).trimmed
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

    /// The line of `key` in `table`, else the table's header line, else the first line
    /// (a key set through a dotted name or an inline table has no line of its own here).
    func line(of key: String?, in table: Table) -> Int {
        if let key, let line = keyLines[table]?[key] { return line }
        if let dotted = key.flatMap({ keyLines[Table(name: "", occurrence: 0)]?["\(table.name).\($0)"] }) { return dotted }
        if let header = headerLines[table] { return header }
        if !table.name.isEmpty, let whole = keyLines[Table(name: "", occurrence: 0)]?[table.name] { return whole }
        return 1
    }

    /// The bare or quoted key before `=` on a line, dotted parts joined with `.`.
    private static func leadingKey(_ line: Substring) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let parts = line[..<equals].split(separator: ".").map { part in
            part.trimmed.trimmingQuotes
        }
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

    fileprivate var trimmingQuotes: String {
        guard count >= 2, let first, first == "\"" || first == "'", last == first else { return String(self) }
        return String(dropFirst().dropLast())
    }

    fileprivate func components(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
