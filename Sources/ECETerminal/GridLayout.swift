import ECEMonitor

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
    /// Rows each panel takes: `panelHeight` in the grid, more or less in wall mode.
    public let rowHeight: Int
    public let count: Int
    /// Set when entry points are shown under group headings; it then decides every position.
    public private(set) var placement: GridPlacement?

    public init(area: Rect, count: Int) {
        self.init(area: area, count: count, panelHeight: Self.panelHeight, minimumWidth: Self.minimumPanelWidth,
                  maximumWidth: Self.maximumPanelWidth)
    }

    /// A layout of panels of another size (wall mode's).
    public init(area: Rect, count: Int, panelHeight: Int, minimumWidth: Int, maximumWidth: Int) {
        self.area = area
        self.count = count
        rowHeight = max(1, panelHeight)
        let fitting = max(1, area.width / max(1, minimumWidth))
        // Never more columns than panels, so three panels on a wide screen are not squeezed.
        let columns = max(1, min(fitting, max(1, count)))
        self.columns = columns
        panelWidth = min(maximumWidth, area.width / columns)
        rows = max(1, area.height / rowHeight)
    }

    /// The grid for `entryPoints` in display order, under group headings when any has a group.
    public init(area: Rect, entryPoints: [EntryPointSnapshot]) {
        self.init(area: area, count: entryPoints.count)
        if let groups = EntryPointGroups.runs(entryPoints) {
            placement = GridPlacement(area: area, columns: columns, panelWidth: panelWidth, rowHeight: rowHeight, groups: groups)
        }
    }

    public var perPage: Int { columns * rows }
    public var pageCount: Int { placement?.pageCount ?? max(1, (count + perPage - 1) / perPage) }

    public func page(ofIndex index: Int) -> Int {
        if let placement { return placement.slots.indices.contains(index) ? placement.slots[index].page : 0 }
        return max(0, index) / perPage
    }

    /// The panel rectangle for the item at `index` (on its own page).
    public func rect(forIndex index: Int) -> Rect {
        if let placement, placement.slots.indices.contains(index) { return placement.slots[index].rect }
        let slot = index % perPage
        return Rect(x: area.x + (slot % columns) * panelWidth, y: area.y + (slot / columns) * rowHeight,
                    width: panelWidth, height: rowHeight)
    }

    /// Indices shown on `page`.
    public func indices(onPage page: Int) -> Range<Int> {
        if let placement {
            guard let first = placement.slots.firstIndex(where: { $0.page == page }),
                  let last = placement.slots.lastIndex(where: { $0.page == page }) else { return 0..<0 }
            return first..<(last + 1)
        }
        let start = min(count, page * perPage)
        return start..<min(count, start + perPage)
    }
}
