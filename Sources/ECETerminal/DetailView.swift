import ECEChat
import ECECommon
import ECEMonitor
import Foundation

/// Everything known about one entry point, to find the cause: its state explained in plain
/// language, every call with value, HTTP status, latency percentiles, last success and last
/// error; history charts; its own transitions; and the raw body of one call's last response.
///
/// Wide screens (≥ 110 columns) put the charts on the left and transitions and body on the
/// right; narrow ones stack them, giving the body what the charts leave.
public struct DetailView: Sendable {
    public var entryPoint: EntryPointSnapshot
    /// The call whose body is shown.
    public var bodyCall: ChatAPICall
    public var isPaused: Bool
    /// Every event of the monitor (newest last); the view keeps this entry point's.
    public var events: EventLog
    public var window: HistoryWindow
    /// The availability breakdown's window.
    public var availabilityWindow: HistoryWindow
    /// Body lines scrolled past.
    public var bodyScroll: Int

    /// Screens at least this wide show charts beside transitions and body.
    public static let splitWidth = 110

    public init(entryPoint: EntryPointSnapshot, bodyCall: ChatAPICall = .chatAllowed, isPaused: Bool = false,
                events: EventLog = [], window: HistoryWindow = .fifteenMinutes, availabilityWindow: HistoryWindow = .oneHour,
                bodyScroll: Int = 0) {
        self.entryPoint = entryPoint
        self.bodyCall = bodyCall
        self.isPaused = isPaused
        self.events = events
        self.window = window
        self.availabilityWindow = availabilityWindow
        self.bodyScroll = bodyScroll
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.width > 4, rect.height > 0 else { return }
        let glyphs = context.glyphs
        let status = PanelStatus(entryPoint)
        let x = rect.x + 1
        let width = rect.width - 2
        var y = rect.y
        func row(_ text: String, _ style: CellStyle) {
            guard y < rect.maxY else { return }
            buffer.write(text, x: x, y: y, width: width, style: style, ellipsis: glyphs.ellipsis)
            y += 1
        }

        // Title: ID, label, group; then the state with its symbol, word and reason.
        var title = entryPoint.id.description
        if let label = entryPoint.label, !label.isEmpty { title += "  " + label }
        if let group = entryPoint.group, !group.isEmpty { title += "  [\(group)]" }
        var state = "\(status.symbol(glyphs)) \(status.word) \(entryPoint.statusWord)"
        if let since = entryPoint.statusSince {
            state += " for " + DurationText.age(seconds: context.now.timeIntervalSince(since))
                + " (since \(context.clock.time(since)))"
        }
        let stateWidth = min(width, CharacterWidth.columns(of: state))
        buffer.write(title, x: x, y: y, width: max(0, width - stateWidth - 2), style: CellStyle(.title, [.bold]), ellipsis: glyphs.ellipsis)
        buffer.write(state, x: x + width - stateWidth, y: y, width: stateWidth, style: CellStyle(status.role, [.bold]), ellipsis: glyphs.ellipsis)
        y += 1

        // What the state means and what to check, in words.
        for paragraph in ReasonExplanation(entryPoint).paragraphs {
            let lines = WordWrap.lines("\(paragraph.label): \(paragraph.text)", width: width, indent: 2)
            for line in lines.prefix(4) { row(line, CellStyle(paragraph.role)) }
        }
        row(alertsLine(context: context), CellStyle(entryPoint.hasUnacknowledgedAlert ? status.role : .dim))
        row(freshnessLine(context: context), CellStyle(entryPoint.isStale ? .stale : .dim))
        if let line = availabilityLine(context: context) { row(line, CellStyle(.dim)) }
        if let forecast = forecastLine(context: context) { row(forecast.text, CellStyle(forecast.role)) }
        y += 1

        // The calls table, then each call's last error in full.
        let columns = DetailTableColumns(width: width)
        row(columns.line(DetailTableColumns.headings), CellStyle(.dim, [.underline]))
        for call in ChatAPICall.allCases where y < rect.maxY {
            let state = entryPoint.state(call)
            let latency = state.latencySummary
            let cells = [
                call.rawValue,
                Self.valueText(state.lastValue, glyphs: glyphs),
                state.lastHTTPStatus.map(String.init) ?? glyphs.missing,
                state.lastLatency.map(Self.latencyText) ?? glyphs.missing,
                latency.map { Self.latencyText($0.median) } ?? glyphs.missing,
                latency.map { Self.latencyText($0.p95) } ?? glyphs.missing,
                state.lastSuccessAt.map(context.clock.time) ?? "never",
                // Each value's own age: the slower calls go every Nth round, so ages differ.
                state.lastSuccessAt.map { DurationText.age(seconds: context.now.timeIntervalSince($0)) } ?? "",
                state.consecutiveFailures > 0 ? String(state.consecutiveFailures) : "",
            ]
            let role: StyleRole = call == bodyCall ? .selection : state.isFailing ? .warning : .text
            row(columns.line(cells), CellStyle(role))
        }
        for call in ChatAPICall.allCases {
            let state = entryPoint.state(call)
            guard let error = state.lastError else { continue }
            let at = state.lastErrorAt.map(context.clock.time) ?? glyphs.missing
            let text: String
            if state.isFailing {
                let since = state.failingSince.map { ", failing since \(context.clock.time($0))" } ?? ""
                text = "\(glyphs.warning) \(at) \(error.description) (\(state.consecutiveFailures)\(glyphs.times) in a row\(since))"
            } else {
                text = "  earlier error at \(at), answering again now: \(error.description)"
            }
            for line in WordWrap.lines(text, width: width, indent: 4).prefix(4) {
                row(line, CellStyle(state.isFailing ? .warning : .dim))
            }
        }
        y += 1

        guard y < rect.maxY else { return }
        let lower = Rect(x: x, y: y, width: width, height: rect.maxY - y)
        if rect.width >= Self.splitWidth {
            let left = (lower.width - 2) / 2
            drawCharts(into: &buffer, rect: Rect(x: lower.x, y: lower.y, width: left, height: lower.height), context: context)
            let right = Rect(x: lower.x + left + 2, y: lower.y, width: lower.width - left - 2, height: lower.height)
            let transitionRows = min(max(3, right.height / 3), transitions.count + 1, 10)
            drawTransitions(into: &buffer, rect: Rect(x: right.x, y: right.y, width: right.width, height: transitionRows), context: context)
            drawBody(into: &buffer, rect: Rect(x: right.x, y: right.y + transitionRows + 1, width: right.width,
                                              height: right.height - transitionRows - 1), context: context)
        } else {
            // Stacked: the body keeps at least five rows, transitions three; charts take what
            // is left up to their preferred height, and anything beyond goes to the body.
            let transitionRows = lower.height >= 14 ? min(3, transitions.count + 1) : 0
            let chartRows = min(3 * HistoryChart.preferredHeight, lower.height - transitionRows - (transitionRows > 0 ? 1 : 0) - 5)
            var top = lower.y
            if chartRows >= 6 {
                drawCharts(into: &buffer, rect: Rect(x: lower.x, y: top, width: lower.width, height: chartRows), context: context)
                top += chartRows
            }
            if transitionRows > 0 {
                drawTransitions(into: &buffer, rect: Rect(x: lower.x, y: top, width: lower.width, height: transitionRows), context: context)
                top += transitionRows + 1
            }
            drawBody(into: &buffer, rect: Rect(x: lower.x, y: top, width: lower.width, height: lower.maxY - top), context: context)
        }
    }

