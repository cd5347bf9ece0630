import ECECommon
import Foundation
import TOMLKit

/// Reads theme files (TOML, one table per style role); see README "Themes and colour".
///
/// ```toml
/// name = "high-contrast"
/// [critical]
/// foreground = "#FF5555"
/// attributes = ["bold"]
/// monochrome = ["bold", "reverse"]
/// ```
public enum ThemeFile {
    static let styleKeys = ["foreground", "background", "attributes", "monochrome"]
    static let attributeNames: [String: TextAttributes] = ["bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim]
    static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let roles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ("\($0)", $0) })

    public static func load(path: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError(file: path, line: nil, message: "cannot read the theme (\((error as NSError).localizedDescription))")
        }
        return try parse(text, file: path)
    }

    /// A theme from TOML text; roles the file leaves out look as in `Theme.default`.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ThemeError(file: file, line: nil, message: "not TOML (\(error))")
        }
        let lines = TOMLKeyLines(text)
        func failure(_ table: String?, _ key: String?, _ message: String) -> ThemeError {
            ThemeError(file: file, line: lines.line(of: key, in: table.map { .init(name: $0) } ?? .top), message: message)
        }
        let fallbackName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var theme = Theme(name: fallbackName, description: "", styles: Theme.default.styles)
        for key in root.keys.sorted(by: { (lines.line(of: $0, in: .top) ?? 0) < (lines.line(of: $1, in: .top) ?? 0) }) {
            let value = root[key]
            switch key {
            case "name", "description":
                guard let text = value?.string, !text.contains(where: \.isNewline) else {
                    throw failure(nil, key, "\"\(key)\" must be a one-line string")
                }
                if key == "name" { theme.name = text } else { theme.description = text }
            default:
                guard let role = roles[key] else {
                    let table = value?.table != nil ? key : nil
                    throw failure(table, table == nil ? key : nil,
                                  "unknown \(table == nil ? "key" : "role") \"\(key)\" (roles: \(StyleRole.allCases.map { "\($0)" }.joined(separator: ", ")))")
                }
                guard let table = value?.table else { throw failure(nil, key, "\"\(key)\" must be a table: write [\(key)]") }
                theme.styles[role] = try style(table, role: key, failure: failure)
            }
        }
        return theme
    }

    private static func style(_ table: TOMLTable, role: String,
                              failure: (String?, String?, String) -> ThemeError) throws(ThemeError) -> ThemeStyle {
        for key in table.keys where !styleKeys.contains(key) {
            throw failure(role, key, "unknown key \"\(key)\" in [\(role)] (known: \(styleKeys.joined(separator: ", ")))")
        }
        func colour(_ key: String) throws(ThemeError) -> ThemeColor {
            guard let value = table[key] else { return .terminalDefault }
            if let parsed = value.int.flatMap({ (0..<256).contains($0) ? ThemeColor.index($0) : nil }) ?? value.string.flatMap(Self.colour) {
                return parsed
            }
            throw failure(role, key, "[\(role)] \(key) \(value.string.map { "\"\($0)\"" } ?? "(a \(value.type))") is not a colour "
                + "(use \"#RRGGBB\", 0-255, \"default\", or a name such as \"red\" or \"bright-blue\")")
        }
        func attributes(_ key: String) throws(ThemeError) -> TextAttributes? {
            guard let value = table[key] else { return nil }
            let names = value.array?.map(\.string)
            var result: TextAttributes = []
            for name in names ?? [nil] {
                guard let name, let attribute = attributeNames[name] else {
                    throw failure(role, key, "[\(role)] \(key) must list attributes from bold, underline, reverse, dim"
                        + (name.map { ", got \"\($0)\"" } ?? ""))
                }
                result.insert(attribute)
            }
            return result
        }
        let shown = try attributes("attributes") ?? []
        return ThemeStyle(foreground: try colour("foreground"), background: try colour("background"), attributes: shown,
                          monochrome: try attributes("monochrome"))
    }

    /// `#RRGGBB`, `default`, an ANSI name (`red`, `bright-red`), or a palette index as text.
    static func colour(_ text: String) -> ThemeColor? {
        let lowered = text.lowercased()
        if lowered == "default" { return .terminalDefault }
        if let index = colourNames.firstIndex(of: lowered) { return .index(index) }
        if lowered.hasPrefix("bright-"), let index = colourNames.firstIndex(of: String(lowered.dropFirst(7))) { return .index(index + 8) }
        if let index = Int(lowered), (0..<256).contains(index) { return .index(index) }
        guard lowered.count == 7, lowered.first == "#", lowered.dropFirst().allSatisfy(\.isHexDigit), let value = UInt32(lowered.dropFirst(), radix: 16) else { return nil }
        return .rgb(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }
}
