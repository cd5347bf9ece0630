@testable import ECETerminal
import Testing

/// Theme colours mapped to what a terminal has: never invisible text.
@Suite struct ThemeTests {
    @Test func colourMappingDownTo16And8() {
        #expect(ThemeColor.index(196).mapped(toColors: 256) == .index(196))
        #expect(ThemeColor.index(196).mapped(toColors: 16) == .index(9))
        #expect(ThemeColor.index(196).mapped(toColors: 8) == .index(1))
        #expect(ThemeColor.index(214).mapped(toColors: 8) == .index(3))
        #expect(ThemeColor.index(34).mapped(toColors: 8) == .index(2))
        // Grey is bright black: on 8 colours it must become white, not black.
        #expect(ThemeColor.index(245).mapped(toColors: 8) == .index(7))
        #expect(ThemeColor.index(8).mapped(toColors: 8) == .index(7))
        #expect(ThemeColor.terminalDefault.mapped(toColors: 8) == .terminalDefault)
        #expect(ThemeColor.index(5).mapped(toColors: 2) == .terminalDefault)
    }

    @Test(arguments: [256, 88, 16, 8])
    func defaultThemeNeverHasInvisibleText(colors: Int) {
        for role in StyleRole.allCases {
            let (foreground, background) = Theme.default.style(for: role).resolved(forColors: colors)
            #expect(foreground < colors && background < colors, "\(role) out of range on \(colors) colours")
            if foreground >= 0 || background >= 0 {
                #expect(foreground != background, "\(role) has equal colours on \(colors) colours")
            }
            #expect(!(foreground == 0 && background == -1), "\(role) is black on the default background")
        }
    }

    @Test func equalColoursAreSeparated() {
        let style = ThemeStyle(foreground: .index(1), background: .index(9))
        let (foreground, background) = style.resolved(forColors: 8)
        #expect(background == 1 && foreground != 1)
    }

    @Test func criticalWarningAndOkDifferOnEightColours() {
        let colours = [StyleRole.critical, .warning, .ok].map { Theme.default.style(for: $0).resolved(forColors: 8).foreground }
        #expect(Set(colours).count == 3)
    }
}