    /// Queue depth, wait time and free slots over the chosen window.
    private func drawCharts(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        let history = entryPoint.history
        let changes = history.reasonChanges.map { HistoryChart.ReasonChange(time: $0.time, status: $0.status) }
        let charts = [
            HistoryChart(title: "queue depth", samples: Array(history.queueDepth), reasonChanges: changes, window: window,
                         format: { String(Int($0.rounded())) }),
            HistoryChart(title: "wait time", samples: Array(history.waitTimeSeconds), reasonChanges: changes, window: window,
                         format: { DurationText.wait(seconds: $0) }),
            HistoryChart(title: "free slots", samples: Array(history.freeSlots), reasonChanges: changes, window: window,
                         format: { String(Int($0.rounded())) }),
        ]
        let each = min(HistoryChart.preferredHeight, rect.height / charts.count)
        guard each >= 2 else { return }
        for (index, chart) in charts.enumerated() {
            // A blank row between charts when there is room, so titles do not touch bars.
            let gap = each == HistoryChart.preferredHeight ? 1 : 0
            chart.draw(into: &buffer, rect: Rect(x: rect.x, y: rect.y + index * each, width: rect.width, height: each - gap),
                       context: context)
        }
    }

    /// This entry point's events, newest first.
    var transitions: [MonitorEvent] { events.filter { $0.entryPoint == entryPoint.id }.reversed() }

