import ECECommon
import ECEMonitor

/// Wall mode's header: title, counts by state, polling and totals on the left, the time in
/// big `HH:MM` digits on the right.
public struct WallHeaderView: Sendable {
    public var snapshot: MonitorSnapshot
    public var demoURL: String?
    public var outputs: OutputFileStatus

    public init(snapshot: MonitorSnapshot, demoURL: String? = nil, outputs: OutputFileStatus = OutputFileStatus()) {
        self.snapshot = snapshot
        self.demoURL = demoURL
        self.outputs = outputs
    }

    /// Rows the header takes on a screen `height` rows tall: the clock's height.
    public static func height(screenHeight: Int) -> BigDigits.Height {
        screenHeight >= 24 ? .five : .three
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height >= BigDigits.Height.three.rawValue, rect.width > 0 else { return }
        let glyphs = context.glyphs
        let clock = String(context.clock.time(context.now).prefix(5))
        let height: BigDigits.Height = rect.height >= BigDigits.Height.five.rawValue ? .five : .three
        let clockWidth = BigDigits.width(clock)
        let clockX = rect.maxX - clockWidth - 1
        BigDigits.draw(clock, into: &buffer, x: clockX, y: rect.y, height: height, font: BigDigits.Font(glyphs),
                       style: CellStyle(.title, [.bold]))

        let room = clockX - rect.x - 2
        guard room > 0 else { return }
        let title = " ecetop  " + (demoURL.map { "DEMO \($0)" } ?? snapshot.server)
        buffer.write(title, x: rect.x, y: rect.y, width: room + 1, style: CellStyle(.header, [.bold]), ellipsis: glyphs.ellipsis)

        var x = rect.x + 1
        let counts: [(PanelStatus, Int, String)] = [
            (.critical, snapshot.count(of: .critical), "critical"),
            (.warning, snapshot.count(of: .warning), "warning"),
            (.ok, snapshot.count(of: .ok), "ok"),
            (.unknown, snapshot.count(of: .unknown), "unknown"),
            (.stale, snapshot.staleCount, "stale"),
        ]
        // Only states that occur: on a wall every word should carry news.
        for (state, count, word) in counts where count > 0 {
            let text = "\(state.symbol(glyphs)) \(count) \(word)   "
            x += buffer.write(text, x: x, y: rect.y + 1, style: CellStyle(state.role, [.bold]), limit: rect.x + room - x)
        }

        var line = "every " + DurationText.interval(snapshot.effectiveInterval)
        if let path = outputs.journalPath { line += "\(glyphs.separator)REC \(path)" }
        let tag = HeaderView.stateTag(snapshot, clock: context.clock)
        // The totals go on the fourth row; a three-row header gives them the polling line's
        // place unless polling is paused or replayed, which a wall must say first.
        let totalsRow: Int? = rect.height >= 4 ? rect.y + 3 : tag.isEmpty ? rect.y + 2 : nil
        if totalsRow != rect.y + 2 {
            let pausedWidth = tag.isEmpty ? 0 : buffer.write(tag, x: rect.x + 1, y: rect.y + 2, style: CellStyle(.warning, [.reverse, .bold])) + 1
            buffer.write(line, x: rect.x + 1 + pausedWidth, y: rect.y + 2, style: CellStyle(.dim), limit: room - pausedWidth)
        }
        if let totalsRow {
            TotalsLineView(totals: snapshot.totals).draw(into: &buffer, rect: Rect(x: rect.x, y: totalsRow, width: room + 1, height: 1),
                                                                   context: context)
        }
    }
}
