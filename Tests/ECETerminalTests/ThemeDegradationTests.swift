@testable import ECETerminal
import Testing

/// Every shipped theme on 8, 16 and 256 colours: readable, and states still apart.
@Suite struct ThemeDegradationTests {
    static let cases = ThemeFileTests.shipped.flatMap { name in [8, 16, 256].map { (name, $0) } }

    @Test func rgbMapsToTheNearestPaletteColourThenDown() {
        let red = ThemeColor.rgb(red: 255, green: 0, blue: 0)
        #expect(red.mapped(toColors: 256) == .index(196))
        #expect(red.mapped(toColors: 16) == .index(9))
        #expect(red.mapped(toColors: 8) == .index(1))
        #expect(ThemeColor.rgb(red: 0x26, green: 0x8B, blue: 0xD2).mapped(toColors: 256) == .index(32))
        #expect(ThemeColor.rgb(red: 128, green: 128, blue: 128).mapped(toColors: 256) == .index(244))
        #expect(ThemeColor.rgb(red: 128, green: 128, blue: 128).mapped(toColors: 8) == .index(7))
        // The first 16 colours are never picked: terminals redefine them.
        #expect(ThemeColor.rgb(red: 0, green: 0, blue: 0).mapped(toColors: 256) == .index(16))
        #expect(ThemeColor.rgb(red: 0, green: 0, blue: 0).cursesValue == 16)
    }

    @Test(arguments: cases)
    func neverInvisibleText(name: String, colors: Int) throws {
        let theme = try ThemeFileTests.shippedTheme(name)
        for role in StyleRole.allCases {
            let (foreground, background) = theme.style(for: role).resolved(forColors: colors)
            #expect(foreground < colors && background < colors, "\(name) \(role) out of range on \(colors) colours")
            if foreground >= 0 || background >= 0 {
                #expect(foreground != background, "\(name) \(role) has equal colours on \(colors) colours")
            }
        }
    }

    @Test(arguments: cases)
    func criticalWarningAndOkStayApart(name: String, colors: Int) throws {
        let theme = try ThemeFileTests.shippedTheme(name)
        let looks = [StyleRole.critical, .warning, .ok].map { role in
            let style = theme.style(for: role)
            return "\(style.resolved(forColors: colors)) \(style.attributes.rawValue)"
        }
        #expect(Set(looks).count == 3, "\(name) on \(colors) colours: \(looks)")
    }

    @Test(arguments: [8, 16])
    func criticalStaysRedAndWarningYellowOnFewColours(colors: Int) throws {
        for name in ThemeFileTests.shipped where name != "monochrome" {
            let theme = try ThemeFileTests.shippedTheme(name)
            let critical = theme.style(for: .critical).resolved(forColors: colors)
            let warning = theme.style(for: .warning).resolved(forColors: colors)
            let ok = theme.style(for: .ok).resolved(forColors: colors)
            #expect([1, 9].contains(critical.foreground) || [1, 9].contains(critical.background), "\(name) critical \(critical)")
            #expect([3, 11].contains(warning.foreground), "\(name) warning \(warning)")
            #expect([2, 10].contains(ok.foreground), "\(name) ok \(ok)")
        }
    }

    @Test(arguments: [8, 16])
    func lightThemeHasNoWhiteTextOnTheDefaultBackground(colors: Int) throws {
        let theme = try ThemeFileTests.shippedTheme("light")
        for role in StyleRole.allCases {
            let (foreground, background) = theme.style(for: role).resolved(forColors: colors)
            if background == -1 { #expect(![7, 15].contains(foreground), "\(role) is white on a light screen") }
        }
    }

    @Test func sgrShowsColoursOrOnlyMonochromeAttributes() {
        let critical = Theme.default.style(for: .critical)
        #expect(critical.sgr(colours: true) == "\u{1B}[0;1;38;5;196m")
        #expect(critical.sgr(colours: false) == "\u{1B}[0;1;4m")
        #expect(Theme.default.style(for: .header).sgr(colours: true) == "\u{1B}[0;1;38;5;231;48;5;24m")
        #expect(ThemeStyle().sgr(colours: true) == "\u{1B}[0m")
    }
}