    private func drawTransitions(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0 else { return }
        let own = transitions
        buffer.write("transitions, newest first: \(own.count)", x: rect.x, y: rect.y, width: rect.width,
                     style: CellStyle(.title, [.bold]), ellipsis: context.glyphs.ellipsis)
        if own.isEmpty, rect.height > 1 {
            buffer.write("none since ecetop started", x: rect.x, y: rect.y + 1, width: rect.width, style: CellStyle(.dim))
        }
        for (offset, event) in own.prefix(rect.height - 1).enumerated() {
            let text = "\(context.clock.time(event.time))  " + EventLogView.change(event, glyphs: context.glyphs)
            buffer.write(text, x: rect.x, y: rect.y + 1 + offset, width: rect.width, style: CellStyle(EventLogView.role(event.kind)),
                         ellipsis: context.glyphs.ellipsis)
        }
    }

    /// The raw body of the chosen call, control characters escaped, scrolled by `bodyScroll`.
    private func drawBody(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0, rect.width > 0 else { return }
        let glyphs = context.glyphs
        let chosen = entryPoint.state(bodyCall)
        let pieces = chosen.lastBody.isEmpty ? [] : TextEscaping.bodyLines(chosen.lastBody).flatMap { WordWrap.characters($0, width: rect.width) }
        let rows = rect.height - 1
        let first = min(max(0, bodyScroll), max(0, pieces.count - rows))
        var heading = "last response of \(bodyCall.rawValue)"
        if let status = chosen.lastHTTPStatus { heading += ": HTTP \(status)" }
        // The line range first: on a narrow screen the end of the heading is what gets cut.
        if pieces.count > rows {
            heading += glyphs.separator + "lines \(first + 1)–\(min(pieces.count, first + rows)) of \(pieces.count) (PgUp/PgDn)"
        }
        if let latency = chosen.lastLatency { heading += glyphs.separator + Self.latencyText(latency) }
        heading += glyphs.separator + "\(chosen.lastBody.count) bytes"
        if let type = chosen.lastContentType { heading += glyphs.separator + type }
        buffer.write(heading, x: rect.x, y: rect.y, width: rect.width, style: CellStyle(.title, [.bold]), ellipsis: glyphs.ellipsis)
        guard rows > 0 else { return }
        if pieces.isEmpty {
            buffer.write(chosen.lastHTTPStatus == nil ? "no response yet" : "(empty body)", x: rect.x, y: rect.y + 1,
                         width: rect.width, style: CellStyle(.dim))
            return
        }
        for (offset, piece) in pieces.dropFirst(first).prefix(rows).enumerated() {
            buffer.write(piece, x: rect.x, y: rect.y + 1 + offset, width: rect.width, style: CellStyle(.text))
        }
    }

    private func alertsLine(context: ViewContext) -> String {
        guard !entryPoint.alerts.isEmpty else { return "alerts: none" }
        let parts = entryPoint.alerts.map { alert in
            "\(alert.rule) (\(alert.severity.description.lowercased()) since \(context.clock.time(alert.since)), "
                + (alert.isAcknowledged ? "acknowledged)" : "not acknowledged: a)")
        }
        return "alerts: " + parts.joined(separator: context.glyphs.separator)
    }

