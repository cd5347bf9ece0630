import Foundation

extension ShiftReport {
    /// `45s`, `3m 07s`, `2h 05m`, `1d 03h`: how long something lasted, in whole seconds.
    public static func durationText(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.isFinite ? seconds.rounded() : 0))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(two(whole % 60))s" }
        if whole < 86_400 { return "\(whole / 3600)h \(two((whole % 3600) / 60))m" }
        return "\(whole / 86_400)d \(two((whole % 86_400) / 3600))h"
    }

    /// Times as a reader of the report sees them: local time of this machine.
    struct LocalClock {
        private let day: DateFormatter
        private let time: DateFormatter

        init() {
            day = DateFormatter()
            day.locale = Locale(identifier: "en_US_POSIX")
            day.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
            time = DateFormatter()
            time.locale = Locale(identifier: "en_US_POSIX")
            time.dateFormat = "HH:mm:ss"
        }

        /// `2026-11-26 10:00:00 +00:00`.
        func full(_ date: Date) -> String { day.string(from: date) }
        /// `10:03:12`.
        func clock(_ date: Date) -> String { time.string(from: date) }
    }

    /// The default format: a table per entry point and group, then incidents and gaps.
    public var text: String {
        let clock = LocalClock()
        var lines: [String] = []
        lines.append("Shift report  \(clock.full(from)) – \(clock.full(to))  (\(Self.durationText(seconds)))")
        lines.append("server \(server)  ·  skipped lines: \(skippedLines)")
        lines.append("")
        let header = ["ENTRY POINT", "GROUP", "AVAIL", "UNKNOWN", "INCIDENTS", "DEEPEST QUEUE", "LONGEST WAIT"]
        var table = [header]
        func peak(_ value: Peak?, _ text: (Double) -> String) -> String {
            value.map { "\(text($0.value)) at \(clock.clock($0.time))" } ?? "-"
        }
        func incidents(_ count: Int, _ seconds: Double) -> String { count == 0 ? "0" : "\(count) (\(Self.durationText(seconds)))" }
        for row in entryPoints {
            table.append([row.name, row.group ?? "-", row.breakdown.availability.map(AvailabilityBreakdown.percent) ?? "-",
                          AvailabilityBreakdown.percent(row.breakdown.unknown),
                          incidents(row.incidents.count, row.incidents.reduce(0) { $0 + $1.seconds }),
                          peak(row.deepestQueue) { String(Int($0)) }, peak(row.longestWait, Self.durationText)])
        }
        lines += Self.columns(table)
        if !groups.isEmpty {
            lines.append("")
            var table = [["GROUP", "ENTRY POINTS", "AVAIL", "UNKNOWN", "INCIDENTS", "DEEPEST QUEUE", "LONGEST WAIT"]]
            for group in groups {
                table.append([group.name, String(group.members.count), group.breakdown.availability.map(AvailabilityBreakdown.percent) ?? "-",
                              AvailabilityBreakdown.percent(group.breakdown.unknown), String(group.incidents),
                              peak(group.deepestQueue) { String(Int($0)) }, peak(group.longestWait, Self.durationText)])
            }
            lines += Self.columns(table)
        }
        lines.append("")
        lines.append("Time in each state")
        for row in entryPoints { lines.append("  \(row.name): \(row.breakdown.summary)") }
        for group in groups { lines.append("  group \(group.name): \(group.breakdown.summary)") }
        lines.append("")
        let allIncidents = entryPoints.flatMap { row in row.incidents.map { (row.name, $0) } }
        lines.append("Incidents (\(allIncidents.count))")
        var incidentTable: [[String]] = []
        for (name, incident) in allIncidents {
            incidentTable.append([name, "\(clock.clock(incident.start)) – \(clock.clock(incident.end))", Self.durationText(incident.seconds), incident.reason])
        }
        lines += Self.columns(incidentTable).map { "  " + $0 }
        lines.append("")
        lines.append("Polling gaps (no valid answer)")
        for row in entryPoints where !row.gaps.isEmpty {
            let total = row.gaps.reduce(0) { $0 + $1.seconds }
            let longest = row.gaps.max { $0.seconds < $1.seconds }!
            lines.append("  \(row.name): \(Self.durationText(total)) in \(row.gaps.count) gap\(row.gaps.count == 1 ? "" : "s"), "
                         + "longest \(Self.durationText(longest.seconds)) from \(clock.clock(longest.start))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows padded into left-aligned columns two spaces apart.
    static func columns(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        var widths = Array(repeating: 0, count: width)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
    }
}
