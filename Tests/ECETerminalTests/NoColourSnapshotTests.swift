import ECEMonitor
@testable import ECETerminal
import Testing

/// Without colour (`--no-color`, `NO_COLOR`) and without Unicode (`--ascii`): states still
/// differ, by symbol and by attribute.
@Suite struct NoColourSnapshotTests {
    /// One letter per cell for the attributes a colourless terminal shows: `X` bold+underline,
    /// `R` reverse+bold, `r` reverse, `B` bold, `U` underline, `d` dim, `.` none.
    static func attributes(_ buffer: ScreenBuffer, theme: Theme) -> [String] {
        (0..<buffer.height).map { y in
            String((0..<buffer.width).map { x in
                let cell = buffer[x, y]
                let shown = theme.style(for: cell.style.role).monochromeAttributes.union(cell.style.attributes)
                if shown.contains(.reverse) { return shown.contains(.bold) ? "R" : "r" }
                if shown.contains(.bold) { return shown.contains(.underline) ? "X" : "B" }
                if shown.contains(.underline) { return "U" }
                return shown.contains(.dim) ? "d" : "."
            })
        }
    }

    static func panel(_ entryPoint: EntryPointSnapshot, selected: Bool = false) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: 36, height: GridLayout.panelHeight)
        PanelView(entryPoint: entryPoint, isSelected: selected)
            .draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context(glyphs: .ascii))
        return buffer
    }

    @Test func criticalPanelIsBoldUnderlinedWithAnXSymbol() {
        let buffer = Self.panel(PanelCases.reason(.queueDepthReached))
        #expect(PlainTextRenderer().render(buffer) == #"""
            + 1001 --------------------- ALERT +
            | X CRIT queue_depth_reached       |
            | queue 20        wait 1h 02m      |
            | slots 0         agents no        |
            | elig  2 queue maximum depth rea~ |
            | no queue history yet             |
            | data 2s old                      |
            +----------------------------------+
            """#)
        // The frame and status line bold and underlined; labels dim.
        #expect(Self.attributes(buffer, theme: .default) == [
            "XBBBBBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "X.XXXXXXXXXXXXXXXXXXXXXXXXXX.......X",
            "X.ddddd.XX........dddd.BBBBBB......X",
            "X.ddddd.B.........dddddd.BB........X",
            "X.dddd..BBBBBBBBBBBBBBBBBBBBBBBBBB.X",
            "X.dddddddddddddddddddd.............X",
            "X.dddddddddddddddddddddddddddddddd.X",
            "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        ])
    }

    @Test func okPanelHasPlainBorderAndAnOSymbol() {
        let buffer = Self.panel(PanelCases.allowed)
        #expect(PlainTextRenderer().render(buffer) == #"""
            + 1000 Sales ----------------------+
            | o OK allowed              for 2m |
            | queue 3         wait 12.5 s      |
            | slots 4         agents yes       |
            | elig  0 queue can take new chats |
            | _-+#                       max 3 |
            | data 2s old                      |
            +----------------------------------+
            """#)
        // A plain frame: only critical frames are underlined.
        #expect(Self.attributes(buffer, theme: .default) == [
            ".BBBBBBBBBBBB.......................",
            "..BBBBBBBBBBBB..............dddddd..",
            "..ddddd.B.........dddd.BBBBBB.......",
            "..ddddd.B.........dddddd.BBB........",
            "..dddd..............................",
            "............................dddddd..",
            "..dddddddddddddddddddddddddddddddd..",
            "....................................",
        ])
    }
}