    /// The availability window's time in each state, and the share since the start.
    private func availabilityLine(context: ViewContext) -> String? {
        guard entryPoint.availability.firstObservation != nil else { return nil }
        let shares = entryPoint.timeInStates(over: availabilityWindow.seconds, at: context.now)
        var text = "availability \(availabilityWindow.title): \(shares.summary(separator: context.glyphs.separator))"
        if let sinceStart = entryPoint.timeInStates(over: nil, at: context.now).availability {
            text += "\(context.glyphs.separator)since start \(AvailabilityBreakdown.percent(sinceStart))"
        }
        return text
    }

    /// The queue forecast and what it rests on: the maximum and where it came from, the slope,
    /// the samples; nothing while no maximum is known.
    private func forecastLine(context: ViewContext) -> (text: String, role: StyleRole)? {
        let maximum = entryPoint.configuredMaxQueueDepth ?? entryPoint.learnedMaxQueueDepth
        guard let maximum else { return nil }
        let separator = context.glyphs.separator
        let origin = entryPoint.configuredMaxQueueDepth != nil ? "max-queue-depth" : "learned from queue_depth_reached"
        let inputs = "max \(maximum) (\(origin))"
        guard let forecast = entryPoint.queueForecast(at: context.now) else {
            let why = entryPoint.isStale ? "data stale" : "fewer than \(QueueForecast.minimumSamples) samples in 2 min"
            return ("forecast: none\(separator)\(why)\(separator)\(inputs)", .dim)
        }
        let slope = String(format: "%+.1f/min", forecast.slopePerMinute)
        let fit = "\(inputs)\(separator)\(slope) from \(forecast.samples) samples in 2 min"
        guard let text = forecast.text else {
            let atMaximum = (entryPoint.sessionStatus?.queueDepth ?? 0) >= maximum
            let why = atMaximum ? "queue at its maximum" : forecast.slopePerMinute * 60 < 1 ? "queue not rising" : "not full within 30 min"
            return ("forecast: none (\(why))\(separator)\(fit)", .dim)
        }
        return ("forecast: \(text)\(separator)\(fit)", .warning)
    }

    private func freshnessLine(context: ViewContext) -> String {
        var parts: [String] = []
        if let newest = entryPoint.newestDataAt {
            let age = DurationText.age(seconds: context.now.timeIntervalSince(newest))
            parts.append(entryPoint.isStale ? "STALE: newest data \(age) old" : "data \(age) old")
        } else {
            parts.append("no data yet")
        }
        if isPaused {
            parts.append("polling paused")
        } else if let next = entryPoint.nextPollAt {
            let seconds = next.timeIntervalSince(context.now)
            parts.append(seconds <= 0 ? "poll due now" : "next poll in " + DurationText.age(seconds: seconds.rounded(.up)))
        }
        return parts.joined(separator: context.glyphs.separator)
    }

    static func valueText(_ value: ChatAPIValue?, glyphs: GlyphSet) -> String {
        guard let value else { return glyphs.missing }
        switch value {
        case .agentAvailability(let available): return available ? "yes, agents available" : "no agent available"
        case .capacity(let slots): return "\(slots) free slot\(slots == 1 ? "" : "s")"
        case .sessionStatus(let status):
            return "depth \(status.queueDepth), wait \(DurationText.wait(seconds: status.waitTimeSeconds))"
        case .eligibility(let eligibility): return "\(eligibility.code) (\(eligibility.meaning))"
        case .chatAllowed(let chatAllowed):
            if chatAllowed.allowed { return "allowed" }
            return "not allowed: " + (chatAllowed.reason?.rawValue ?? "no reason")
        }
    }

    static func latencyText(_ latency: Duration) -> String {
        let milliseconds = latency.inSeconds * 1000
        if milliseconds < 10 { return "\((milliseconds * 10).rounded() / 10) ms" }
        if milliseconds >= 10_000 { return "\(Int((milliseconds / 1000).rounded())) s" }
        return "\(Int(milliseconds.rounded())) ms"
    }
}
