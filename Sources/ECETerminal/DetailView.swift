import ECEChat
import ECEMonitor
import Foundation

/// Everything known about one entry point: every call with its value, HTTP status, latency,
/// last success and error, the history, and the raw body of one call's last response.
public struct DetailView: Sendable {
    public var entryPoint: EntryPointSnapshot
    /// The call whose body is shown.
    public var bodyCall: ChatAPICall
    public var isPaused: Bool

    public init(entryPoint: EntryPointSnapshot, bodyCall: ChatAPICall = .chatAllowed, isPaused: Bool = false) {
        self.entryPoint = entryPoint
        self.bodyCall = bodyCall
        self.isPaused = isPaused
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
        guard y < rect.maxY else { return }
        var title = entryPoint.id.description
        if let label = entryPoint.label, !label.isEmpty { title += "  " + label }
        if let group = entryPoint.group, !group.isEmpty { title += "  [\(group)]" }
        var state = "\(status.symbol(glyphs)) \(status.word) \(entryPoint.statusWord)"
        if let since = entryPoint.statusSince {
            state += " for " + DurationText.age(seconds: context.now.timeIntervalSince(since))
        }
        let stateWidth = min(width, CharacterWidth.columns(of: state))
        buffer.write(title, x: x, y: y, width: max(0, width - stateWidth - 2), style: CellStyle(.title, [.bold]), ellipsis: glyphs.ellipsis)
        buffer.write(state, x: x + width - stateWidth, y: y, width: stateWidth, style: CellStyle(status.role, [.bold]), ellipsis: glyphs.ellipsis)
        y += 1

        if let chatAllowed = entryPoint.chatAllowed {
            if chatAllowed.allowed {
                row("chatAllowed: allowed, new chats can be processed", CellStyle(.dim))
            } else if let reason = chatAllowed.reason {
                row("\(reason.rawValue): \(reason.meaning)", CellStyle(.dim))
            } else {
                row("not allowed, no reason given", CellStyle(.dim))
            }
        } else {
            row("chatAllowed: no answer yet", CellStyle(.dim))
        }
        row(alertsLine(context: context), CellStyle(entryPoint.hasUnacknowledgedAlert ? status.role : .dim))
        row(freshnessLine(context: context), CellStyle(entryPoint.isStale ? .stale : .dim))
        y += 1

        // The calls table.
        let columns = TableColumns(width: width)
        if y < rect.maxY {
            buffer.write(columns.line(["call", "value", "HTTP", "latency", "last ok", "fails"]), x: x, y: y, width: width,
                         style: CellStyle(.dim, [.underline]), ellipsis: glyphs.ellipsis)
            y += 1
        }
        for call in ChatAPICall.allCases where y < rect.maxY {
            let state = entryPoint.state(call)
            let cells = [
                call.rawValue,
                Self.valueText(state.lastValue, glyphs: glyphs),
                state.lastHTTPStatus.map(String.init) ?? glyphs.missing,
                state.lastLatency.map(Self.latencyText) ?? glyphs.missing,
                state.lastSuccessAt.map(context.clock.time) ?? "never",
                state.consecutiveFailures > 0 ? String(state.consecutiveFailures) : "",
            ]
            let role: StyleRole = call == bodyCall ? .selection : state.isFailing ? .warning : .text
            buffer.write(columns.line(cells), x: x, y: y, width: width, style: CellStyle(role), ellipsis: glyphs.ellipsis)
            y += 1
        }
        for (call, error) in entryPoint.failingCalls {
            let state = entryPoint.state(call)
            var text = "\(glyphs.warning) \(error.description)"
            if let since = state.failingSince { text += " (since \(context.clock.time(since)))" }
            row(text, CellStyle(.warning))
        }

        // History.
        let depth = entryPoint.history.queueDepth.map(\.value)
        let wait = entryPoint.history.waitTimeSeconds.map(\.value)
        if !depth.isEmpty || !wait.isEmpty { y += 1 }
        if !depth.isEmpty {
            historyRow(&buffer, &y, rect: rect, label: "queue depth", values: depth,
                       top: String(Int(depth.suffix(width - 24).max() ?? 0)), context: context)
        }
        if !wait.isEmpty {
            historyRow(&buffer, &y, rect: rect, label: "wait time", values: wait,
                       top: WaitTimeUnit.format(seconds: wait.suffix(width - 24).max() ?? 0), context: context)
        }

        // The raw body of the chosen call, control characters escaped.
        y += 1
        let chosen = entryPoint.state(bodyCall)
        var heading = "last response of \(bodyCall.rawValue)"
        if let status = chosen.lastHTTPStatus { heading += ": HTTP \(status)" }
        if let latency = chosen.lastLatency { heading += glyphs.separator + Self.latencyText(latency) }
        heading += glyphs.separator + "\(chosen.lastBody.count) bytes"
        if let type = chosen.lastContentType { heading += glyphs.separator + type }
        row(heading, CellStyle(.title, [.bold]))
        if chosen.lastBody.isEmpty {
            row(chosen.lastHTTPStatus == nil ? "no response yet" : "(empty body)", CellStyle(.dim))
            return
        }
        for line in TextEscaping.bodyLines(chosen.lastBody) {
            for piece in Self.wrap(line, width: width) {
                guard y < rect.maxY else { return }
                if y == rect.maxY - 1, rect.maxY - 1 > rect.y {
                    // Last row: say that more follows rather than cutting silently.
                    row(ScreenBuffer.fit(piece, width: width - 2, ellipsis: glyphs.ellipsis) + " " + String(glyphs.ellipsis), CellStyle(.text))
                    return
                }
                row(piece, CellStyle(.text))
            }
        }
    }

