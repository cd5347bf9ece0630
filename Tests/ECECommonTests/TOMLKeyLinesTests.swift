import ECECommon
import Testing

@Suite struct TOMLKeyLinesTests {
    private let text = """
        title = "x"
        site.budget = 5
        inline = { a = 1 }
        [[sites]]
        name = "a"
        [[sites]]
        "name" = 'b'
        notes = \"\"\"
        [fake]
        name = "not a key"
        \"\"\"
        url = "u"
        [colors]
        panel = "red"
        """

    @Test func keysInTheTopLevelAndInRepeatedTables() {
        let lines = TOMLKeyLines(text)
        #expect(lines.line(of: "title", in: .top) == 1)
        #expect(lines.line(of: "name", in: .init(name: "sites", occurrence: 0)) == 5)
        #expect(lines.line(of: "name", in: .init(name: "sites", occurrence: 1)) == 7)
        #expect(lines.line(of: "panel", in: .init(name: "colors")) == 14)
    }

    @Test func aMultilineStringHidesWhatLooksLikeHeadersAndKeys() {
        let lines = TOMLKeyLines(text)
        #expect(lines.line(of: "url", in: .init(name: "sites", occurrence: 1)) == 12)
        #expect(lines.line(of: "name", in: .init(name: "fake")) == nil)
    }

    @Test func fallsBackToDottedKeysHeadersAndInlineTables() {
        let lines = TOMLKeyLines(text)
        #expect(lines.line(of: "budget", in: .init(name: "site")) == 2)
        #expect(lines.line(of: "missing", in: .init(name: "colors")) == 13)
        #expect(lines.line(of: nil, in: .init(name: "sites", occurrence: 1)) == 6)
        #expect(lines.line(of: "a", in: .init(name: "inline")) == 3)
        #expect(lines.line(of: "missing", in: .top) == nil)
    }
}
