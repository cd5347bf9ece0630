/// A terminal colour: the terminal's own default, an index into the xterm 256-colour
/// palette (0–15 the basic and bright colours), or an exact RGB from a theme file.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case index(Int)
    /// Shown as the nearest palette colour: direct colour is not assumed.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The value `init_pair` takes: -1 for the default (with `use_default_colors`).
    public var cursesValue: Int {
        switch self {
        case .terminalDefault: -1
        case .index(let index): index
        case .rgb: nearestIndex
        }
    }

    /// The colour's RGB (from the xterm palette for an index), for mapping down to fewer
    /// colours and for contrast checks.
    var rgb: (r: Int, g: Int, b: Int)? {
        if case .rgb(let red, let green, let blue) = self { return (Int(red), Int(green), Int(blue)) }
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
    /// An RGB colour first becomes the nearest of the 240 fixed palette colours (16–255): the
    /// first 16 are left out because terminals redefine them freely.
    public func mapped(toColors colors: Int) -> ThemeColor {
        if case .rgb = self { return ThemeColor.index(nearestIndex).mapped(toColors: colors) }
        guard case .index(let index) = self else { return self }
        if colors >= 256 || index < colors { return self }
        if colors < 8 { return .terminalDefault }
        var basic = index
        if index >= 16, let rgb {
            // Nearest among all 16 first: among 8 alone, greys would go to yellow.
            basic = (0..<16).min { a, b in
                Self.distance(rgb, Self.basic[a]) < Self.distance(rgb, Self.basic[b])
            } ?? 7
        }
        if colors >= 16 { return .index(basic) }
        if basic == 8 { return .index(7) }
        return .index(basic % 8)
    }

    private var nearestIndex: Int {
        guard let rgb else { return -1 }
        return (16..<256).min { a, b in
            Self.distance(rgb, ThemeColor.index(a).rgb ?? (0, 0, 0)) < Self.distance(rgb, ThemeColor.index(b).rgb ?? (0, 0, 0))
        } ?? 16
    }

    private static func distance(_ a: (r: Int, g: Int, b: Int), _ b: (r: Int, g: Int, b: Int)) -> Int {
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        return dr * dr + dg * dg + db * db
    }
}
