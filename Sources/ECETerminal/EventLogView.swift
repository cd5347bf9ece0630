import ECEMonitor

/// The event log, newest first.
public struct EventLogView: Sendable {
    public var events: [MonitorEvent]
    /// Lines scrolled past at the top.
    public var scroll: Int

    public init(events: [MonitorEvent], scroll: Int = 0) {
        self.events = events
        self.scroll = scroll
    }

    /// How many events fit on a screen of `size` (one row is the title).
    public static func visibleLines(size: ScreenSize, diagnoses: Int) -> Int {
        max(0, ScreenAreas(size: size, diagnoses: diagnoses).body.height - 1)
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0, rect.width > 2 else { return }
        let newestFirst = Array(events.reversed())
        let first = min(max(0, scroll), max(0, newestFirst.count - 1))
        let shown = newestFirst.dropFirst(first).prefix(rect.height - 1)
        var title = "event log, newest first: \(events.count) event\(events.count == 1 ? "" : "s")"
        if !newestFirst.isEmpty { title += "\(context.glyphs.separator)\(first + 1)–\(first + shown.count)" }
        buffer.write(" " + title, x: rect.x, y: rect.y, width: rect.width, style: CellStyle(.title, [.bold]), ellipsis: context.glyphs.ellipsis)
        if events.isEmpty {
            buffer.write(" no events yet", x: rect.x, y: rect.y + 1, width: rect.width, style: CellStyle(.dim))
            return
        }
        for (offset, event) in shown.enumerated() {
            let text = " \(context.clock.time(event.time))  \(event.summary)"
            buffer.write(text, x: rect.x, y: rect.y + 1 + offset, width: rect.width, style: CellStyle(Self.role(event.kind)),
                         ellipsis: context.glyphs.ellipsis)
        }
    }

    static func role(_ kind: MonitorEvent.Kind) -> StyleRole {
        switch kind {
        case .errorStarted, .alertRaised: .warning
        case .errorEnded, .becameFresh, .alertCleared: .ok
        case .becameStale: .stale
        case .statusChanged, .eligibilityChanged: .text
        }
    }
}
