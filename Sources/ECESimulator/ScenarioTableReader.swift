import ECEChat
import ECECommon
import TOMLKit

/// Reads the values of one TOML table strictly, each mistake a `FILE:LINE:` error.
struct ScenarioTableReader {
    let table: TOMLTable
    /// `[[section]]` name and position, nil for the top level.
    let section: String?
    let index: Int
    let file: String
    let lines: TOMLKeyLines

    var place: String { section.map { "[[\($0)]] #\(index + 1)" } ?? "the top level" }

    func error(_ key: String?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: lines.line(of: key, in: section.map { .init(name: $0, occurrence: index) } ?? .top), message: message)
    }

    func rejectUnknownKeys(_ known: [String]) throws(ScenarioError) {
        for key in table.keys where !known.contains(key) {
            throw error(key, "unknown key \"\(key)\" in \(place) (known: \(known.joined(separator: ", ")))")
        }
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    func string(_ key: String) throws(ScenarioError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "\"\(key)\" must be a string") }
        return text
    }

    func bool(_ key: String) throws(ScenarioError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw error(key, "\"\(key)\" must be true or false") }
        return flag
    }

    func int(_ key: String, minimum: Int = 0) throws(ScenarioError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw error(key, "\"\(key)\" must be a whole number") }
        guard number >= minimum else { throw error(key, "\"\(key)\" must be at least \(minimum), got \(number)") }
        return number
    }

    func double(_ key: String, minimum: Double = 0) throws(ScenarioError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), number.isFinite else {
            throw error(key, "\"\(key)\" must be a number")
        }
        guard number >= minimum else { throw error(key, "\"\(key)\" must be at least \(minimum), got \(number)") }
        return number
    }

    /// `"1000"`, `"1000-1009,1020"`, `1000`, or an array of those.
    func entryPoints(_ key: String) throws(ScenarioError) -> [EntryPointID]? {
        guard let value = table[key] else { return nil }
        var texts: [String] = []
        if let whole = value.int {
            texts = [String(whole)]
        } else if let text = value.string {
            texts = [text]
        } else if let array = value.array {
            for element in array {
                if let whole = element.int { texts.append(String(whole)) } else if let text = element.string { texts.append(text) } else {
                    throw error(key, "\"\(key)\" must list entry point IDs or ranges such as \"1000-1009\"")
                }
            }
        } else {
            throw error(key, "\"\(key)\" must be an entry point ID or a range such as \"1000-1009\"")
        }
        do {
            return try EntryPointID.parseList(texts)
        } catch {
            throw self.error(key, error.description)
        }
    }

    /// A time after the start: `"00:02:00"`, `"02:00"`, `"90"`, `90`, or an unquoted TOML time.
    func duration(_ key: String) throws(ScenarioError) -> Double? {
        guard let value = table[key] else { return nil }
        if let whole = value.int, whole >= 0 { return Double(whole) }
        if let number = value.double, number.isFinite, number >= 0 { return number }
        if let time = value.time { return Double(time.hour * 3600 + time.minute * 60 + time.second) }
        if let text = value.string, let seconds = Self.seconds(text) { return seconds }
        throw error(key, "\"\(key)\" must be a time such as \"00:02:00\" (HH:MM:SS) or a number of seconds")
    }

    static func seconds(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        for (position, part) in parts.enumerated() {
            guard let value = Double(part), value.isFinite, value >= 0 else { return nil }
            if position > 0, value >= 60 { return nil }
            total = total * 60 + value
        }
        return total
    }
}
