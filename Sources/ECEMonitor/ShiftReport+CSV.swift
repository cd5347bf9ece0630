import Foundation

extension ShiftReport {
    /// One row per entry point, then one per group; shares as fractions (0–1, adding up to 1),
    /// times ISO 8601.
    /// Each reason seen anywhere has its own column.
    public var csv: String {
        let reasons = Set(entryPoints.flatMap { $0.breakdown.reasons.map(\.reason) }).sorted()
        var heading = ["kind", "id", "label", "group", "from", "to", "availability", "unknown"]
        heading += reasons
        heading += ["incidents", "incident_seconds", "max_queue_depth", "max_queue_depth_at", "longest_wait_seconds", "longest_wait_at", "gap_seconds"]
        var lines = [heading.map(Self.csvField).joined(separator: ",")]
        func fraction(_ value: Double) -> String { String(format: "%.6f", value) }
        func peak(_ value: Peak?) -> [String] {
            value.map { [Self.number($0.value), RecordingTime.text($0.time)] } ?? ["", ""]
        }
        func shares(_ breakdown: AvailabilityBreakdown) -> [String] {
            // Rounded to add up to 1, as in the JSON.
            let shares = breakdown.roundedShares()
            return [fraction(shares[.allowed] ?? 0), fraction(shares[.unknown] ?? 0)] + reasons.map { fraction(shares[.refused($0)] ?? 0) }
        }
        let window = [RecordingTime.text(from), RecordingTime.text(to)]
        for row in entryPoints {
            var fields = ["entry-point", String(row.id.rawValue), row.label ?? "", row.group ?? ""]
            fields += window
            fields += shares(row.breakdown)
            fields += [String(row.incidents.count), Self.number(row.incidents.reduce(0) { $0 + $1.seconds })]
            fields += peak(row.deepestQueue)
            fields += peak(row.longestWait)
            fields.append(Self.number(row.gaps.reduce(0) { $0 + $1.seconds }))
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        for group in groups {
            var fields = ["group", group.members.map { String($0.rawValue) }.joined(separator: " "), "", group.name]
            fields += window
            fields += shares(group.breakdown)
            fields += [String(group.incidents), Self.number(group.incidentSeconds)]
            fields += peak(group.deepestQueue)
            fields += peak(group.longestWait)
            fields.append(Self.number(group.breakdown.seconds[.unknown] ?? 0))
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12`, `3.25`: whole numbers without a fraction, others to the millisecond.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; a leading `=+-@` is
    /// prefixed with a quote so a spreadsheet does not run a label as a formula.
    static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
