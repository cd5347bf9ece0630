import ECEChat
import ECECommon
import ECEMonitor

/// The two header rows: a title bar (server, demo tag, interval, budget, PAUSED, clock) and a
/// row of counts by state.
public struct HeaderView: Sendable {
    public var snapshot: MonitorSnapshot
    public var demoURL: String?
    /// Sort, filter and page, shown at the right of the counts row.
    public var status: String
    public var outputs: OutputFileStatus

    public init(snapshot: MonitorSnapshot, demoURL: String? = nil, status: String = "", outputs: OutputFileStatus = OutputFileStatus()) {
        self.snapshot = snapshot
        self.demoURL = demoURL
        self.status = status
        self.outputs = outputs
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height >= 1, rect.width > 0 else { return }
        let bar = CellStyle(.header, [.bold])
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: bar)

        var interval = "every " + DurationText.interval(snapshot.effectiveInterval)
        if snapshot.isIntervalStretched {
            interval += " (asked " + DurationText.interval(snapshot.askedInterval) + ", budget)"
        }
        let budget = Self.budgetText(snapshot)
        // A replay shows the recorded moment, with its day: recordings outlive the day they were made.
        let clock = snapshot.replay == nil ? context.clock.time(context.now) : context.clock.day(context.now) + " " + context.clock.time(context.now)
        let paused = Self.stateTag(snapshot, clock: context.clock)
        var right = "\(interval)\(context.glyphs.separator)\(budget)\(context.glyphs.separator)\(clock) "
        var rightWidth = CharacterWidth.columns(of: right) + CharacterWidth.columns(of: paused) + 1
        // How often the slower calls go, when the bar has room for it beside the server.
        if let slower = snapshot.rotation.headerText {
            let longer = "\(interval)\(context.glyphs.separator)\(slower)\(context.glyphs.separator)\(budget)\(context.glyphs.separator)\(clock) "
            let longerWidth = rightWidth + CharacterWidth.columns(of: longer) - CharacterWidth.columns(of: right)
            if rect.width - longerWidth >= Self.minimumServerWidth { (right, rightWidth) = (longer, longerWidth) }
        }

        var left = " ecetop  "
        if let demoURL {
            left += "DEMO \(demoURL)"
            // The embedded simulator's API lives under the demo URL: naming it twice wastes the bar.
            if !snapshot.server.isEmpty && !snapshot.server.hasPrefix(demoURL) { left += "  \(snapshot.server)" }
        } else {
            left += snapshot.server
        }
        let leftRoom = rect.width - rightWidth
        if leftRoom >= Self.minimumServerWidth {
            buffer.write(ScreenBuffer.fit(left, width: leftRoom, ellipsis: context.glyphs.ellipsis), x: rect.x, y: rect.y, style: bar)
            var x = rect.maxX - rightWidth + 1
            if !paused.isEmpty {
                x += buffer.write(paused, x: x, y: rect.y, style: CellStyle(.warning, [.reverse, .bold]))
            }
            buffer.write(right, x: x, y: rect.y, style: bar)
        } else {
            // Narrow: the clock and PAUSED matter more than the server name.
            let short = "\(paused) \(clock) "
            let shortWidth = CharacterWidth.columns(of: short)
            buffer.write(ScreenBuffer.fit(left, width: rect.width - shortWidth, ellipsis: context.glyphs.ellipsis), x: rect.x, y: rect.y, style: bar)
            if !paused.isEmpty {
                buffer.write(paused, x: rect.maxX - shortWidth, y: rect.y, style: CellStyle(.warning, [.reverse, .bold]))
            }
            buffer.write(" \(clock) ", x: rect.maxX - shortWidth + CharacterWidth.columns(of: paused), y: rect.y, style: bar)
        }

