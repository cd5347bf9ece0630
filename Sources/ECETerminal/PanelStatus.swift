import ECEMonitor

/// The state a panel shows, with its role, symbol and word: colour never carries it alone.
public enum PanelStatus: Sendable, Hashable {
    case ok, warning, critical, unknown, stale

    public init(_ entryPoint: EntryPointSnapshot) {
        if entryPoint.isStale {
            self = .stale
            return
        }
        switch entryPoint.severity {
        case .ok: self = .ok
        case .warning: self = .warning
        case .critical: self = .critical
        case .unknown: self = .unknown
        }
    }

    /// Critical, with an alert nobody has acknowledged yet: its panel or row flashes.
    public static func isFlashing(_ entryPoint: EntryPointSnapshot) -> Bool {
        PanelStatus(entryPoint) == .critical && entryPoint.hasUnacknowledgedAlert
    }

    public init(_ severity: Severity) {
        switch severity {
        case .ok: self = .ok
        case .warning: self = .warning
        case .critical: self = .critical
        case .unknown: self = .unknown
        }
    }

    public var role: StyleRole {
        switch self {
        case .ok: .ok
        case .warning: .warning
        case .critical: .critical
        case .unknown: .unknown
        case .stale: .stale
        }
    }

    /// The frame's role: OK panels keep the neutral border so that alerts stand out.
    public var borderRole: StyleRole { self == .ok ? .border : role }

    public var word: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARN"
        case .critical: "CRIT"
        case .unknown: "UNKNOWN"
        case .stale: "STALE"
        }
    }

    public func symbol(_ glyphs: GlyphSet) -> Character {
        switch self {
        case .ok: glyphs.ok
        case .warning: glyphs.warning
        case .critical: glyphs.critical
        case .unknown: glyphs.unknown
        case .stale: glyphs.stale
        }
    }
}
