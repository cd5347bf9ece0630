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
                drawRow(entryPoints[index], into: &buffer, y: y, rect: rect, fitted: fitted, context: context)
            }
        }
    }

    /// `avail 15 min 97.5% ` after a group's title: the figure and its window, there even when
    /// the availability column is not.
    private func headingAvailability(_ group: TableSubtotal, context: ViewContext) -> String {
        let shares = group.timeInStates(over: context.window.seconds, at: context.now)
        guard let availability = shares.availability, shares.unknown < 1 else { return "" }
        return "avail \(context.window.title) \(AvailabilityBreakdown.percent(availability)) "
    }

    private func drawRow(_ entryPoint: EntryPointSnapshot, into buffer: inout ScreenBuffer, y: Int, rect: Rect,
                         fitted: [(column: TableColumn, width: Int)], context: ViewContext) {
        let isSelected = entryPoint.id == selection
        let flashing = context.flashPhase && PanelStatus.isFlashing(entryPoint)
        let extra: TextAttributes = isSelected ? [.reverse] : []
        let gap = CellStyle(.text, extra)
        // Each cell written once: the gutter, each column with the space after it, the rest.
        if isSelected {
            buffer.write(String(context.glyphs.pointer), x: rect.x, y: y, style: CellStyle(.selection, [.bold]))
        } else {
            buffer.fill(Rect(x: rect.x, y: y, width: 1, height: 1), style: gap)
        }
        var x = rect.x + 1
        for (column, width) in fitted {
            let cell = column.cell(entryPoint, context)
            let role = flashing && column.flashes ? StyleRole.flash : cell.role
            buffer.write(cell.text, x: x, y: y, width: width, style: CellStyle(role, cell.attributes.union(extra)),
                         ellipsis: context.glyphs.ellipsis, alignment: column.alignment)
            x += width
            buffer.fill(Rect(x: x, y: y, width: 1, height: 1), style: gap)
            x += 1
        }
        buffer.fill(Rect(x: x, y: y, width: rect.maxX - x, height: 1), style: gap)
    }

    /// The columns with those that widen to their content made as wide as their longest cell
    /// on this page.
    private func widened(_ lines: ArraySlice<TableLayout.Line>, context: ViewContext) -> [TableColumn] {
        columns.map { column in
            guard column.widensToContent else { return column }
            var column = column
            for line in lines {
                guard case .entryPoint(let index) = line else { continue }
                column.width = max(column.width, CharacterWidth.columns(of: column.cell(entryPoints[index], context).text))
            }
            return column
        }
    }
}