    private func historyRow(_ buffer: inout ScreenBuffer, _ y: inout Int, rect: Rect, label: String, values: [Double],
                            top: String, context: ViewContext) {
        guard y < rect.maxY else { return }
        let x = rect.x + 1
        let width = rect.width - 2
        buffer.write(label, x: x, y: y, style: CellStyle(.dim), limit: 12)
        let suffix = " max \(top)"
        let chartWidth = max(0, width - 13 - CharacterWidth.columns(of: suffix))
        let used = buffer.write(Sparkline.render(values, width: chartWidth, levels: context.glyphs.sparkline),
                                x: x + 13, y: y, style: CellStyle(.chart))
        buffer.write(suffix, x: x + 13 + used, y: y, style: CellStyle(.dim), limit: width - 13 - used)
        y += 1
    }

    private func alertsLine(context: ViewContext) -> String {
        guard !entryPoint.alerts.isEmpty else { return "alerts: none" }
        let parts = entryPoint.alerts.map { alert in
            "\(alert.rule) (\(alert.severity.description.lowercased()) since \(context.clock.time(alert.since)), "
                + (alert.isAcknowledged ? "acknowledged)" : "not acknowledged: a)")
        }
        return "alerts: " + parts.joined(separator: context.glyphs.separator)
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
            return "depth \(status.queueDepth), wait \(WaitTimeUnit.format(seconds: status.waitTimeSeconds))"
        case .eligibility(let eligibility): return "\(eligibility.code) (\(eligibility.meaning))"
        case .chatAllowed(let chatAllowed):
            if chatAllowed.allowed { return "allowed" }
            return "not allowed: " + (chatAllowed.reason?.rawValue ?? "no reason")
        }
    }

    static func latencyText(_ latency: Duration) -> String {
        let milliseconds = latency.inSecondsValue * 1000
        if milliseconds < 10 { return "\((milliseconds * 10).rounded() / 10) ms" }
        return "\(Int(milliseconds.rounded())) ms"
    }

    /// Cuts a line into pieces of at most `width` columns.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in line {
            let columns = CharacterWidth.columns(of: character)
            if used + columns > width {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += columns
        }
        pieces.append(current)
        return pieces
    }
}

/// Column widths of the detail screen's calls table: the value column takes what is left.
struct TableColumns {
    let widths: [Int]

    init(width: Int) {
        let fixed = [18, 0, 5, 9, 9, 5]
        let value = max(8, width - fixed.reduce(0, +) - fixed.count)
        widths = [18, value, 5, 9, 9, 5]
    }

    func line(_ cells: [String]) -> String {
        zip(cells, widths).map { cell, width in
            let fitted = ScreenBuffer.fit(cell, width: width)
            return fitted + String(repeating: " ", count: max(0, width - CharacterWidth.columns(of: fitted)))
        }.joined(separator: " ")
    }
}
