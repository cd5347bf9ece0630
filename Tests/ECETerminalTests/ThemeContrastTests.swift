@testable import ECETerminal
import Foundation
import Testing

/// The high-contrast theme keeps every pair at WCAG AAA (7:1).
///
/// "default" is taken as a black background and a white foreground: the theme is meant for
/// dark terminals, and its README entry says so.
@Suite struct ThemeContrastTests {
    /// WCAG 2 relative luminance of an sRGB colour.
    static func luminance(_ rgb: (r: Int, g: Int, b: Int)) -> Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b)
    }

    static func contrast(_ a: (r: Int, g: Int, b: Int), _ b: (r: Int, g: Int, b: Int)) -> Double {
        let (light, dark) = (max(luminance(a), luminance(b)), min(luminance(a), luminance(b)))
        return (light + 0.05) / (dark + 0.05)
    }

    @Test func luminanceAndContrastMatchWCAGExamples() {
        #expect(abs(Self.contrast((255, 255, 255), (0, 0, 0)) - 21) < 0.001)
        #expect(abs(Self.contrast((255, 0, 0), (0, 0, 0)) - 5.252) < 0.001)
        #expect(abs(Self.contrast((119, 119, 119), (255, 255, 255)) - 4.478) < 0.001)
    }

    @Test(arguments: StyleRole.allCases)
    func highContrastRoleReachesSevenToOne(role: StyleRole) throws {
        let style = try ThemeFileTests.shippedTheme("high-contrast").style(for: role)
        #expect(!style.attributes.contains(.dim), "dim would lower the contrast of \(role)")
        let foreground = style.foreground.rgb ?? (255, 255, 255)
        let background = style.background.rgb ?? (0, 0, 0)
        let ratio = Self.contrast(foreground, background)
        #expect(ratio >= 7, "\(role): \(ratio):1")
    }
}
