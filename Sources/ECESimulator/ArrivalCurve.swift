/// How the arrival rate changes over a simulated day: one multiplier per hour of the day.
public struct ArrivalCurve: Sendable, Hashable, Codable {
    /// 24 factors applied to an entry point's `arrivalsPerHour`, hour 0 first.
    public let multipliers: [Double]

    /// - Returns: nil unless there are 24 finite, non-negative factors.
    public init?(multipliers: [Double]) {
        guard multipliers.count == 24, multipliers.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        self.multipliers = multipliers
    }

    public static let flat = ArrivalCurve(multipliers: Array(repeating: 1, count: 24))!

    /// A contact centre's working day: quiet at night, a morning peak, a lunch dip, an afternoon peak.
    public static let business = ArrivalCurve(multipliers: [
        0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 0.9, 1.2, 1.4, 1.3,
        1.0, 1.1, 1.3, 1.2, 1.0, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05,
    ])!

    public static func named(_ name: String) -> ArrivalCurve? {
        switch name {
        case "flat": .flat
        case "business": .business
        default: nil
        }
    }

    var peak: Double { multipliers.max() ?? 0 }

    /// The factor at a time of day in seconds (wraps around midnight).
    func multiplier(atTimeOfDay seconds: Double) -> Double {
        let day = 86_400.0
        var t = seconds.truncatingRemainder(dividingBy: day)
        if t < 0 { t += day }
        return multipliers[min(23, Int(t / 3600))]
    }
}
