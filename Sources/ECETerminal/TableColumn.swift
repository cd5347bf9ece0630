import ECEChat
import ECECommon
import ECEMonitor

/// One column of the table view, as data: title, width, which columns go first on a narrow
/// terminal, and how a row's and a subtotal row's cells read. A new column is one more value
/// in `standard`.
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
    public var cell: @Sendable (EntryPointSnapshot, ViewContext) -> Cell
    /// The cell of a group's subtotal row; nil leaves it blank.
    public var subtotal: (@Sendable (TableSubtotal, ViewContext) -> String)?

    public init(title: String, width: Int, priority: Int, grows: Bool = false, flashes: Bool = false, widensToContent: Bool = false,
                alignment: ScreenBuffer.Alignment = .left, cell: @escaping @Sendable (EntryPointSnapshot, ViewContext) -> Cell,
                subtotal: (@Sendable (TableSubtotal, ViewContext) -> String)? = nil) {
        self.title = title
        self.width = width
        self.priority = priority
        self.grows = grows
        self.flashes = flashes
        self.widensToContent = widensToContent
        self.alignment = alignment
        self.cell = cell
        self.subtotal = subtotal
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
        TableColumn(title: "STATE", width: 9, priority: 0, flashes: true, cell: { entryPoint, context in
            let status = PanelStatus(entryPoint)
            return Cell("\(status.symbol(context.glyphs)) \(status.word)", status.role, [.bold])
        }, subtotal: { _, _ in "subtotal" }),
        TableColumn(title: "ALERT", width: 5, priority: 1, flashes: true, cell: { entryPoint, _ in
            guard !entryPoint.alerts.isEmpty else { return Cell("") }
            return entryPoint.hasUnacknowledgedAlert ? Cell("ALERT", PanelStatus(entryPoint).role, [.bold]) : Cell("ack", .dim)
        }),
        TableColumn(title: "ID", width: 4, priority: 0, widensToContent: true, cell: { entryPoint, _ in Cell(entryPoint.id.description, .title, [.bold]) },
                    subtotal: { group, _ in "\(group.totals.count)" }),
        TableColumn(title: "LABEL", width: 8, priority: 8, grows: true, cell: { entryPoint, _ in Cell(entryPoint.label ?? "") }),
        TableColumn(title: "CHAT ALLOWED", width: 20, priority: 0, grows: true, cell: { entryPoint, _ in
            let status = PanelStatus(entryPoint)
            return Cell(entryPoint.statusWord, entryPoint.chatAllowed?.allowed == true ? .text : status.role)
        }, subtotal: { group, _ in "allowed \(group.totals.allowed)/\(group.totals.count)" }),
        TableColumn(title: "QUEUE", width: 5, priority: 0, alignment: .right, cell: { entryPoint, context in
            guard let session = entryPoint.sessionStatus else { return Cell(context.glyphs.missing, .dim) }
            let full = entryPoint.chatAllowed?.reason == .queueDepthReached
            return Cell(String(session.queueDepth), full ? PanelStatus(entryPoint).role : .text, [.bold])
        }, subtotal: { group, _ in "\(group.totals.waiting)" }),
        TableColumn(title: "WAIT", width: 8, priority: 0, alignment: .right, cell: { entryPoint, context in
            guard let session = entryPoint.sessionStatus else { return Cell(context.glyphs.missing, .dim) }
            return Cell(DurationText.wait(seconds: session.waitTimeSeconds))
        }, subtotal: { group, context in group.totals.longestWait.map { DurationText.wait(seconds: $0.seconds) } ?? context.glyphs.missing }),
        TableColumn(title: "AVAIL", width: 5, priority: 3, alignment: .right, cell: { entryPoint, context in
            availabilityCell(entryPoint.timeInStates(over: context.window.seconds, at: context.now), context: context)
        }, subtotal: { group, context in
            availabilityCell(group.timeInStates(over: context.window.seconds, at: context.now), context: context).text
        }),
        TableColumn(title: "FULL IN", width: 7, priority: 4, alignment: .right, cell: { entryPoint, context in
            guard let seconds = entryPoint.queueForecast(at: context.now)?.secondsToFull else { return Cell("") }
            return Cell("~" + QueueForecast.approximate(seconds), .warning, [.bold])
        }, subtotal: { group, context in group.soonestFull(at: context.now).map { "~" + QueueForecast.approximate($0) } ?? "" }),
        TableColumn(title: "SLOTS", width: 5, priority: 5, alignment: .right, cell: { entryPoint, context in
            guard let slots = entryPoint.freeSlots else { return Cell(context.glyphs.missing, .dim) }
            return Cell(String(slots), slots == 0 ? .warning : .text)
        }, subtotal: { group, _ in "\(group.totals.freeSlots)" }),
        TableColumn(title: "AGENTS", width: 6, priority: 6, cell: { entryPoint, context in
            guard let available = entryPoint.agentAvailable else { return Cell(context.glyphs.missing, .dim) }
            return available ? Cell("yes") : Cell("no", .warning)
        }, subtotal: { group, _ in "\(group.totals.agentsAvailable)/\(group.totals.count)" }),
        TableColumn(title: "ELIG", width: 4, priority: 7, alignment: .right, cell: { entryPoint, context in
            guard let eligibility = entryPoint.eligibility else { return Cell(context.glyphs.missing, .dim) }
            return Cell(String(eligibility.code), eligibility == .canTakeChats ? .text : .warning)
        }),
        TableColumn(title: "QUEUE TREND", width: 16, priority: 9, cell: { entryPoint, context in
            let values = entryPoint.history.queueDepth.suffix(16).map(\.value)
            return Cell(Sparkline.render(values, width: 16, levels: context.glyphs.sparkline), .chart)
        }),
        TableColumn(title: "DATA", width: 14, priority: 2, grows: true, cell: { entryPoint, context in
            let failing = entryPoint.failingCalls
            if let first = failing.first {
                let more = failing.count > 1 ? " (+\(failing.count - 1))" : ""
                return Cell("\(context.glyphs.warning) \(first.error.description)\(more)", .warning)
            }
            guard let age = entryPoint.dataAgeText(at: context.now) else { return Cell("no data yet", .dim) }
            return Cell(age + " old", entryPoint.isStale ? .stale : .dim)
        }, subtotal: { group, _ in group.totals.leftOut > 0 ? "\(group.totals.leftOut) left out" : "" }),
    ]

    /// `97.5%` of the window allowed (unknown time counted in the window, never as allowed);
    /// the missing-value glyph while no answer stood in the window at all.
    static func availabilityCell(_ breakdown: AvailabilityBreakdown, context: ViewContext) -> Cell {
        guard let availability = breakdown.availability, breakdown.unknown < 1 else { return Cell(context.glyphs.missing, .dim) }
        return Cell(AvailabilityBreakdown.percent(availability))
    }
}
