import Foundation

/// Seconds an entry point spent in each chat state over one window, and their shares.
public struct AvailabilityBreakdown: Sendable, Hashable {
    /// Seconds in each state; states never seen are absent.
    public var seconds: [ChatState: Double]

    public init(seconds: [ChatState: Double] = [:]) {
        self.seconds = seconds
    }

    /// The length of the window covered (the seconds of every state together).
    public var total: Double { seconds.values.reduce(0, +) }

    /// The share of the window (0–1) spent in `state`; 0 for an empty window.
    public func share(_ state: ChatState) -> Double {
        let total = total
        return total > 0 ? (seconds[state] ?? 0) / total : 0
    }

    /// The share of the window chat was allowed; nil when the window is empty.
    public var availability: Double? { total > 0 ? share(.allowed) : nil }

    /// The share of the window with no valid answer.
    public var unknown: Double { share(.unknown) }

    /// Every refusal reason seen with its share, largest first (ties by name).
    public var reasons: [(reason: String, share: Double)] {
        seconds.keys.compactMap { state -> (String, Double)? in
            guard case .refused(let reason) = state else { return nil }
            return (reason, share(state))
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Every state's share rounded to `1 / resolution`, the rounding spread by largest remainder
    /// so that the rounded shares add up to exactly `resolution` units: printed, they add up
    /// to 1 (as doubles, to within a few units in the last place).
    public func roundedShares(resolution: Int = 1_000_000) -> [ChatState: Double] {
        let total = total
        guard total > 0 else { return [:] }
        let exact = seconds.map { (state: $0.key, units: $0.value / total * Double(resolution)) }.sorted { $0.state < $1.state }
        var units = exact.map { Int($0.units.rounded(.down)) }
        var missing = resolution - units.reduce(0, +)
        // Largest remainder first; ties by the states' order, so the result does not depend on hashing.
        let remainders = exact.indices.map { exact[$0].units - Double(units[$0]) }
        for index in exact.indices.sorted(by: { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }) where missing > 0 {
            units[index] += 1
            missing -= 1
        }
        return Dictionary(uniqueKeysWithValues: exact.indices.map { (exact[$0].state, Double(units[$0]) / Double(resolution)) })
    }

    mutating func add(_ state: ChatState, _ duration: Double) {
        guard duration > 0 else { return }
        seconds[state, default: 0] += duration
    }

    /// Adds `other`'s seconds to these (a group's figure is its members' time together).
    public mutating func add(_ other: AvailabilityBreakdown) {
        for (state, duration) in other.seconds { add(state, duration) }
    }

    /// `allowed 91.2% · queue_depth_reached 6.1% · agent_not_available 2.7% · unknown 0%`.
    public var summary: String { summary(separator: " · ") }

    /// The summary with another separator (a plain-ASCII screen's).
    public func summary(separator: String) -> String {
        guard total > 0 else { return "no time observed yet" }
        var parts = ["allowed \(Self.percent(share(.allowed)))"]
        for (reason, share) in reasons { parts.append("\(reason) \(Self.percent(share))") }
        parts.append("unknown \(Self.percent(unknown))")
        return parts.joined(separator: separator)
    }

    /// `97.5%`, `100%`, `0%`: one decimal unless whole.
    public static func percent(_ share: Double) -> String {
        // By hand: `String(format:)` goes through Foundation's locale machinery, and a table
        // frame prints one of these per row.
        let tenths = Int((share * 1000).rounded())
        let (whole, tenth) = tenths.quotientAndRemainder(dividingBy: 10)
        return tenth == 0 ? "\(whole)%" : "\(whole).\(abs(tenth))%"
    }
}

/// The share of a window chat was allowed and the share unknown, without the breakdown by
/// reason (`AvailabilityLedger.availabilityShares`).
public struct AvailabilityShares: Sendable, Hashable {
    public var allowedSeconds = 0.0
    public var unknownSeconds = 0.0
    public var totalSeconds = 0.0

    public init() {}

    mutating func add(_ state: ChatState, _ seconds: Double) {
        guard seconds > 0 else { return }
        totalSeconds += seconds
        switch state {
        case .allowed: allowedSeconds += seconds
        case .unknown: unknownSeconds += seconds
        case .refused: break
        }
    }

    /// The share of the window chat was allowed; nil when the window is empty.
    public var availability: Double? { totalSeconds > 0 ? allowedSeconds / totalSeconds : nil }

    /// The share of the window with no valid answer.
    public var unknown: Double { totalSeconds > 0 ? unknownSeconds / totalSeconds : 0 }
}
