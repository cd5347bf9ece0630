import ECEMonitor

/// One line naming every critical entry point by reason, for a wall whose criticals do not
/// all fit as panels: `✖ 14 CRIT  queue_depth_reached 1001 1006 …  service_not_running 1020`.
public struct CriticalStripView: Sendable {
    public var entryPoints: [EntryPointSnapshot]

    public init(entryPoints: [EntryPointSnapshot]) { self.entryPoints = entryPoints }

    /// The strip's text: the count, then each reason (in order of first appearance among the
    /// criticals) with its IDs, unacknowledged first, each in ID order.
    public func text(_ glyphs: GlyphSet) -> String {
        let critical = WallRotation.criticalIndices(entryPoints).map { entryPoints[$0] }
        var reasons: [String] = []
        var ids: [String: [String]] = [:]
        for entryPoint in critical {
            let reason = entryPoint.statusWord
            if ids[reason] == nil { reasons.append(reason) }
            ids[reason, default: []].append(entryPoint.id.description)
        }
        let parts = reasons.map { reason in ([reason] + (ids[reason] ?? [])).joined(separator: " ") }
        return " \(glyphs.critical) \(critical.count) CRIT  " + parts.joined(separator: "  ")
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0 else { return }
        buffer.write(text(context.glyphs), x: rect.x, y: rect.y, width: rect.width, style: CellStyle(.critical, [.reverse, .bold]),
                     ellipsis: context.glyphs.ellipsis)
    }
}
