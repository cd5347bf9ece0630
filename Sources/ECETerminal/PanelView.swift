import ECEChat
import ECECommon
import ECEMonitor
import Foundation

/// One entry point's panel in the grid: eight rows, frame coloured by its state.
public struct PanelView: Sendable {
    public var entryPoint: EntryPointSnapshot
    public var isSelected: Bool

    public init(entryPoint: EntryPointSnapshot, isSelected: Bool = false) {
        self.entryPoint = entryPoint
        self.isSelected = isSelected
    }

    /// Critical, with an alert nobody has acknowledged yet: the panel flashes.
    public var isFlashing: Bool { PanelStatus.isFlashing(entryPoint) }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let glyphs = context.glyphs
        let status = PanelStatus(entryPoint)
        let flashing = isFlashing && context.flashPhase
        let frameRole: StyleRole = flashing ? .flash : status.borderRole
        let failingCalls = entryPoint.failingCalls
        buffer.fill(rect, style: .background)
        buffer.drawBox(rect, lines: isSelected ? glyphs.selectedBox : glyphs.box,
                       style: CellStyle(frameRole, isSelected ? [.bold] : []))

        // Title on the top border: the ID (and label), highlighted when selected.
        let titleRoom = rect.width - 4
        var title = entryPoint.id.description
        if let label = entryPoint.label, !label.isEmpty { title += " " + label }
        if let group = entryPoint.group, !group.isEmpty { title += " [\(group)]" }
        let marker = alertMarker
        let markerWidth = marker.map { CharacterWidth.columns(of: $0) + 2 } ?? 0
        let fitted = ScreenBuffer.fit(" \(title) ", width: max(0, titleRoom - markerWidth), ellipsis: glyphs.ellipsis)
        buffer.write(fitted, x: rect.x + 1, y: rect.y,
                     style: isSelected ? CellStyle(.selection, [.bold]) : CellStyle(.title, [.bold]))
        if let marker, titleRoom > markerWidth + 6 {
            buffer.write(" \(marker) ", x: rect.maxX - 1 - markerWidth, y: rect.y, style: CellStyle(frameRole, [.bold]))
        }

        let x = rect.x + 2
        let width = rect.width - 4
        var y = rect.y + 1
        let bottom = rect.maxY - 1
        func line(_ draw: (inout ScreenBuffer) -> Void) {
            guard y < bottom else { return }
            draw(&buffer)
            y += 1
        }

