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

    /// Shares in millionths that add up to exactly one (`AvailabilityBreakdown.roundedShares`).
    private struct Shares {
        var availability: Double
        var unknown: Double
        var reasons: [String: Double]

        init(_ breakdown: AvailabilityBreakdown) {
            let shares = breakdown.roundedShares()
            availability = shares[.allowed] ?? 0
            unknown = shares[.unknown] ?? 0
            reasons = [:]
            for (state, share) in shares {
                if case .refused(let reason) = state { reasons[reason] = share }
            }
        }
    }

    /// Seconds to the millisecond, as the recording holds its times: a difference of two
    /// times reads `240`, not `239.99999988079071`.
    static func milliseconds(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }

    /// One JSON object: shares are fractions of the window in millionths (availability,
    /// unknown and the reasons add up to 1), times ISO 8601 in UTC, waits and durations in
    /// seconds to the millisecond.
    public var json: String {
        let document = Document(
            from: RecordingTime.text(from), to: RecordingTime.text(to), server: server, skippedLines: skippedLines,
            entryPoints: entryPoints.map { row in
                let shares = Shares(row.breakdown)
                return EntryPointObject(
                    id: row.id.rawValue, label: row.label, group: row.group, availability: shares.availability, unknown: shares.unknown,
                    reasons: shares.reasons,
                    incidents: row.incidents.map {
                        IncidentObject(start: RecordingTime.text($0.start), end: RecordingTime.text($0.end), seconds: Self.milliseconds($0.seconds),
                                       reason: $0.reason)
                    },
                    maxQueueDepth: row.deepestQueue.map { Int($0.value) }, maxQueueDepthAt: row.deepestQueue.map { RecordingTime.text($0.time) },
                    longestWait: row.longestWait.map { Self.milliseconds($0.value) }, longestWaitAt: row.longestWait.map { RecordingTime.text($0.time) },
                    gaps: row.gaps.map { GapObject(start: RecordingTime.text($0.start), end: RecordingTime.text($0.end), seconds: Self.milliseconds($0.seconds)) })
            },
            groups: groups.map { group in
                let shares = Shares(group.breakdown)
                return GroupObject(name: group.name, entryPoints: group.members.map(\.rawValue), availability: shares.availability,
                                   unknown: shares.unknown, reasons: shares.reasons, incidents: group.incidents,
                                   maxQueueDepth: group.deepestQueue.map { Int($0.value) }, longestWait: group.longestWait.map { Self.milliseconds($0.value) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Only finite numbers and strings go in: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
