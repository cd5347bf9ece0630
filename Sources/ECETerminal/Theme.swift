/// Roles to looks: the one place colours are chosen.
///
/// The default is colour-blind safe: red and green never carry meaning alone (each state has a
/// symbol and a word), and warning is amber, far from red in every kind of colour blindness.
public struct Theme: Sendable, Hashable {
    /// What `--theme`, `t` and `ecetop themes` call it.
    public var name: String
    public var description: String
    public var styles: [StyleRole: ThemeStyle]

    public init(name: String = "custom", description: String = "", styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    public func style(for role: StyleRole) -> ThemeStyle { styles[role] ?? ThemeStyle() }

    /// Compiled in so that a lone binary looks right; `themes/default.toml` says the same.
    public static let `default` = Theme(name: "default", description: "Colour-blind safe: amber warnings, red criticals, every state with a symbol", styles: [
        .background: ThemeStyle(),
        .text: ThemeStyle(),
        .dim: ThemeStyle(foreground: .index(245), attributes: [.dim]),
        .border: ThemeStyle(foreground: .index(244)),
        .title: ThemeStyle(attributes: [.bold]),
        .header: ThemeStyle(foreground: .index(231), background: .index(24), attributes: [.bold], monochrome: [.reverse, .bold]),
        .footer: ThemeStyle(foreground: .index(252), background: .index(237), monochrome: [.reverse]),
        .selection: ThemeStyle(foreground: .index(16), background: .index(45), attributes: [.bold], monochrome: [.reverse, .bold]),
        .ok: ThemeStyle(foreground: .index(34)),
        .warning: ThemeStyle(foreground: .index(214), attributes: [.bold], monochrome: [.bold]),
        .critical: ThemeStyle(foreground: .index(196), attributes: [.bold], monochrome: [.bold, .underline]),
        .unknown: ThemeStyle(foreground: .index(245), attributes: [.dim]),
        .stale: ThemeStyle(foreground: .index(242), attributes: [.dim]),
        .flash: ThemeStyle(foreground: .index(231), background: .index(160), attributes: [.bold], monochrome: [.reverse, .bold]),
        .chart: ThemeStyle(foreground: .index(74)),
    ])
}
