@testable import ECETerminal
import Foundation
import Glibc
import Testing

/// The ncurses renderer on a real ncurses screen opened with `newterm` on /dev/null.
///
/// ncurses keeps one current screen per process, so these run one at a time.
@Suite(.serialized) struct NcursesRendererTests {
    /// Opens a screen of `type` on /dev/null, runs `body`, and always closes it.
    func withScreen(_ type: String, theme: Theme = .default, colours: Bool = true,
                    _ body: (NcursesSession, NcursesRenderer) throws -> Void) throws {
        let fd = open("/dev/null", O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        let session = try NcursesSession(terminalType: type, outputFD: fd, inputFD: fd)
        defer { session.close() }
        let renderer = NcursesRenderer(window: session.window, theme: theme, colours: colours)
        try body(session, renderer)
    }

    @Test func unknownTerminalTypeIsAnErrorNotAnExit() {
        let fd = open("/dev/null", O_RDWR)
        defer { close(fd) }
        #expect(throws: TerminalError.unknownTerminalType("no-such-terminal-xyz")) {
            _ = try NcursesSession(terminalType: "no-such-terminal-xyz", outputFD: fd, inputFD: fd)
        }
        #expect(throws: TerminalError.terminalTypeUnset) {
            _ = try NcursesSession(terminalType: nil, outputFD: fd, inputFD: fd)
        }
    }

    @Test func pairsUseThemeColoursOn256ColourTerminals() throws {
        try withScreen("xterm-256color") { _, renderer in
            #expect(renderer.reportedColors(.critical)?.foreground == 196)
            #expect(renderer.reportedColors(.warning)?.foreground == 214)
            #expect(renderer.reportedColors(.text)?.foreground == -1)
            #expect(renderer.reportedColors(.header)?.background == 24)
        }
    }

    @Test func eightColourTerminalGetsMappedColoursNeverBlackOnBlack() throws {
        try withScreen("screen") { _, renderer in
            for role in StyleRole.allCases {
                guard let (foreground, background) = renderer.reportedColors(role) else {
                    Issue.record("no pair for \(role)")
                    continue
                }
                #expect(foreground < 8 && background < 8, "\(role): \(foreground) on \(background)")
                if foreground >= 0 || background >= 0 { #expect(foreground != background, "\(role)") }
                #expect(!(foreground == 0 && background == -1), "\(role) black on default")
            }
            #expect(renderer.reportedColors(.critical)?.foreground == 1)
        }
    }

    @Test func drawsWideCharactersAndStylesThenOnlyChangedCells() throws {
        try withScreen("xterm-256color") { session, renderer in
            let size = session.size
            #expect(size.width > 10 && size.height > 3)
            var buffer = ScreenBuffer(size: size)
            buffer.write("✖ 東京", x: 0, y: 0, style: CellStyle(.critical, [.bold]))
            renderer.draw(buffer)
            // Every cell but the right halves of the two wide characters.
            #expect(renderer.cellsWritten == size.width * size.height - 2)
            let symbol = renderer.cellContent(x: 0, y: 0)
            #expect(symbol.character == "✖")
            #expect(symbol.pair == Int16(StyleRole.critical.rawValue + 1))
            #expect(renderer.cellContent(x: 2, y: 0).character == "東")
            #expect(renderer.cellContent(x: 4, y: 0).character == "京")

            renderer.draw(buffer)
            #expect(renderer.cellsWritten == 0)

            buffer.write("ok", x: 0, y: 1, style: CellStyle(.ok))
            renderer.draw(buffer)
            #expect(renderer.cellsWritten == 2)
            #expect(renderer.cellContent(x: 1, y: 1).character == "k")
        }
    }

    @Test func noColourDrawsWithMonochromeAttributesAndNoPairs() throws {
        try withScreen("xterm-256color", colours: false) { session, renderer in
            #expect(renderer.pairColors.isEmpty)
            #expect(renderer.reportedColors(.critical) == nil)
            var buffer = ScreenBuffer(size: session.size)
            buffer.write("X CRIT", x: 0, y: 0, style: CellStyle(.critical))
            renderer.draw(buffer)
            let cell = renderer.cellContent(x: 0, y: 0)
            #expect(cell.pair == 0)
            #expect(cell.attributes & NcursesRenderer.attributes([.bold, .underline]) == NcursesRenderer.attributes([.bold, .underline]))
        }
    }

    @Test func applyingAThemeReinitialisesThePairsAndRepaintsEverything() throws {
        try withScreen("xterm-256color") { session, renderer in
            var buffer = ScreenBuffer(size: session.size)
            buffer.write("ok", x: 0, y: 0, style: CellStyle(.ok))
            renderer.draw(buffer)
            #expect(renderer.reportedColors(.ok)?.foreground == 34)
            var ocean = Theme.default
            ocean.styles[.ok] = ThemeStyle(foreground: .rgb(red: 0, green: 255, blue: 0), attributes: [.underline])
            renderer.apply(ocean)
            #expect(renderer.reportedColors(.ok)?.foreground == 46)
            renderer.draw(buffer)
            #expect(renderer.cellsWritten == session.size.width * session.size.height)
            #expect(renderer.cellContent(x: 0, y: 0).attributes & NcursesRenderer.attributes([.underline]) != 0)
        }
    }

    /// Each frame, at sizes from nothing to larger than the screen, is what ncurses holds
    /// afterwards: the frame's characters where it reaches, blanks (no leftovers) elsewhere.
    @Test func fullFramesAtManySizesLandOnTheScreenCellForCell() throws {
        try withScreen("xterm-256color") { session, renderer in
            let snapshot = FrameCases.busy
            var state = DashboardState()
            _ = state.reconcile(with: snapshot)
            let screen = session.size
            for (width, height) in [(80, 24), (1, 1), (0, 0), (200, 60), (39, 12), (40, 12), (3, 50), (80, 24)] {
                let buffer = DashboardView().render(state: state, snapshot: snapshot,
                                                    size: ScreenSize(width: width, height: height), context: Fixtures.context())
                renderer.draw(buffer)
                var mismatches: [String] = []
                var drawn = 0
                for y in 0..<screen.height {
                    for x in 0..<screen.width {
                        let inside = x < buffer.width && y < buffer.height
                        if inside && buffer[x, y].isContinuation { continue }
                        let expected = inside ? String(buffer[x, y].character) : " "
                        let held = renderer.cellContent(x: x, y: y).character
                        if held != expected && mismatches.count < 5 { mismatches.append("(\(x),\(y)) \"\(held)\" not \"\(expected)\"") }
                        if inside && expected != " " { drawn += 1 }
                    }
                }
                #expect(mismatches.isEmpty, "\(width)×\(height): \(mismatches)")
                if width >= 40 && height >= 12 { #expect(drawn > 100, "\(width)×\(height): the frame drew almost nothing") }
            }
        }
    }

    /// A frame that changes one cell on each of many rows leaves in one `write`, not one per
    /// cursor movement (ncurses 6.4 flushes after every movement until a screen has been left
    /// once). Counted by the kernel for this thread, which is the one drawing.
    @Test func aFrameOfManyChangedRowsIsOneWrite() throws {
        try withScreen("xterm-256color") { session, renderer in
            session.configureForDashboard(escapeDelay: 25)
            let size = session.size
            #expect(size.height >= 20)
            var buffer = ScreenBuffer(size: size)
            renderer.draw(buffer)
            for y in 0..<20 { buffer.write("\(y % 10)", x: 10 + y % 7, y: y, style: CellStyle(.ok)) }
            let before = try Self.writeCalls()
            renderer.draw(buffer)
            let writes = try Self.writeCalls() - before
            #expect(renderer.cellsWritten == 20)
            #expect(writes >= 1 && writes <= 2, "\(writes) writes for one frame")
        }
    }

    /// The `write` system calls this thread has made (`syscw` in /proc/thread-self/io).
    static func writeCalls() throws -> Int {
        let text = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("syscw:") }
        return Int(line?.split(separator: " ").last ?? "") ?? -1
    }
}
