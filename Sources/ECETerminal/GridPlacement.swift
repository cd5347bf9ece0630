/// Where panels and group headings go when the grid shows entry points under group headings:
/// each group starts a new row below a one-line heading, repeated ("…, continued") at the top
/// of a page the group runs onto.
public struct GridPlacement: Sendable, Hashable {
    /// A heading line on one page.
    public struct Heading: Sendable, Hashable {
        public var title: String
        public var page: Int
        public var rect: Rect
    }

    /// Each panel's page, rectangle and grid row (counted across pages, for up and down).
    struct Slot: Sendable, Hashable {
        var page: Int
        var rect: Rect
        var row: Int
        var column: Int
    }

    private(set) var slots: [Slot] = []
    public private(set) var headings: [Heading] = []
    public private(set) var pageCount = 1

    /// - Parameter groups: consecutive runs of panels and their group's name, in display order.
    init(area: Rect, columns: Int, panelWidth: Int, rowHeight: Int, groups: [(title: String, count: Int)]) {
        var page = 0
        var y = area.y
        var row = 0
        for group in groups where group.count > 0 {
            // A heading with no room for a panel row under it starts the next page.
            if y + 1 + rowHeight > area.maxY, y > area.y { page += 1; y = area.y }
            headings.append(Heading(title: group.title, page: page, rect: Rect(x: area.x, y: y, width: area.width, height: 1)))
            y += 1
            var placed = 0
            while placed < group.count {
                if y + rowHeight > area.maxY, y > area.y + 1 {
                    page += 1
                    y = area.y
                    headings.append(Heading(title: group.title + ", continued", page: page,
                                            rect: Rect(x: area.x, y: y, width: area.width, height: 1)))
                    y += 1
                }
                for column in 0..<min(columns, group.count - placed) {
                    slots.append(Slot(page: page, rect: Rect(x: area.x + column * panelWidth, y: y, width: panelWidth, height: rowHeight),
                                      row: row, column: column))
                }
                placed += min(columns, group.count - placed)
                y += rowHeight
                row += 1
            }
        }
        pageCount = page + 1
    }

    /// The panel in the row above or below `index` (`step` -1 or 1), in the nearest column; nil at the edge.
    func index(from index: Int, rowStep step: Int) -> Int? {
        guard slots.indices.contains(index) else { return nil }
        let target = slots[index].row + step
        let candidates = slots.indices.filter { slots[$0].row == target }
        guard let last = candidates.last else { return nil }
        return candidates.first { slots[$0].column == slots[index].column } ?? last
    }

    /// The same place as `index` on the page `step` pages on (the last panel there when shorter).
    func index(from index: Int, pageStep step: Int) -> Int? {
        guard slots.indices.contains(index) else { return nil }
        let page = slots[index].page
        let target = page + step
        guard (0..<pageCount).contains(target),
              let start = slots.firstIndex(where: { $0.page == page }),
              let targetStart = slots.firstIndex(where: { $0.page == target }),
              let targetEnd = slots.lastIndex(where: { $0.page == target }) else { return nil }
        return min(targetEnd, targetStart + (index - start))
    }
}
