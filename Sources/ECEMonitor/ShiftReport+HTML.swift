import ECEChat
import Foundation

extension ShiftReport {
    /// Drawing sizes of one entry point's timeline, in SVG user units.
    private enum Timeline {
        static let width = 1200.0
        static let bandHeight = 28.0
        static let chartTop = 40.0
        static let chartHeight = 70.0
        static let height = 132.0
        /// Narrowest band that still gets its reason written on it.
        static let labelWidth = 90.0
    }

    /// One self-contained page (no script, no external fonts or files; also well-formed XML):
    /// a summary table, then per entry point a timeline of its state (colour and pattern, the
    /// reason on hover and written on wide bands) under its queue depth.
    public var html: String {
        let clock = LocalClock()
        var page = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>ecetop shift report \(Self.escape(clock.full(from))) – \(Self.escape(clock.full(to)))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.75em; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            h2 { font-size: 1.05em; margin: 1.2em 0 0.2em; }
            p.summary { margin: 0 0 0.3em; color: #444; }
            svg text { font: 11px system-ui, sans-serif; }
            .legend span { display: inline-block; margin-right: 1.2em; }
            .legend svg { vertical-align: middle; }
            </style>
            </head>
            <body>
            <h1>Shift report</h1>
            <p>\(Self.escape(clock.full(from))) – \(Self.escape(clock.full(to))) (\(Self.durationText(seconds))) · server \(Self.escape(server)) · skipped lines: \(skippedLines)</p>

            """
        page += Self.patterns + Self.legend
        page += "<table>\n<tr><th>Entry point</th><th>Group</th><th>Available</th><th>Unknown</th><th>Incidents</th><th>Deepest queue</th><th>Longest wait</th></tr>\n"
        for row in entryPoints {
            let queue = row.deepestQueue.map { "\(Int($0.value)) at \(clock.clock($0.time))" } ?? "-"
            let wait = row.longestWait.map { "\(Self.durationText($0.value)) at \(clock.clock($0.time))" } ?? "-"
            page += "<tr><td>\(Self.escape(row.name))</td><td>\(Self.escape(row.group ?? "-"))</td>"
                + "<td class=\"n\">\(row.breakdown.availability.map(AvailabilityBreakdown.percent) ?? "-")</td>"
                + "<td class=\"n\">\(AvailabilityBreakdown.percent(row.breakdown.unknown))</td><td class=\"n\">\(row.incidents.count)</td>"
                + "<td>\(Self.escape(queue))</td><td>\(Self.escape(wait))</td></tr>\n"
        }
        for group in groups {
            page += "<tr><td>group \(Self.escape(group.name)) (\(group.members.count))</td><td>\(Self.escape(group.name))</td>"
                + "<td class=\"n\">\(group.breakdown.availability.map(AvailabilityBreakdown.percent) ?? "-")</td>"
                + "<td class=\"n\">\(AvailabilityBreakdown.percent(group.breakdown.unknown))</td><td class=\"n\">\(group.incidents)</td><td></td><td></td></tr>\n"
        }
        page += "</table>\n"
        for row in entryPoints { page += timeline(row, clock: clock) }
        page += "</body>\n</html>\n"
        return page
    }

    private func timeline(_ row: EntryPointRow, clock: LocalClock) -> String {
        let span = max(seconds, 1)
        func x(_ date: Date) -> Double { (date.timeIntervalSince(from) / span * Timeline.width).clamped(0, Timeline.width) }
        var svg = "<h2>\(Self.escape(row.name))\(row.group.map { " · group " + Self.escape($0) } ?? "")</h2>\n"
        svg += "<p class=\"summary\">\(Self.escape(row.breakdown.summary))</p>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Timeline.width)) \(Int(Timeline.height))\" width=\"100%\" role=\"img\">\n"
        svg += "<title>\(Self.escape(row.name)): chat state and queue depth</title>\n"
        for segment in row.timeline {
            let left = x(segment.start), width = max(x(segment.end) - left, 0.5)
            let style = Self.style(segment.state)
            let tip = "\(segment.state) \(clock.clock(segment.start)) – \(clock.clock(segment.end)) (\(Self.durationText(segment.seconds)))"
            svg += "<g><title>\(Self.escape(tip))</title>"
            svg += "<rect x=\(Self.attribute(left)) y=\"0\" width=\(Self.attribute(width)) height=\"\(Int(Timeline.bandHeight))\" fill=\"\(style.colour)\"/>"
            if let pattern = style.pattern {
                svg += "<rect x=\(Self.attribute(left)) y=\"0\" width=\(Self.attribute(width)) height=\"\(Int(Timeline.bandHeight))\" fill=\"url(#\(pattern))\"/>"
            }
            if width >= Timeline.labelWidth {
                svg += "<text x=\(Self.attribute(left + 4)) y=\"18\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2.5\" paint-order=\"stroke\">\(Self.escape(segment.state.description))</text>"
            }
            svg += "</g>\n"
        }
        let deepest = max(row.queueTrace.map(\.value).max() ?? 0, 1)
        let bottom = Timeline.chartTop + Timeline.chartHeight
        svg += "<line x1=\"0\" y1=\(Self.attribute(bottom)) x2=\"\(Int(Timeline.width))\" y2=\(Self.attribute(bottom)) stroke=\"#999\"/>\n"
        svg += "<text x=\"2\" y=\(Self.attribute(Timeline.chartTop + 10))>queue \(Int(deepest))</text>\n"
        if !row.queueTrace.isEmpty {
            let points = row.queueTrace.map { sample in
                "\(Self.number(x(sample.time))),\(Self.number(bottom - sample.value / deepest * Timeline.chartHeight))"
            }
            svg += "<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"><title>queue depth</title></polyline>\n"
        }
        for tick in 0...4 {
            let time = from.addingTimeInterval(span * Double(tick) / 4)
            let anchor = tick == 0 ? "start" : tick == 4 ? "end" : "middle"
            svg += "<text x=\(Self.attribute(x(time))) y=\(Self.attribute(Timeline.height - 4)) text-anchor=\"\(anchor)\">\(clock.clock(time))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// Colour and pattern of a state: the pattern tells refusals and unknown time apart without colour.
    private static func style(_ state: ChatState) -> (colour: String, pattern: String?) {
        switch state.severity {
        case .ok: ("#2e7d32", nil)
        case .critical: ("#c62828", "hatch")
        case .warning: ("#ef8f00", "cross")
        case .unknown: ("#9e9e9e", "dots")
        }
    }

    private static let patterns = """
        <svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute">
        <defs>
        <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="8" fill="#000" fill-opacity="0.35"/></pattern>
        <pattern id="cross" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0L8 8M8 0L0 8" stroke="#000" stroke-opacity="0.35" stroke-width="1.5"/></pattern>
        <pattern id="dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.3" fill="#000" fill-opacity="0.45"/></pattern>
        </defs>
        </svg>

        """

    private static var legend: String {
        let entries: [(String, ChatState)] = [("allowed", .allowed), ("refused, critical (hatched)", .refused("queue_depth_reached")),
                                              ("refused, warning (crossed)", .refused("agent_not_available")), ("unknown (dotted)", .unknown)]
        var html = "<p class=\"legend\">"
        for (title, state) in entries {
            let style = Self.style(state)
            html += "<span><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"28\" height=\"14\"><rect width=\"28\" height=\"14\" fill=\"\(style.colour)\"/>"
            if let pattern = style.pattern { html += "<rect width=\"28\" height=\"14\" fill=\"url(#\(pattern))\"/>" }
            html += "</svg> \(escape(title))</span>"
        }
        return html + "<span><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"28\" height=\"14\"><line x1=\"0\" y1=\"7\" x2=\"28\" y2=\"7\" stroke=\"#1565c0\" stroke-width=\"2\"/></svg> queue depth</span></p>\n"
    }

    /// Text for HTML and XML: the characters that could end an element or attribute.
    static func escape(_ text: String) -> String { XMLEscaping.escape(text) }

    /// A number as a quoted attribute value.
    private static func attribute(_ value: Double) -> String { "\"\(Self.number(value))\"" }
}

extension Double {
    fileprivate func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
