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
