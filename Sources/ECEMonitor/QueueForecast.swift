import Foundation

/// When a rising queue reaches its maximum, from a least-squares line through its recent depths.
///
/// Never a forecast on a falling or flat queue, on stale data, with fewer than `minimumSamples`
/// in the fit, or without a known maximum.
public struct QueueForecast: Sendable, Hashable {
    /// Where the maximum came from.
    public enum MaximumSource: Sendable, Hashable {
        /// `[[entry-points]] max-queue-depth` in the config file (it wins).
        case configured
        /// The depth last seen together with `queue_depth_reached` (or eligibility 2).
        case learned
    }

    /// How far back the fit reaches, in seconds.
    public static let window = 120.0
    /// Fewest samples a fit needs.
    public static let minimumSamples = 3
    /// Longest time to full still forecast, in seconds.
    public static let horizon = 1800.0

    public var maximum: Int
    public var source: MaximumSource
    /// Change of the depth per minute, from the fit.
    public var slopePerMinute: Double
    /// Samples the fit used.
    public var samples: Int
    /// Seconds until the line reaches the maximum; nil when not rising or not within the horizon.
    public var secondsToFull: Double?

    /// Fits the samples of the last `window` seconds before `now`.
    ///
    /// - Returns: nil without a maximum, on stale data, or with too few samples; otherwise the
    ///   fit's inputs, with `secondsToFull` set only when it rises and reaches the maximum in time.
    public static func fit(_ series: some BidirectionalCollection<EntryPointHistory.Sample>, at now: Date, maximum: Int?,
                           source: MaximumSource, isStale: Bool) -> QueueForecast? {
        guard let maximum, maximum > 0, !isStale else { return nil }
        let start = now.addingTimeInterval(-window)
        var count = 0
        var sumT = 0.0, sumV = 0.0, sumTT = 0.0, sumTV = 0.0
        var latest: EntryPointHistory.Sample?
        // Newest first: the window is the tail of the series.
        for sample in series.reversed() {
            guard sample.time >= start else { break }
            guard sample.time <= now else { continue }
            if latest == nil { latest = sample }
            let t = sample.time.timeIntervalSince(now)
            count += 1
            sumT += t
            sumV += sample.value
            sumTT += t * t
            sumTV += t * sample.value
        }
        guard count >= minimumSamples, let latest else { return nil }
        let n = Double(count)
        let spread = n * sumTT - sumT * sumT
        guard spread > 1e-9 else { return nil }
        let slope = (n * sumTV - sumT * sumV) / spread
        let intercept = (sumV - slope * sumT) / n
        var forecast = QueueForecast(maximum: maximum, source: source, slopePerMinute: slope * 60, samples: count, secondsToFull: nil)
        // Rising by less than one chat an hour is flat; a queue at its maximum is full, not filling.
        guard slope * 3600 >= 1, latest.value < Double(maximum) else { return forecast }
        let seconds = max(0, (Double(maximum) - intercept) / slope)
        if seconds <= horizon { forecast.secondsToFull = seconds }
        return forecast
    }

    /// `full in ~4m`, `full in ~40s`; nil without a forecast.
    public var text: String? {
        secondsToFull.map { "full in ~" + Self.approximate($0) }
    }

    /// `~4m` for a minute or more (rounded), else `~40s` to ten seconds.
    public static func approximate(_ seconds: Double) -> String {
        if seconds >= 60 { return "\(Int((seconds / 60).rounded()))m" }
        return "\(max(10, Int((seconds / 10).rounded()) * 10))s"
    }
}