        line { buffer in
            let statusStyle = CellStyle(flashing ? .flash : status.role, [.bold])
            if flashing { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), style: statusStyle) }
            let text = "\(status.symbol(glyphs)) \(status.word) \(entryPoint.statusWord)"
            let used = buffer.write(ScreenBuffer.fit(text, width: width, ellipsis: glyphs.ellipsis), x: x, y: y, style: statusStyle)
            if let since = entryPoint.statusSince {
                let forText = "for " + DurationText.lasting(seconds: context.now.timeIntervalSince(since))
                let room = width - used - 1
                if CharacterWidth.columns(of: forText) <= room {
                    buffer.write(forText, x: x + width - CharacterWidth.columns(of: forText), y: y,
                                 style: flashing ? statusStyle : CellStyle(.dim))
                }
            }
        }
        let missing = glyphs.missing
        let session = entryPoint.sessionStatus
        line { buffer in
            let depthRole: StyleRole = entryPoint.chatAllowed?.reason == .queueDepthReached ? status.role : .text
            let depth = session.map { String($0.queueDepth) } ?? missing
            let wait = session.map { DurationText.wait(seconds: $0.waitTimeSeconds) } ?? missing
            pair(&buffer, x: x, y: y, width: width, "queue", depth, depthRole, "wait", wait, .text)
        }
        line { buffer in
            let slots = entryPoint.freeSlots.map(String.init) ?? missing
            let slotsRole: StyleRole = entryPoint.freeSlots == 0 ? .warning : .text
            let agents = entryPoint.agentAvailable.map { $0 ? "yes" : "no" } ?? missing
            let agentsRole: StyleRole = entryPoint.agentAvailable == false ? .warning : .text
            pair(&buffer, x: x, y: y, width: width, "slots", slots, slotsRole, "agents", agents, agentsRole)
        }
        line { buffer in
            buffer.write("elig", x: x, y: y, style: CellStyle(.dim))
            let text = entryPoint.eligibility.map { "\($0.code) \($0.meaning)" } ?? missing
            let role: StyleRole = entryPoint.eligibility.map { $0 == .canTakeChats ? .text : .warning } ?? .text
            buffer.write(text, x: x + 6, y: y, width: width - 6, style: CellStyle(role), ellipsis: glyphs.ellipsis)
        }
        line { buffer in
            // A failing call matters more than the chart: its error takes the chart's row.
            if let failing = failingCalls.first {
                var text = "\(glyphs.warning) \(failing.error.description)"
                if failingCalls.count > 1 { text += " (+\(failingCalls.count - 1))" }
                buffer.write(text, x: x, y: y, width: width, style: CellStyle(.warning), ellipsis: glyphs.ellipsis)
                return
            }
            // Only what fits is drawn: an hour of history is 1,800 samples per series.
            let values = entryPoint.history.queueDepth.suffix(max(0, width)).map(\.value)
            guard !values.isEmpty else {
                buffer.write("no queue history yet", x: x, y: y, style: CellStyle(.dim), limit: width)
                return
            }
            let label = " max \(Int(values.max() ?? 0))"
            let labelWidth = CharacterWidth.columns(of: label)
            let chart = Sparkline.render(values, width: max(0, width - labelWidth), levels: glyphs.sparkline)
            buffer.write(chart, x: x, y: y, style: CellStyle(.chart))
            // The label keeps its place at the right edge while the chart grows towards it: a
            // new sample redraws one bar, not the bar and the label (and the eye is not dragged).
            if labelWidth <= width { buffer.write(label, x: x + width - labelWidth, y: y, style: CellStyle(.dim)) }
        }
        line { buffer in
            let (text, role) = footerLine(failingCalls: failingCalls, context: context)
            buffer.write(text, x: x, y: y, width: width, style: CellStyle(role), ellipsis: glyphs.ellipsis)
        }
    }

    /// `ALERT` while an alert waits for acknowledgement, `ack` once all are acknowledged.
    private var alertMarker: String? {
        guard !entryPoint.alerts.isEmpty else { return nil }
        return entryPoint.hasUnacknowledgedAlert ? "ALERT" : "ack"
    }

    /// The age of the data, with how long calls have been failing or which alert is raised.
    private func footerLine(failingCalls: [(call: ChatAPICall, error: CallFailure)], context: ViewContext) -> (String, StyleRole) {
        var parts: [String] = [entryPoint.dataAgeText(at: context.now).map { "data \($0) old" } ?? "no data yet"]
        if let failing = failingCalls.first {
            let state = entryPoint.state(failing.call)
            // Other calls still answer, so the newest data is fresh: the age that matters is
            // that of the value the failing call left on the panel.
            let othersAnswer = entryPoint.calls.values.contains { !$0.isFailing && $0.lastSuccessAt != nil }
            if othersAnswer, let newest = entryPoint.newestDataAt, state.lastSuccessAt.map({ newest.timeIntervalSince($0) >= 1 }) ?? true {
                let label = Self.fieldLabel(failing.call)
                parts[0] = state.lastSuccessAt.map { "\(label) \(DurationText.age(seconds: context.now.timeIntervalSince($0))) old" }
                    ?? "no \(label) yet"
            }
            var text = "\(state.consecutiveFailures)\(context.glyphs.times) failed"
            if let since = state.failingSince {
                text += " for " + DurationText.lasting(seconds: context.now.timeIntervalSince(since))
            }
            parts.append(text)
        } else if let alert = entryPoint.alerts.first(where: { if case .reason = $0.rule { false } else { true } }) {
            parts.append("alert: \(alert.rule)")
        }
        if let forecast = entryPoint.queueForecast(at: context.now)?.text { parts.append(forecast) }
        if let availability = entryPoint.timeInStates(over: Self.availabilityWindow, at: context.now).availability {
            parts.append("avail " + AvailabilityBreakdown.percent(availability))
        }
        let role: StyleRole = entryPoint.isStale ? .stale : !failingCalls.isEmpty ? .warning : .dim
        return (parts.joined(separator: context.glyphs.separator), role)
    }

    /// The window of the panel's availability figure: the last hour.
    static let availabilityWindow = 3600.0

    /// The panel's label of the value a call provides.
    static func fieldLabel(_ call: ChatAPICall) -> String {
        switch call {
        case .agentAvailability: "agents"
        case .capacity: "slots"
        case .liveSessionStatus: "queue"
        case .checkEligibility: "elig"
        case .chatAllowed: "status"
        }
    }

    /// Two labelled values on one line: `queue 12      wait 2m 05s`.
    private func pair(_ buffer: inout ScreenBuffer, x: Int, y: Int, width: Int,
                      _ label1: String, _ value1: String, _ role1: StyleRole,
                      _ label2: String, _ value2: String, _ role2: StyleRole) {
        let half = width / 2
        buffer.write(label1, x: x, y: y, style: CellStyle(.dim))
        buffer.write(value1, x: x + 6, y: y, style: CellStyle(role1, [.bold]), limit: half - 7)
        buffer.write(label2, x: x + half, y: y, style: CellStyle(.dim))
        let labelWidth = CharacterWidth.columns(of: label2) + 1
        buffer.write(value2, x: x + half + labelWidth, y: y, style: CellStyle(role2, [.bold]), limit: width - half - labelWidth)
    }
}
