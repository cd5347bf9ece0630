import ECEChat
import ECECommon
import ECEMonitor

/// One column of the table view, as data: title, width, which columns go first on a narrow
/// terminal, and what its cells show. A new column is one more value in `standard` and one
/// more `Content` case.
public struct TableColumn: Sendable {
    /// What one cell shows and in which role.
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var role: StyleRole
        public var attributes: TextAttributes

        public init(_ text: String, _ role: StyleRole = .text, _ attributes: TextAttributes = []) {
            self.text = text
            self.role = role
            self.attributes = attributes
        }
    }

    public var title: String
    /// The least columns it takes; `grows` columns take a share of what is left over.
    public var width: Int
    /// Lower survives longer: on a narrow terminal columns go from the highest priority down.
    public var priority: Int
    public var grows: Bool
    /// Drawn in the flash role while an unacknowledged critical row flashes.
    public var flashes: Bool
    /// Widens to its longest cell on the page (an ID is never cut).
    public var widensToContent: Bool
    public var alignment: ScreenBuffer.Alignment
    /// What its cells show.
    public var content: Content

    public init(title: String, width: Int, priority: Int, grows: Bool = false, flashes: Bool = false, widensToContent: Bool = false,
                alignment: ScreenBuffer.Alignment = .left, content: Content) {
        self.title = title
        self.width = width
        self.priority = priority
        self.grows = grows
        self.flashes = flashes
        self.widensToContent = widensToContent
        self.alignment = alignment
        self.content = content
    }

    /// The columns kept for `width` terminal columns (one space between them and a one-column
    /// selection gutter), in display order, each with the width it gets.
    public static func fitted(_ columns: [TableColumn], width: Int) -> [(column: TableColumn, width: Int)] {
        var kept = Set(columns.indices)
        func needed() -> Int { 1 + kept.reduce(0) { $0 + columns[$1].width + 1 } }
        // Drop the highest priority first; among equals, the rightmost.
        let dropOrder = columns.indices.sorted { a, b in
            columns[a].priority != columns[b].priority ? columns[a].priority > columns[b].priority : a > b
        }
        for index in dropOrder where needed() > width && columns[index].priority > 0 { kept.remove(index) }
        let growing = kept.filter { columns[$0].grows }.sorted()
        var spare = max(0, width - needed())
        var result: [(column: TableColumn, width: Int)] = []
        var shareLeft = growing.count
        for index in columns.indices where kept.contains(index) {
            var columnWidth = columns[index].width
            if columns[index].grows, shareLeft > 0 {
                let share = spare / shareLeft
                columnWidth += share
                spare -= share
                shareLeft -= 1
            }
            result.append((columns[index], columnWidth))
        }
        return result
    }
}

extension TableColumn {
    /// State, alert, ID, label, reason, queue, wait, availability over the chosen window, when
    /// the queue is full at its rate, slots, agents, eligibility, queue trend, and the data's age
    /// or the failing call; state, ID, reason, queue and wait always stay.
    public static let standard: [TableColumn] = [
        TableColumn(title: "STATE", width: 9, priority: 0, flashes: true, content: .state),
        TableColumn(title: "ALERT", width: 5, priority: 1, flashes: true, content: .alert),
        TableColumn(title: "ID", width: 4, priority: 0, widensToContent: true, content: .id),
        TableColumn(title: "LABEL", width: 8, priority: 8, grows: true, content: .label),
        TableColumn(title: "CHAT ALLOWED", width: 20, priority: 0, grows: true, content: .chatAllowed),
        TableColumn(title: "QUEUE", width: 5, priority: 0, alignment: .right, content: .queue),
        TableColumn(title: "WAIT", width: 8, priority: 0, alignment: .right, content: .wait),
        TableColumn(title: "AVAIL", width: 5, priority: 3, alignment: .right, content: .availability),
        TableColumn(title: "FULL IN", width: 7, priority: 4, alignment: .right, content: .fullIn),
        TableColumn(title: "SLOTS", width: 5, priority: 5, alignment: .right, content: .slots),
        TableColumn(title: "AGENTS", width: 6, priority: 6, content: .agents),
        TableColumn(title: "ELIG", width: 4, priority: 7, alignment: .right, content: .eligibility),
        TableColumn(title: "QUEUE TREND", width: 16, priority: 9, content: .queueTrend),
        TableColumn(title: "DATA", width: 14, priority: 2, grows: true, content: .data),
    ]

    /// What a column shows. A case, not a closure: a row's cells are read by a direct call
    /// that borrows the entry point, where a stored closure was called through a thunk that
    /// copied the snapshot and the context for every cell.
    public enum Content: Sendable, Hashable {
        case state, alert, id, label, chatAllowed, queue, wait, availability, fullIn, slots, agents, eligibility, queueTrend, data
    }

