/// JSON string literals written by hand, where `JSONEncoder` costs too much (10,000 rows of
/// `check --json`) or a body must be byte-exact (the simulator's answers).
public enum JSONString {
    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else verbatim.
    public static func append(_ text: String, to output: inout String) {
        output += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "\u{08}": output += "\\b"
                case "\u{0C}": output += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// `text` escaped for use between quotes already written.
    public static func escaped(_ text: String) -> String {
        var literal = ""
        append(text, to: &literal)
        return String(literal.dropFirst().dropLast())
    }
}
