/// Where panels go: as many columns as fit at the minimum panel width (panels then share the
/// spare width), as many rows as fit, and pages for the rest.
public struct GridLayout: Sendable, Hashable {
    public static let panelHeight = 8
    public static let minimumPanelWidth = 34
    public static let maximumPanelWidth = 60

    /// The area panels are drawn in.
    public let area: Rect
    public let columns: Int
    public let rows: Int
    public let panelWidth: Int
    public let count: Int

    public init(area: Rect, count: Int) {
        self.area = area
        self.count = count
        let fitting = max(1, area.width / Self.minimumPanelWidth)
        // Never more columns than panels, so three panels on a wide screen are not squeezed.
        let columns = max(1, min(fitting, max(1, count)))
        self.columns = columns
        panelWidth = min(Self.maximumPanelWidth, area.width / columns)
        rows = max(1, area.height / Self.panelHeight)
    }

    public var perPage: Int { columns * rows }
    public var pageCount: Int { max(1, (count + perPage - 1) / perPage) }

    public func page(ofIndex index: Int) -> Int { max(0, index) / perPage }

    /// The panel rectangle for the item at `index` (on its own page).
    public func rect(forIndex index: Int) -> Rect {
        let slot = index % perPage
        return Rect(x: area.x + (slot % columns) * panelWidth, y: area.y + (slot / columns) * Self.panelHeight,
                    width: panelWidth, height: Self.panelHeight)
    }

    /// Indices shown on `page`.
    public func indices(onPage page: Int) -> Range<Int> {
        let start = min(count, page * perPage)
        return start..<min(count, start + perPage)
    }
}
