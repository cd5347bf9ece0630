import ECEMonitor

/// The table view's rows: entry points in display order, under a heading and above a
/// subtotal row per group when entry points have groups, cut into pages of the body's height
/// (less the column titles' row).
public struct TableLayout: Sendable, Hashable {
    public enum Line: Sendable, Hashable {
        /// A group's title over its run of entry points `range`.
        case heading(String, Range<Int>)
        /// An index into the entry points.
        case entryPoint(Int)
        /// The subtotal of the entry points `range` (a group's run).
        case subtotal(Range<Int>)
    }

    public let lines: [Line]
    /// Lines of entry points, headings and subtotals per page.
    public let rowsPerPage: Int
    /// The page each entry point is on, by index.
    private let pageOfEntryPoint: [Int]

    public init(area: Rect, entryPoints: [EntryPointSnapshot]) {
        rowsPerPage = max(1, area.height - 1)
        var lines: [Line] = []
        if let runs = EntryPointGroups.runs(entryPoints) {
            var start = 0
            for run in runs {
                lines.append(.heading(run.title, start..<start + run.count))
                lines += (start..<start + run.count).map(Line.entryPoint)
                lines.append(.subtotal(start..<start + run.count))
                start += run.count
            }
        } else {
            lines = entryPoints.indices.map(Line.entryPoint)
        }
        self.lines = lines
        var pages = [Int](repeating: 0, count: entryPoints.count)
        for (position, line) in lines.enumerated() {
            if case .entryPoint(let index) = line { pages[index] = position / rowsPerPage }
        }
        pageOfEntryPoint = pages
    }

    public var pageCount: Int { max(1, (lines.count + rowsPerPage - 1) / rowsPerPage) }

    public func page(ofIndex index: Int) -> Int {
        pageOfEntryPoint.indices.contains(index) ? pageOfEntryPoint[index] : 0
    }

    /// The lines shown on `page`.
    public func lines(onPage page: Int) -> ArraySlice<Line> {
        let start = min(lines.count, max(0, page) * rowsPerPage)
        return lines[start..<min(lines.count, start + rowsPerPage)]
    }

    /// The entry point a page step of `step` pages lands on from `index`: as many entry points
    /// away as a page holds.
    public func index(from index: Int, pageStep step: Int, count: Int) -> Int {
        min(max(0, index + step * rowsPerPage), max(0, count - 1))
    }
}