        guard rect.height >= 2 else { return }
        let y = rect.y + 1
        let total = snapshot.entryPoints.count
        let stale = snapshot.staleCount
        var counts: [(state: PanelStatus, count: Int, word: String, short: String)] = [
            (.critical, snapshot.count(of: .critical), "critical", "crit"),
            (.warning, snapshot.count(of: .warning), "warning", "warn"),
            (.ok, snapshot.count(of: .ok), "ok", "ok"),
            (.unknown, snapshot.count(of: .unknown), "unknown", "unkn"),
        ]
        if stale > 0 { counts.append((.stale, stale, "stale", "stale")) }
        let statusWidth = CharacterWidth.columns(of: status)
        // Full words when they fit beside the status text, short ones otherwise.
        let long = "\(total) entry point\(total == 1 ? "" : "s")", short = "\(total) EPs"
        let longWidth = CharacterWidth.columns(of: long) + counts.reduce(0) { $0 + 5 + String($1.count).count + $1.word.count }
        let useShort = longWidth + statusWidth + 3 > rect.width
        var x = rect.x + 1
        x += buffer.write(useShort ? short : long, x: x, y: y, style: CellStyle(.text, [.bold]))
        for entry in counts {
            let text = "  \(entry.state.symbol(context.glyphs)) \(entry.count) \(useShort ? entry.short : entry.word)"
            // Zero counts stay neutral, so only what needs a look is coloured.
            let style = entry.count == 0 ? CellStyle(.dim) : CellStyle(entry.state.role, entry.state == .critical ? [.bold] : [])
            x += buffer.write(text, x: x, y: y, style: style, limit: rect.maxX - x)
        }
        var rightEdge = rect.maxX - 1
        if !status.isEmpty, rightEdge - statusWidth >= x + 1 {
            rightEdge -= statusWidth
            buffer.write(status, x: rightEdge, y: y, style: CellStyle(.dim))
        }
        // The journal: recording (and where) or why it could not start; left of the status.
        if let (text, style) = journalText(context.glyphs) {
            let room = rightEdge - x - 4
            if room >= 8 {
                let fitted = ScreenBuffer.fit(text, width: room, ellipsis: context.glyphs.ellipsis)
                buffer.write(fitted, x: rightEdge - 2 - CharacterWidth.columns(of: fitted), y: y, style: style)
            }
        }
    }

    /// Below this many columns for the title and server, the bar keeps only the clock and state.
    static let minimumServerWidth = 12

    /// ` PAUSED ` live; ` REPLAY 4x `, ` REPLAY 4x PAUSED ` or ` REPLAY 4x END ` in a replay.
    static func stateTag(_ snapshot: MonitorSnapshot, clock: ClockFormatter = ClockFormatter()) -> String {
        guard let replay = snapshot.replay else {
            if snapshot.isPaused { return " PAUSED " }
            guard let hold = snapshot.serverHold else { return "" }
            let who = snapshot.serverHoldSite.map { "\($0): server" } ?? "server"
            return " \(who) asked to wait · resuming \(clock.time(hold.until)) "
        }
        let speed = replay.speed == replay.speed.rounded() ? String(Int(replay.speed)) : String(replay.speed)
        let state = replay.isAtEnd ? " END" : replay.isPaused ? " PAUSED" : ""
        return " REPLAY \(speed)x\(state) "
    }

    /// `● REC ecetop-events.jsonl` while recording, the error when the journal failed.
    func journalText(_ glyphs: GlyphSet) -> (String, CellStyle)? {
        if let path = outputs.journalPath { return ("\(glyphs.ok) REC \(path)", CellStyle(.critical, [.bold])) }
        if let error = outputs.journalError { return ("\(glyphs.warning) journal: \(error)", CellStyle(.warning, [.bold])) }
        if let error = outputs.recordingError { return ("\(glyphs.warning) record: \(error)", CellStyle(.warning, [.bold])) }
        return nil
    }

    /// `budget 20/s`; with several sites, whose servers each see only their own requests,
    /// `budget 20/s per site`, `budget 10–20/s per site`, `budget 20/s per site (1 unlimited)`.
    static func budgetText(_ snapshot: MonitorSnapshot) -> String {
        let budgets = snapshot.sites.count > 1 ? snapshot.sites.map(\.budget) : [snapshot.budget]
        let rates = budgets.filter { !$0.isUnlimited }.map(\.ratePerSecond)
        guard let low = rates.min(), let high = rates.max() else { return "no budget" }
        var text = "budget " + (low == high ? rate(low) : "\(rate(low))–\(rate(high))") + "/s"
        guard budgets.count > 1 else { return text }
        text += " per site"
        if rates.count < budgets.count { text += " (\(budgets.count - rates.count) unlimited)" }
        return text
    }

    static func rate(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
