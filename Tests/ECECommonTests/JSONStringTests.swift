import ECECommon
import Foundation
import Testing

@Suite struct JSONStringTests {
    /// What we write, a JSON parser reads back as the same text, and plain text goes as it is.
    @Test(arguments: ["plain", "quote \" and \\ backslash", "lines\nand\ttabs\r", "bell \u{07} \u{08} \u{0C} \u{1F}", "é 中 🙂", ""])
    func literalsReadBackAsTheSameText(text: String) throws {
        var literal = ""
        JSONString.append(text, to: &literal)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
        #expect(JSONString.escaped(text) == String(literal.dropFirst().dropLast()))
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func escapesAreTheShortOnesWhereJSONHasThem() {
        #expect(JSONString.escaped("a\"b\\c\n\u{08}\u{0C}\u{01}") == #"a\"b\\c\n\b\f\u0001"#)
    }
}
