import ECEChat
import ECEMonitor

/// The table view: a row of column titles, then one row per entry point of the page, with
/// group headings and subtotal rows; columns drop by priority on a narrow terminal.
public struct TableView: Sendable {
    public var entryPoints: [EntryPointSnapshot]
    public var selection: EntryPointID?
    public var page: Int
    public var columns: [TableColumn]

    public init(entryPoints: [EntryPointSnapshot], selection: EntryPointID?, page: Int, columns: [TableColumn] = TableColumn.standard) {
        self.entryPoints = entryPoints
        self.selection = selection
        self.page = page
        self.columns = columns
    }

    /// Draws the page showing; for an empty list the dashboard writes why instead.
    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height >= 2, rect.width > 0 else { return }
        let layout = TableLayout(area: rect, entryPoints: entryPoints)
        let page = min(max(0, page), layout.pageCount - 1)
        let shown = layout.lines(onPage: page)
        let fitted = TableColumn.fitted(widened(shown, context: context), width: rect.width)
        // What a row needs of each column, as plain values: walking the columns themselves
        // retained and released each title for every cell.
        let rowColumns = fitted.map { RowColumn(content: $0.column.content, width: $0.width, alignment: $0.column.alignment,
                                                flashes: $0.column.flashes) }
        let ellipsis = context.glyphs.ellipsis

        var x = rect.x + 1
        for (column, width) in fitted {
            buffer.write(column.title, x: x, y: rect.y, width: width, style: CellStyle(.dim, [.bold]), ellipsis: ellipsis,
                         alignment: column.alignment)
            x += width + 1
        }
        for (offset, line) in shown.enumerated() {
            let y = rect.y + 1 + offset
            switch line {
            case .heading(let title, let range):
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), character: context.glyphs.box.horizontal,
                            style: CellStyle(.border))
                let text = " \(title) " + headingAvailability(TableSubtotal(entryPoints[range]), context: context)
                buffer.write(text, x: rect.x + 1, y: y, width: min(CharacterWidth.columns(of: text), max(0, rect.width - 1)),
                             style: CellStyle(.title, .bold), ellipsis: ellipsis)
            case .subtotal(let range):
                let group = TableSubtotal(entryPoints[range])
                var x = rect.x + 1
                for (column, width) in fitted {
                    let text = column.subtotal(group, context)
                    buffer.write(text, x: x, y: y, width: width, style: CellStyle(.text, [.bold, .underline]), ellipsis: ellipsis,
                                 alignment: column.alignment)
                    x += width + 1
                }
            case .entryPoint(let index):
                drawRow(entryPoints[index], into: &buffer, y: y, rect: rect, columns: rowColumns, context: context)
            }
        }
    }

    /// A fitted column as a row's cells need it.
    private struct RowColumn {
        var content: TableColumn.Content
        var width: Int
        var alignment: ScreenBuffer.Alignment
        var flashes: Bool
    }

    /// `avail 15 min 97.5% ` after a group's title: the figure and its window, there even when
    /// the availability column is not.
    private func headingAvailability(_ group: TableSubtotal, context: ViewContext) -> String {
        let shares = group.timeInStates(over: context.window.seconds, at: context.now)
        guard let availability = shares.availability, shares.unknown < 1 else { return "" }
        return "avail \(context.window.title) \(AvailabilityBreakdown.percent(availability)) "
    }

    private func drawRow(_ entryPoint: EntryPointSnapshot, into buffer: inout ScreenBuffer, y: Int, rect: Rect,
                         columns: [RowColumn], context: ViewContext) {
        let isSelected = entryPoint.id == selection
        let flashing = context.flashPhase && PanelStatus.isFlashing(entryPoint)
        let extra: TextAttributes = isSelected ? [.reverse] : []
        // The row's blank in one run; the cells then write exactly their columns over it.
        buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: CellStyle(.text, extra))
        if isSelected {
            buffer.write(String(context.glyphs.pointer), x: rect.x, y: y, style: CellStyle(.selection, [.bold]))
        }
        var x = rect.x + 1
        for column in columns {
            let cell = column.content.cell(entryPoint, context)
            let role = flashing && column.flashes ? StyleRole.flash : cell.role
            buffer.write(cell.text, x: x, y: y, width: column.width, style: CellStyle(role, cell.attributes.union(extra)),
                         ellipsis: context.glyphs.ellipsis, alignment: column.alignment)
            x += column.width + 1
        }
    }

    /// The columns with those that widen to their content made as wide as their longest cell
    /// on this page.
    private func widened(_ lines: ArraySlice<TableLayout.Line>, context: ViewContext) -> [TableColumn] {
        columns.map { column in
            guard column.widensToContent else { return column }
            var column = column
            for line in lines {
                guard case .entryPoint(let index) = line else { continue }
                column.width = max(column.width, CharacterWidth.columns(of: column.content.cell(entryPoints[index], context).text))
            }
            return column
        }
    }
}
