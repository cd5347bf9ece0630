import ECEChat
import ECECommon
import TOMLKit

/// Reads one table of a config file strictly: every mistake is a `FILE:LINE:` error naming the key.
struct ConfigTableReader {
    let table: TOMLTable
    /// How messages name this table's keys: "" at the top level, `thresholds.`, `entry-points[2].`.
    let prefix: String
    let position: TOMLKeyLines.Table
    let file: String
    let lines: TOMLKeyLines

    func line(_ key: String?) -> Int { lines.line(of: key, in: position) ?? 1 }

    func error(_ key: String?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: line(key), message: message)
    }

    /// The name a message uses for `key`: `thresholds.wait-time`.
    func name(_ key: String) -> String { prefix + key }

    /// Refuses keys not in `known`, first in file order, suggesting a near miss.
    func rejectUnknownKeys(_ known: [String]) throws(ConfigError) {
        let unknown = table.keys.filter { !known.contains($0) }.sorted { line($0) < line($1) }
        guard let key = unknown.first else { return }
        var message = "unknown key \"\(name(key))\""
        if let suggestion = KeySuggestion.nearest(to: key, in: known) {
            message += "; did you mean \"\(name(suggestion))\"?"
        } else {
            message += " (known here: \(known.joined(separator: ", ")))"
        }
        throw error(key, message)
    }

    /// The sub-table under `key`, nil when absent.
    func subtable(_ key: String) throws(ConfigError) -> ConfigTableReader? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw wrongType(key, value, "a table: write [\(key)] on a line of its own") }
        return ConfigTableReader(table: sub, prefix: "\(prefix)\(key).", position: .init(name: key, occurrence: 0), file: file, lines: lines)
    }

    /// The tables of `[[key]]`, each a reader naming its keys `key[N].…`; empty when absent.
    ///
    /// - Parameter keysHint: what each table holds, for the message when `key` is something else.
    func arrayOfTables(_ key: String, keysHint: String) throws(ConfigError) -> [ConfigTableReader] {
        guard let value = table[key] else { return [] }
        let expected = "an array of tables: write [[\(key)]] above each \(keysHint)"
        guard let array = value.array else { throw wrongType(key, value, expected) }
        var readers: [ConfigTableReader] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else { throw error(key, "\"\(name(key))\" must be \(expected)") }
            readers.append(ConfigTableReader(table: table, prefix: "\(prefix)\(key)[\(index + 1)].",
                                             position: .init(name: key, occurrence: index), file: file, lines: lines))
        }
        return readers
    }

    func string(_ key: String) throws(ConfigError) -> ConfigValue<String>? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw wrongType(key, value, "a string in double quotes") }
        return ConfigValue(text, line: line(key))
    }

    /// A string shown on screen: not empty, no control characters (they would garble the terminal).
    func text(_ key: String) throws(ConfigError) -> ConfigValue<String>? {
        guard let value = try string(key) else { return nil }
        guard !value.value.isEmpty else { throw error(key, "\"\(name(key))\" must not be empty") }
        guard !value.value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw error(key, "\"\(name(key))\" must not contain control characters such as tabs or newlines")
        }
        return value
    }

    func bool(_ key: String) throws(ConfigError) -> ConfigValue<Bool>? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw wrongType(key, value, "true or false") }
        return ConfigValue(flag, line: line(key))
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> ConfigValue<Int>? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw wrongType(key, value, "a whole number") }
        guard range.contains(number) else {
            throw error(key, "\"\(name(key))\" must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
        }
        return ConfigValue(number, line: line(key))
    }

    /// A number, whole or not; `unit` words the range in the message ("seconds").
    func double(_ key: String, in range: ClosedRange<Double>, unit: String = "") throws(ConfigError) -> ConfigValue<Double>? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else { throw wrongType(key, value, "a number") }
        guard number.isFinite, range.contains(number) else {
            let suffix = unit.isEmpty ? "" : " \(unit)"
            let bounds = "between \(EffectiveConfiguration.number(range.lowerBound)) and \(EffectiveConfiguration.number(range.upperBound))"
            throw error(key, "\"\(name(key))\" must be \(bounds)\(suffix), got \(EffectiveConfiguration.number(number))")
        }
        return ConfigValue(number, line: line(key))
    }

    /// `1000`, `"1000-1003"`, `"1000,1002"`, or an array of those.
    func entryPointIDs(_ key: String) throws(ConfigError) -> ConfigValue<[EntryPointID]>? {
        guard let value = table[key] else { return nil }
        // One value or an array of them: each a whole number or a string of IDs and ranges.
        let elements: [any TOMLValueConvertible] = value.array.map { Array($0) } ?? [value]
        var texts: [String] = []
        for element in elements {
            guard let text = element.int.map({ String($0) }) ?? element.string else {
                let got = (value.array == nil ? "" : "an array holding ") + Self.typeName(element)
                throw error(key, "\"\(name(key))\" must be an ID, a range such as \"1000-1003\", or an array of those, got \(got)")
            }
            texts.append(text)
        }
        let ids: [EntryPointID]
        do {
            ids = try EntryPointID.parseList(texts)
        } catch {
            throw self.error(key, "\"\(name(key))\": \(error.description)")
        }
        guard !ids.isEmpty else { throw self.error(key, "\"\(name(key))\" must name at least one entry point") }
        return ConfigValue(ids, line: line(key))
    }

    private func wrongType(_ key: String, _ value: any TOMLValueConvertible, _ expected: String) -> ConfigError {
        error(key, "\"\(name(key))\" must be \(expected), got \(Self.typeName(value))")
    }

    /// `a string`, `an integer`: TOML's name for what was written, for wrong-type messages.
    static func typeName(_ value: any TOMLValueConvertible) -> String {
        let name = value.type.description
        return ("aeiou".contains(name.first ?? "x") ? "an " : "a ") + name
    }
}
