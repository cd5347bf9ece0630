import Foundation

extension ShiftReport {
    private struct Document: Encodable {
        var from: String
        var to: String
        var server: String
        var skippedLines: Int
        var entryPoints: [EntryPointObject]
        var groups: [GroupObject]
    }

    private struct EntryPointObject: Encodable {
        var id: Int64
        var label: String?
        var group: String?
        var availability: Double
        var unknown: Double
        var reasons: [String: Double]
        var incidents: [IncidentObject]
        var maxQueueDepth: Int?
        var maxQueueDepthAt: String?
        var longestWait: Double?
        var longestWaitAt: String?
        var gaps: [GapObject]
    }

    private struct GroupObject: Encodable {
        var name: String
        var entryPoints: [Int64]
        var availability: Double
        var unknown: Double
        var reasons: [String: Double]
        var incidents: Int
        var maxQueueDepth: Int?
        var longestWait: Double?
    }

    private struct IncidentObject: Encodable {
        var start: String
        var end: String
        var seconds: Double
        var reason: String
    }

    private struct GapObject: Encodable {
        var start: String
        var end: String
        var seconds: Double
    }

    /// One JSON object: shares are fractions of the window (availability, unknown and the
    /// reasons add up to 1), times ISO 8601 in UTC, waits and durations in seconds.
    public var json: String {
        func reasons(_ breakdown: AvailabilityBreakdown) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: breakdown.reasons.map { ($0.reason, $0.share) })
        }
        let document = Document(
            from: RecordingTime.text(from), to: RecordingTime.text(to), server: server, skippedLines: skippedLines,
            entryPoints: entryPoints.map { row in
                EntryPointObject(id: row.id.rawValue, label: row.label, group: row.group, availability: row.breakdown.share(.allowed),
                           unknown: row.breakdown.unknown, reasons: reasons(row.breakdown),
                           incidents: row.incidents.map { IncidentObject(start: RecordingTime.text($0.start), end: RecordingTime.text($0.end), seconds: $0.seconds, reason: $0.reason) },
                           maxQueueDepth: row.deepestQueue.map { Int($0.value) }, maxQueueDepthAt: row.deepestQueue.map { RecordingTime.text($0.time) },
                           longestWait: row.longestWait?.value, longestWaitAt: row.longestWait.map { RecordingTime.text($0.time) },
                           gaps: row.gaps.map { GapObject(start: RecordingTime.text($0.start), end: RecordingTime.text($0.end), seconds: $0.seconds) })
            },
            groups: groups.map { group in
                GroupObject(name: group.name, entryPoints: group.members.map(\.rawValue), availability: group.breakdown.share(.allowed),
                      unknown: group.breakdown.unknown, reasons: reasons(group.breakdown), incidents: group.incidents,
                      maxQueueDepth: group.deepestQueue.map { Int($0.value) }, longestWait: group.longestWait?.value)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Only finite numbers and strings go in: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
