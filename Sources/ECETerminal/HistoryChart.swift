import ECEMonitor
import Foundation

/// A block chart of one history series over a time window: a title row with the current
/// value, min and max; a row of marks where chatAllowed's reason changed; bars against a
/// y-axis scale; and a time axis. Pure: the window ends at `context.now`.
public struct HistoryChart: Sendable {
    public var title: String
    public var samples: [EntryPointHistory.Sample]
    /// When chatAllowed's reason changed, and to what.
    public var reasonChanges: [ReasonChange]
    public var window: HistoryWindow
    /// Formats values for the scale and the title row (a wait time keeps its unit).
    public var format: @Sendable (Double) -> String

    /// One change of chatAllowed's reason.
    public struct ReasonChange: Sendable, Hashable {
        public var time: Date
        public var status: String

        public init(time: Date, status: String) {
            self.time = time
            self.status = status
        }
    }

    public init(title: String, samples: [EntryPointHistory.Sample], reasonChanges: [ReasonChange], window: HistoryWindow,
                format: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.samples = samples
        self.reasonChanges = reasonChanges
        self.window = window
        self.format = format
    }

    /// Rows the chart would like: title, marks, bars and time axis.
    public static let preferredHeight = 7

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0, rect.width > 10 else { return }
        let glyphs = context.glyphs
        let start = context.now.addingTimeInterval(-window.seconds)
        let inWindow = samples.filter { $0.time >= start && $0.time <= context.now }
        let changes = reasonChanges.filter { $0.time >= start && $0.time <= context.now }

        // Title row: what, now, min, max, window, and the newest reason change.
        var heading = "\(title)  now \(inWindow.last.map { format($0.value) } ?? glyphs.missing)"
        if let low = inWindow.map(\.value).min(), let high = inWindow.map(\.value).max() {
            heading += "  min \(format(low))  max \(format(high))"
        }
        heading += "  (\(window.title))"
        if let change = changes.last {
            heading += "  \(glyphs.chartMark) \(context.clock.time(change.time)) \(change.status)"
        }
        buffer.write(heading, x: rect.x, y: rect.y, width: rect.width, style: CellStyle(.text, [.bold]), ellipsis: glyphs.ellipsis)
        guard rect.height > 1 else { return }
        let columns = Self.columnValues(samples, start: start, end: context.now, width: rect.width)
        if columns.allSatisfy({ $0 == nil }) {
            // An empty axis would suggest zeros: say there is nothing instead.
            buffer.write("no samples in the last \(window.title)", x: rect.x + 2, y: rect.y + 1, width: rect.width - 2, style: CellStyle(.dim),
                         ellipsis: glyphs.ellipsis)
            return
        }

        let hasMarks = rect.height >= 3
        let hasTimeAxis = rect.height >= 5
        let barTop = rect.y + 1 + (hasMarks ? 1 : 0)
        let barRows = rect.maxY - barTop - (hasTimeAxis ? 1 : 0)
        guard barRows > 0 else { return }

        let top = max(1, inWindow.map(\.value).max() ?? 1)
        let scaleTop = format(top), scaleBottom = format(0)
        let labelWidth = max(CharacterWidth.columns(of: scaleTop), CharacterWidth.columns(of: scaleBottom))
        let plotX = rect.x + labelWidth + 1
        let plotWidth = rect.maxX - plotX
        guard plotWidth > 0 else { return }

        // The y-axis: the scale's top and zero, and the axis line between.
        for row in 0..<barRows {
            let y = barTop + row
            let label = row == 0 ? scaleTop : row == barRows - 1 ? scaleBottom : ""
            buffer.write(label, x: rect.x, y: y, width: labelWidth, style: CellStyle(.dim), alignment: .right)
            buffer.write(String(glyphs.box.vertical), x: plotX - 1, y: y, style: CellStyle(.dim))
        }
        if barRows == 1 {
            // One row: the zero label would hide the top one; the top is what matters.
            buffer.write(scaleTop, x: rect.x, y: barTop, width: labelWidth, style: CellStyle(.dim), alignment: .right)
        }

        let values = Self.columnValues(samples, start: start, end: context.now, width: plotWidth)
        let levels = glyphs.sparkline
        for (column, value) in values.enumerated() {
            guard let value else { continue }
            // Eighths of a row; a zero still shows the lowest block so it differs from no data.
            let eighths = max(1, Int((max(0, value) / top * Double(barRows * levels.count)).rounded()))
            for row in 0..<barRows {
                let fill = min(levels.count, eighths - row * levels.count)
                guard fill > 0 else { break }
                buffer.write(String(levels[fill - 1]), x: plotX + column, y: barTop + barRows - 1 - row, style: CellStyle(.chart))
            }
        }

        if hasMarks {
            for change in changes {
                let offset = change.time.timeIntervalSince(start) / window.seconds * Double(plotWidth)
                let column = min(plotWidth - 1, max(0, Int(offset.rounded(.down))))
                buffer.write(String(glyphs.chartMark), x: plotX + column, y: rect.y + 1, style: CellStyle(.warning, [.bold]))
            }
        }
        if hasTimeAxis {
            let y = rect.maxY - 1
            let from = context.clock.time(start), to = context.clock.time(context.now)
            buffer.write(from, x: plotX, y: y, style: CellStyle(.dim), limit: plotWidth)
            let toWidth = CharacterWidth.columns(of: to)
            if plotWidth >= CharacterWidth.columns(of: from) + toWidth + 2 {
                buffer.write(to, x: rect.maxX - toWidth, y: y, style: CellStyle(.dim))
            }
        }
    }

    /// The value each of `width` columns shows: the newest sample in its slice of the window;
    /// a slice without one carries the previous value forward (the series is a step function
    /// between polls); nil before the first sample, and after the newest one once polls have
    /// been missing for more than two of their usual spacings (so a gap shows as a gap).
    static func columnValues(_ samples: [EntryPointHistory.Sample], start: Date, end: Date, width: Int) -> [Double?] {
        guard width > 0 else { return [] }
        let span = end.timeIntervalSince(start)
        guard span > 0 else { return Array(repeating: nil, count: width) }
        var values: [Double?] = Array(repeating: nil, count: width)
        var carried = samples.last { $0.time < start }?.value
        var index = samples.firstIndex { $0.time >= start } ?? samples.endIndex
        let spacing = Self.usualSpacing(samples)
        let carryLimit = samples.last.map { $0.time.addingTimeInterval(2 * spacing) }
        for column in 0..<width {
            let sliceEnd = start.addingTimeInterval(span * Double(column + 1) / Double(width))
            var found = false
            while index < samples.endIndex, samples[index].time < sliceEnd || (column == width - 1 && samples[index].time <= end) {
                carried = samples[index].value
                index += 1
                found = true
            }
            let sliceStart = start.addingTimeInterval(span * Double(column) / Double(width))
            if found || (carryLimit.map { $0 >= sliceStart } ?? false) {
                values[column] = carried
            }
        }
        return values
    }

    /// The median time between the newest samples: the polling interval as it really was.
    static func usualSpacing(_ samples: [EntryPointHistory.Sample]) -> TimeInterval {
        let recent = samples.suffix(9)
        let gaps = zip(recent.dropFirst(), recent).map { $0.time.timeIntervalSince($1.time) }.sorted()
        return gaps.isEmpty ? 0 : gaps[gaps.count / 2]
    }
}
