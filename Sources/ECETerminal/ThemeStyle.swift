/// How one role looks: colours and attributes, plus attributes for terminals without colour.
public struct ThemeStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes
    /// Used instead of colours when the terminal has none, so alerts still stand out.
    public var monochromeAttributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: TextAttributes = [], monochrome: TextAttributes? = nil) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        monochromeAttributes = monochrome ?? attributes
    }

    /// Colours as a terminal with `colors` colours can show them, never equal foreground and
    /// background (text would vanish) and never black on the default background (which is
    /// black on most terminals).
    public func resolved(forColors colors: Int) -> (foreground: Int, background: Int) {
        var fg = foreground.mapped(toColors: colors).cursesValue
        let bg = background.mapped(toColors: colors).cursesValue
        if fg == bg && fg >= 0 { fg = bg == 0 ? 7 : 0 }
        if fg == 0 && bg == -1 { fg = -1 }
        if fg == 16 && bg == -1 { fg = -1 }
        return (fg, bg)
    }
}

extension ThemeStyle {
    /// The SGR escape that starts text in this style on a 256-colour terminal, or with the
    /// monochrome attributes alone when `colours` is false; it resets whatever came before.
    public func sgr(colours: Bool) -> String {
        let shown = colours ? attributes : monochromeAttributes
        var codes = ["0"]
        for (attribute, code) in [(TextAttributes.bold, "1"), (.dim, "2"), (.underline, "4"), (.reverse, "7")] where shown.contains(attribute) {
            codes.append(code)
        }
        if colours {
            let (foreground, background) = resolved(forColors: 256)
            if foreground >= 0 { codes.append("38;5;\(foreground)") }
            if background >= 0 { codes.append("48;5;\(background)") }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
