/// Finds the line of a key in a TOML text, for error messages about values TOMLKit parsed
/// happily but the simulator cannot use (TOMLKit keeps no positions for parsed values).
struct ScenarioSourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The line of `key` inside the `index`-th `[[section]]` (or `[section]`), or at the top level
    /// when `section` is nil; the section's header line when the key is not found; nil when
    /// neither is (an inline table, say).
    func line(section: String?, index: Int = 0, key: String?) -> Int? {
        var current: String?
        var occurrences: [String: Int] = [:]
        var inTarget = section == nil
        var headerLine: Int?
        for (offset, raw) in lines.enumerated() {
            let text = raw.drop { $0 == " " || $0 == "\t" }
            if text.hasPrefix("[") {
                let name = text.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingCharacters(in: " \t")
                current = name
                let seen = occurrences[name, default: 0]
                occurrences[name] = seen + 1
                inTarget = section == name && seen == index
                if inTarget { headerLine = offset + 1 }
                continue
            }
            guard inTarget, section == current || (section == nil && current == nil) else { continue }
            guard let key else { continue }
            if startsWithKey(text, key) { return offset + 1 }
        }
        if key != nil, section == nil { return nil }
        return headerLine
    }

    private func startsWithKey(_ text: Substring, _ key: String) -> Bool {
        var rest = text
        if rest.hasPrefix("\"\(key)\"") {
            rest = rest.dropFirst(key.count + 2)
        } else if rest.hasPrefix(key) {
            rest = rest.dropFirst(key.count)
        } else {
            return false
        }
        return rest.drop { $0 == " " || $0 == "\t" }.first == "="
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let isTrimmed: (Character) -> Bool = { set.contains($0) }
        guard let start = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = lastIndex(where: { !isTrimmed($0) })!
        return String(self[start...end])
    }
}
