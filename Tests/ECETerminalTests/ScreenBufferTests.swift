import ECECommon
@testable import ECETerminal
import Testing

@Suite struct ScreenBufferTests {
    @Test func wideCharacterTakesTwoColumns() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let used = buffer.write("a東b", x: 0, y: 0, style: .text)
        #expect(used == 4)
        #expect(buffer[1, 0].character == "東")
        #expect(buffer[2, 0].isContinuation)
        #expect(PlainTextRenderer().render(buffer) == "a東b")
    }

    @Test func wideCharacterCutByEdgeBecomesSpace() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("ab東", x: 0, y: 0, style: .text)
        #expect(PlainTextRenderer(trimsTrailingSpaces: false).render(buffer) == "ab ")
        #expect(!buffer[2, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("東京", x: 0, y: 0, style: .text)
        buffer.write("x", x: 1, y: 0, style: .text)
        #expect(PlainTextRenderer().render(buffer) == " x京")
        buffer.write("y", x: 2, y: 0, style: .text)
        #expect(PlainTextRenderer().render(buffer) == " xy")
        #expect(!(0..<4).contains { buffer[$0, 0].isContinuation })
    }

    @Test func writesClipAtEveryEdge() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.write("abcdef", x: -2, y: 0, style: .text)
        buffer.write("zzz", x: 3, y: 1, style: .text)
        buffer.write("never", x: 0, y: 5, style: .text)
        buffer.write("never", x: 0, y: -1, style: .text)
        buffer.fill(Rect(x: -3, y: -3, width: 100, height: 1), style: .text)
        buffer.drawBox(Rect(x: 2, y: 1, width: 10, height: 10), lines: GlyphSet.unicode.box, style: .text)
        #expect(PlainTextRenderer().lines(buffer) == ["cdef", "  ┌─"])
    }

    @Test func fillOverHalfAWideCharacterBlanksItsOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("東京東", x: 0, y: 0, style: .text)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), character: "-", style: .text)
        #expect(PlainTextRenderer().render(buffer) == " -- 東")
        #expect(!(0..<4).contains { buffer[$0, 0].isContinuation })
        #expect(buffer[5, 0].isContinuation)
    }

    @Test func graphemesOfSeveralScalarsKeepTheirScalars() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        // e + combining acute (two scalars); a flag (two regional indicators, wide).
        buffer.write("e\u{301}x🇫🇷", x: 0, y: 0, style: .text)
        #expect(buffer[0, 0].character == "e\u{301}")
        #expect(buffer[2, 0].character == "🇫🇷")
        #expect(PlainTextRenderer().render(buffer) == "e\u{301}x🇫🇷")
        // A family emoji is seven scalars; a cell keeps the four a terminal cell can take.
        let family: Character = "👨‍👩‍👧‍👦"
        let firstFour = String(String.UnicodeScalarView(family.unicodeScalars.prefix(4)))
        #expect(Cell(family).character.unicodeScalars.map(\.value) == Array(family.unicodeScalars.prefix(4)).map(\.value))
        // The renderer sizes its output from these before writing a byte.
        #expect(Cell("A").utf8Count == 1 && Cell("é").utf8Count == 2 && Cell("€").utf8Count == 3 && Cell("𝄞").utf8Count == 4)
        #expect(Cell(family).utf8Count == firstFour.utf8.count)
        var mixed = ScreenBuffer(width: 6, height: 2)
        mixed.write("Aé€𝄞", x: 0, y: 0, style: .text)
        mixed.write(String(family), x: 1, y: 1, style: .text)
        #expect(PlainTextRenderer(trimsTrailingSpaces: false).render(mixed) == "Aé€𝄞  \n " + firstFour + "   ")
        #expect(PlainTextRenderer().lines(mixed) == ["Aé€𝄞", " " + firstFour])
    }

    @Test func asciiAndGeneralWritesMakeEqualCells() {
        // The ASCII fast path must produce exactly what the grapheme path does.
        var fast = ScreenBuffer(width: 10, height: 1)
        fast.write("ab c", x: -1, y: 0, style: .text, limit: 4)
        var general = ScreenBuffer(width: 10, height: 1)
        general.write("ab c\u{301}", x: -1, y: 0, style: .text, limit: 4)
        #expect(fast[0, 0] == general[0, 0] && fast[1, 0] == general[1, 0])
        #expect(PlainTextRenderer().render(fast) == "b c")
        #expect(fast[0, 0] == Cell("b", style: .text))
    }

    /// Every scalar the single-column fast path takes must be what the general path would
    /// make of it: one column, and a grapheme of its own next to ASCII, itself and a glyph.
    @Test func standaloneSingleColumnScalarsAreTheirOwnOneColumnGraphemes() {
        let ranges: [ClosedRange<UInt32>] = [0...0x3000]
        var checked = 0
        for value in ranges.joined() where CharacterWidth.isStandaloneSingleColumn(value) {
            let scalar = Unicode.Scalar(value)!
            #expect(CharacterWidth.columns(of: Character(scalar)) == 1, "U+\(String(value, radix: 16))")
            for neighbour in ["a", "●", "…", String(scalar)] {
                #expect((String(scalar) + neighbour).count == 2, "U+\(String(value, radix: 16)) + \(neighbour)")
                #expect((neighbour + String(scalar)).count == 2, "\(neighbour) + U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 1000)
        for glyph in GlyphSet.unicode.sparkline + [GlyphSet.unicode.ok, GlyphSet.unicode.warning, GlyphSet.unicode.critical,
                                                    GlyphSet.unicode.stale, GlyphSet.unicode.ellipsis, GlyphSet.unicode.chartMark] {
            #expect(glyph.unicodeScalars.allSatisfy { CharacterWidth.isStandaloneSingleColumn($0.value) }, "\(glyph)")
        }
        #expect(!CharacterWidth.isStandaloneSingleColumn(0x301))  // combining acute
        #expect(!CharacterWidth.isStandaloneSingleColumn(0x200D))  // zero-width joiner
        #expect(!CharacterWidth.isStandaloneSingleColumn(0x25FD))  // ◽, emoji presentation
    }

    @Test func singleColumnAndGeneralWritesMakeEqualCells() {
        // The scalar fast path (whole string of symbols) against the grapheme path (the same
        // text with a combining mark at the end, which the fast path refuses).
        let text = "● ok · 3× failed → ▁▂█ …"
        for (x, limit) in [(0, 30), (-2, 10), (5, 7), (28, 30)] {
            var fast = ScreenBuffer(width: 30, height: 1)
            let fastUsed = fast.write(text, x: x, y: 0, style: .text, limit: limit)
            var general = ScreenBuffer(width: 30, height: 1)
            let generalUsed = general.writeGraphemes(text, x: x, y: 0, end: min(30, x + limit), style: .text)
            #expect(fastUsed == generalUsed, "x \(x) limit \(limit)")
            #expect(fast == general, "x \(x) limit \(limit)")
        }
        #expect(ScreenBuffer.fit("● queue_depth_reached", width: 8) == "● queue…")
        #expect(CharacterWidth.columns(of: "3× failed · 2s") == 14)
    }

    @Test func runsOverHalfAWideCharacterBlankItsOtherHalf() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.write("東京東京", x: 0, y: 0, style: .text)
        buffer.write("●●●●", x: 1, y: 0, style: .text)
        #expect(PlainTextRenderer().render(buffer) == " ●●●● 京")
        #expect(!(0..<6).contains { buffer[$0, 0].isContinuation })
        buffer.fill(Rect(x: 5, y: 0, width: 2, height: 1), character: "-", style: .text)
        #expect(PlainTextRenderer().render(buffer) == " ●●●●--")
        #expect(!(0..<8).contains { buffer[$0, 0].isContinuation })
    }

    @Test func zeroSizedBufferAcceptsEverything() {
        var buffer = ScreenBuffer(width: 0, height: 0)
        buffer.write("x", x: 0, y: 0, style: .text)
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 5), style: .text)
        #expect(PlainTextRenderer().render(buffer) == "")
    }

    @Test func controlCharactersAreEscaped() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        buffer.write("a\u{1B}[2Jb\tc\nd\u{7F}", x: 0, y: 0, style: .text)
        #expect(PlainTextRenderer().render(buffer) == #"a\x1B[2Jb\tc\nd\x7F"#)
    }

    @Test func fitAddsEllipsisOnlyWhenCut() {
        #expect(ScreenBuffer.fit("abcdef", width: 6) == "abcdef")
        #expect(ScreenBuffer.fit("abcdefg", width: 6) == "abcde…")
        #expect(ScreenBuffer.fit("東京東京", width: 5) == "東京…")
        #expect(ScreenBuffer.fit("abc", width: 0) == "")
    }

    @Test func fixedWidthWriteAligns() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.write("ab", x: 0, y: 0, width: 10, style: .text, alignment: .right)
        buffer.write("ab", x: 0, y: 1, width: 10, style: .text, alignment: .center)
        buffer.write("abcdefghijkl", x: 0, y: 2, width: 10, style: .text)
        #expect(PlainTextRenderer().lines(buffer) == ["        ab", "    ab", "abcdefghi…"])
    }

    @Test func bodyLinesEscapeControlsAndInvalidUTF8() {
        let bytes: [UInt8] = Array("ok\r\nline\u{07}2\n".utf8) + [0xFF, 0x41, 0xE2, 0x82] + Array("\r".utf8)
        #expect(TextEscaping.bodyLines(bytes) == ["ok", #"line\x072"#, #"\xFFA\xE2\x82\r"#])
        #expect(TextEscaping.bodyLines([]) == [""])
    }

    @Test func characterWidths() {
        #expect(CharacterWidth.columns(of: "a") == 1)
        #expect(CharacterWidth.columns(of: "●") == 1)
        #expect(CharacterWidth.columns(of: "█") == 1)
        #expect(CharacterWidth.columns(of: "東") == 2)
        #expect(CharacterWidth.columns(of: "😀") == 2)
        #expect(CharacterWidth.columns(of: "é") == 1)
        #expect(CharacterWidth.columns(of: "\u{07}") == 0)
    }

    @Test func sparklineScalesToLargestValue() {
        let levels = GlyphSet.unicode.sparkline
        #expect(Sparkline.render([0, 7, 14], width: 10, levels: levels) == "▁▅█")
        #expect(Sparkline.render([0, 0], width: 10, levels: levels) == "▁▁")
        #expect(Sparkline.render([1, 2, 3, 4], width: 2, levels: levels) == "▆█")
    }

    @Test func durationTexts() {
        #expect(DurationText.age(seconds: 5.9) == "5s")
        #expect(DurationText.age(seconds: 125) == "2m 05s")
        #expect(DurationText.age(seconds: 7500) == "2h 05m")
        #expect(DurationText.age(seconds: 90_000) == "1d 01h")
        #expect(DurationText.age(seconds: -3) == "0s")
        #expect(DurationText.interval(.milliseconds(500)) == "500ms")
        #expect(DurationText.interval(.milliseconds(2500)) == "2.5s")
        #expect(DurationText.interval(.seconds(5)) == "5s")
        #expect(DurationText.interval(.seconds(120)) == "2m")
        #expect(DurationText.interval(.seconds(90)) == "1m 30s")
    }
}