    /// The cell of a group's subtotal row; empty where the column has no subtotal.
    public func subtotal(_ group: TableSubtotal, _ context: ViewContext) -> String {
        switch content {
        case .state: return "subtotal"
        case .id: return "\(group.totals.count)"
        case .chatAllowed: return "allowed \(group.totals.allowed)/\(group.totals.count)"
        case .queue: return "\(group.totals.waiting)"
        case .wait: return group.totals.longestWait.map { DurationText.wait(seconds: $0.seconds) } ?? context.glyphs.missing
        case .availability:
            let shares = group.timeInStates(over: context.window.seconds, at: context.now)
            return Self.availabilityCell(shares.availability, unknown: shares.unknown, context: context).text
        case .fullIn: return group.soonestFull(at: context.now).map { "~" + QueueForecast.approximate($0) } ?? ""
        case .slots: return "\(group.totals.freeSlots)"
        case .agents: return "\(group.totals.agentsAvailable)/\(group.totals.count)"
        case .data: return group.totals.leftOut > 0 ? "\(group.totals.leftOut) left out" : ""
        case .alert, .label, .eligibility, .queueTrend: return ""
        }
    }

    /// `97.5%` of the window allowed (unknown time counted in the window, never as allowed);
    /// the missing-value glyph while no answer stood in the window at all.
    static func availabilityCell(_ availability: Double?, unknown: Double, context: ViewContext) -> Cell {
        guard let availability, unknown < 1 else { return Cell(context.glyphs.missing, .dim) }
        return Cell(AvailabilityBreakdown.percent(availability))
    }
}

extension TableColumn.Content {
    /// The cell of `entryPoint`'s row in a column showing this.
    func cell(_ entryPoint: EntryPointSnapshot, _ context: ViewContext) -> TableColumn.Cell {
        typealias Cell = TableColumn.Cell
        switch self {
        case .state:
            let status = PanelStatus(entryPoint)
            return Cell("\(status.symbol(context.glyphs)) \(status.word)", status.role, [.bold])
        case .alert:
            guard !entryPoint.alerts.isEmpty else { return Cell("") }
            return entryPoint.hasUnacknowledgedAlert ? Cell("ALERT", PanelStatus(entryPoint).role, [.bold]) : Cell("ack", .dim)
        case .id:
            return Cell(entryPoint.id.description, .title, [.bold])
        case .label:
            return Cell(entryPoint.label ?? "")
        case .chatAllowed:
            return Cell(entryPoint.statusWord, entryPoint.chatAllowed?.allowed == true ? .text : PanelStatus(entryPoint).role)
        case .queue:
            guard let session = entryPoint.sessionStatus else { return Cell(context.glyphs.missing, .dim) }
            let full = entryPoint.chatAllowed?.reason == .queueDepthReached
            return Cell(String(session.queueDepth), full ? PanelStatus(entryPoint).role : .text, [.bold])
        case .wait:
            guard let session = entryPoint.sessionStatus else { return Cell(context.glyphs.missing, .dim) }
            return Cell(DurationText.wait(seconds: session.waitTimeSeconds))
        case .availability:
            let shares = entryPoint.availabilityShares(over: context.window.seconds, at: context.now)
            return TableColumn.availabilityCell(shares.availability, unknown: shares.unknown, context: context)
        case .fullIn:
            guard let seconds = entryPoint.queueForecast(at: context.now)?.secondsToFull else { return Cell("") }
            return Cell("~" + QueueForecast.approximate(seconds), .warning, [.bold])
        case .slots:
            guard let slots = entryPoint.freeSlots else { return Cell(context.glyphs.missing, .dim) }
            return Cell(String(slots), slots == 0 ? .warning : .text)
        case .agents:
            guard let available = entryPoint.agentAvailable else { return Cell(context.glyphs.missing, .dim) }
            return available ? Cell("yes") : Cell("no", .warning)
        case .eligibility:
            guard let eligibility = entryPoint.eligibility else { return Cell(context.glyphs.missing, .dim) }
            return Cell(String(eligibility.code), eligibility == .canTakeChats ? .text : .warning)
        case .queueTrend:
            let values = entryPoint.history.queueDepth.suffix(16).map(\.value)
            return Cell(Sparkline.render(values, width: 16, levels: context.glyphs.sparkline), .chart)
        case .data:
            let failing = entryPoint.failingCalls
            if let first = failing.first {
                let more = failing.count > 1 ? " (+\(failing.count - 1))" : ""
                return Cell("\(context.glyphs.warning) \(first.error.description)\(more)", .warning)
            }
            guard let age = entryPoint.dataAgeText(at: context.now) else { return Cell("no data yet", .dim) }
            return Cell(age + " old", entryPoint.isStale ? .stale : .dim)
        }
    }
}
