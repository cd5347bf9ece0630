import ECEChat
import ECEMonitor

/// The panels of one page, laid out by `GridLayout`.
public struct GridView: Sendable {
    public var entryPoints: [EntryPointSnapshot]
    public var selection: EntryPointID?
    public var page: Int

    public init(entryPoints: [EntryPointSnapshot], selection: EntryPointID?, page: Int) {
        self.entryPoints = entryPoints
        self.selection = selection
        self.page = page
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext, emptyMessage: String) {
        guard !entryPoints.isEmpty else {
            buffer.write(emptyMessage, x: rect.x, y: rect.y + rect.height / 2, width: rect.width, style: CellStyle(.dim),
                         ellipsis: context.glyphs.ellipsis, alignment: .center)
            return
        }
        let layout = GridLayout(area: rect, count: entryPoints.count)
        let page = min(max(0, page), layout.pageCount - 1)
        for index in layout.indices(onPage: page) {
            let entryPoint = entryPoints[index]
            PanelView(entryPoint: entryPoint, isSelected: entryPoint.id == selection)
                .draw(into: &buffer, rect: layout.rect(forIndex: index), context: context)
        }
    }
}
