import Foundation
import ECEMonitor

/// The event log: every transition across entry points, newest first, with time, entry point
/// and old → new, narrowed by a filter (`/`).
public struct EventLogView: Sendable {
    public var events: EventLog
    /// Lines scrolled past at the top.
    public var scroll: Int
    /// Shown events contain this text (entry point, call, kind, old or new value), any case.
    public var filter: String

    public init(events: EventLog, scroll: Int = 0, filter: String = "") {
        self.events = events
        self.scroll = scroll
        self.filter = filter
    }

    /// How many events fit on a screen of `size` (one row is the title).
    public static func visibleLines(size: ScreenSize, diagnoses: Int) -> Int {
        max(0, ScreenAreas(size: size, diagnoses: diagnoses).body.height - 1)
    }

    /// The events that match `filter`, in the order given.
    public static func matching(_ events: EventLog, filter: String) -> [MonitorEvent] {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return Array(events) }
        return events.filter { event in
            let haystack = [event.entryPoint.description, event.kind.rawValue, event.call?.rawValue ?? "", event.old, event.new,
                            change(event, glyphs: .unicode), change(event, glyphs: .ascii)].joined(separator: " ").lowercased()
            return haystack.contains(needle)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0, rect.width > 2 else { return }
        let matching = Self.matching(events, filter: filter)
        let newestFirst = Array(matching.reversed())
        let first = min(max(0, scroll), max(0, newestFirst.count - 1))
        let shown = newestFirst.dropFirst(first).prefix(rect.height - 1)
        var title = "event log, newest first: "
        if filter.isEmpty {
            title += "\(events.count) event\(events.count == 1 ? "" : "s")"
        } else {
            title += "\(matching.count) of \(events.count) events match \"\(filter)\" (Esc clears)"
        }
        if !newestFirst.isEmpty { title += "\(context.glyphs.separator)\(first + 1)–\(first + shown.count)" }
        buffer.write(" " + title, x: rect.x, y: rect.y, width: rect.width, style: CellStyle(.title, [.bold]), ellipsis: context.glyphs.ellipsis)
        if newestFirst.isEmpty {
            let empty = events.isEmpty ? " no events yet" : " no event matches \"\(filter)\""
            buffer.write(empty, x: rect.x, y: rect.y + 1, width: rect.width, style: CellStyle(.dim))
            return
        }
        for (offset, event) in shown.enumerated() {
            let id = event.entryPoint.description
            let padded = id + String(repeating: " ", count: max(1, 7 - id.count))
            let text = " \(context.clock.time(event.time))  \(padded)\(Self.change(event, glyphs: context.glyphs))"
            buffer.write(text, x: rect.x, y: rect.y + 1 + offset, width: rect.width, style: CellStyle(Self.role(event.kind)),
                         ellipsis: context.glyphs.ellipsis)
        }
    }

    /// What changed, without the time and entry point: `status: allowed → queue_depth_reached`.
    static func change(_ event: MonitorEvent, glyphs: GlyphSet) -> String {
        let arrow = glyphs.arrow
        switch event.kind {
        case .statusChanged: return "status: \(event.old) \(arrow) \(event.new)"
        case .eligibilityChanged: return "eligibility: \(event.old) \(arrow) \(event.new)"
        case .errorStarted: return "error started: \(event.new)"
        case .errorEnded: return "error ended: \(event.call?.rawValue ?? "call") answering again (was: \(event.old))"
        case .becameStale: return "data stale (newest \(event.new))"
        case .becameFresh: return "data fresh again"
        case .alertRaised: return "alert raised: \(event.new)"
        case .alertCleared: return "alert cleared: \(event.old)"
        case .serverAskedToWait: return "\(event.call.map { "\($0.rawValue): " } ?? "")server asked to wait (\(event.new))"
        }
    }

    static func role(_ kind: MonitorEvent.Kind) -> StyleRole {
        switch kind {
        case .errorStarted, .alertRaised, .serverAskedToWait: .warning
        case .errorEnded, .becameFresh, .alertCleared: .ok
        case .becameStale: .stale
        case .statusChanged, .eligibilityChanged: .text
        }
    }
}
