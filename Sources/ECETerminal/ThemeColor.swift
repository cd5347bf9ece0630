/// A terminal colour: the terminal's own default, or an index into the xterm 256-colour
/// palette (0–15 the basic and bright colours).
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case index(Int)

    /// The value `init_pair` takes: -1 for the default (with `use_default_colors`).
    public var cursesValue: Int {
        switch self {
        case .terminalDefault: -1
        case .index(let index): index
        }
    }

    /// The colour's RGB in the xterm palette, for mapping down to fewer colours.
    var rgb: (r: Int, g: Int, b: Int)? {
        guard case .index(let index) = self, (0..<256).contains(index) else { return nil }
        if index < 16 { return Self.basic[index] }
        if index < 232 {
            let cube = index - 16
            let levels = [0, 95, 135, 175, 215, 255]
            return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        }
        let grey = 8 + 10 * (index - 232)
        return (grey, grey, grey)
    }

    static let basic: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// This colour as the nearest one a terminal with `colors` colours has.
    ///
    /// 256 → 16 by nearest RGB, 16 → 8 by dropping brightness, except that bright black
    /// (grey) becomes white rather than black: grey text must not vanish on a dark screen.
    public func mapped(toColors colors: Int) -> ThemeColor {
        guard case .index(let index) = self else { return self }
        if colors >= 256 || index < colors { return self }
        if colors < 8 { return .terminalDefault }
        var basic = index
        if index >= 16, let rgb {
            let limit = colors >= 16 ? 16 : 8
            basic = (0..<limit).min { a, b in
                Self.distance(rgb, Self.basic[a]) < Self.distance(rgb, Self.basic[b])
            } ?? 7
        }
        if colors >= 16 { return .index(basic) }
        if basic == 8 { return .index(7) }
        return .index(basic % 8)
    }

    private static func distance(_ a: (r: Int, g: Int, b: Int), _ b: (r: Int, g: Int, b: Int)) -> Int {
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        return dr * dr + dg * dg + db * db
    }
}
