import ECEChat
import ECEMonitor

/// The panels of one page, laid out by `GridLayout`, under group headings when entry points have groups.
public struct GridView: Sendable {
    public var entryPoints: [EntryPointSnapshot]
    public var selection: EntryPointID?
    public var page: Int

    public init(entryPoints: [EntryPointSnapshot], selection: EntryPointID?, page: Int) {
        self.entryPoints = entryPoints
        self.selection = selection
        self.page = page
    }

    /// Draws the page showing; for an empty list the dashboard writes why instead.
    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        let layout = GridLayout(area: rect, entryPoints: entryPoints)
        let page = min(max(0, page), layout.pageCount - 1)
        for heading in layout.placement?.headings ?? [] where heading.page == page {
            let title = " \(heading.title) "
            buffer.fill(heading.rect, character: context.glyphs.box.horizontal, style: CellStyle(.border))
            buffer.write(title, x: heading.rect.x + 1, y: heading.rect.y, width: min(CharacterWidth.columns(of: title), max(0, heading.rect.width - 1)),
                         style: CellStyle(.title, .bold), ellipsis: context.glyphs.ellipsis)
        }
        for index in layout.indices(onPage: page) {
            let entryPoint = entryPoints[index]
            PanelView(entryPoint: entryPoint, isSelected: entryPoint.id == selection)
                .draw(into: &buffer, rect: layout.rect(forIndex: index), context: context)
        }
    }
}
