import ECECommon

/// A token bucket that caps requests per second across everything the monitor sends.
///
/// Production ECE servers are rate-limited (about 1 request/s per call, bursts of 20, in the
/// vendor's cloud edition), so ecetop spends a global budget instead of polling freely.
public struct RequestBudget: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Sustained requests per second; 0 means unlimited.
        public var ratePerSecond: Double = 20
        /// Requests that may go at once after a quiet spell.
        public var burst: Int = 20

        public init(ratePerSecond: Double = 20, burst: Int = 20) {
            self.ratePerSecond = ratePerSecond
            self.burst = burst
        }

        public var isUnlimited: Bool { ratePerSecond <= 0 }

        /// The shortest interval at which `entryPoints` can each make `callsEach` calls.
        public func sustainableInterval(entryPoints: Int, callsEach: Double) -> Duration {
            guard !isUnlimited, entryPoints > 0 else { return .zero }
            return .nanoseconds(Int64((Double(entryPoints) * callsEach / ratePerSecond * 1e9).rounded(.up)))
        }
    }

    public let configuration: Configuration
    private var tokens: Double
    private var lastRefill: Duration

    /// - Parameter minimumBurst: the burst is raised to this when lower, so that one entry
    ///   point's round of calls can always be paid for at once.
    public init(_ configuration: Configuration, minimumBurst: Int = 1, now: Duration = .zero) {
        var effective = configuration
        effective.burst = max(configuration.burst, minimumBurst, 1)
        self.configuration = effective
        tokens = Double(effective.burst)
        lastRefill = now
    }

    private mutating func refill(now: Duration) {
        guard now > lastRefill else { return }
        tokens = min(Double(configuration.burst), tokens + configuration.ratePerSecond * now.seconds(since: lastRefill))
        lastRefill = now
    }

    /// Takes `count` tokens if they are there now.
    public mutating func take(_ count: Int, now: Duration) -> Bool {
        if configuration.isUnlimited { return true }
        refill(now: now)
        guard tokens >= Double(count) else { return false }
        tokens -= Double(count)
        return true
    }

    /// How long an empty bucket takes to fill (zero when unlimited).
    public var fillTime: Duration {
        configuration.isUnlimited ? .zero : .seconds(Double(configuration.burst) / configuration.ratePerSecond)
    }

    /// How long until `count` tokens will be there (zero when they are).
    public mutating func wait(for count: Int, now: Duration) -> Duration {
        if configuration.isUnlimited { return .zero }
        refill(now: now)
        let missing = Double(count) - tokens
        guard missing > 0 else { return .zero }
        return .nanoseconds(Int64((missing / configuration.ratePerSecond * 1e9).rounded(.up)))
    }

    /// The shortest interval at which `entryPoints` can each make `callsEach` calls.
    public func sustainableInterval(entryPoints: Int, callsEach: Double) -> Duration {
        configuration.sustainableInterval(entryPoints: entryPoints, callsEach: callsEach)
    }
}

extension Duration {
    /// Seconds from `earlier` to this, as a Double.
    func seconds(since earlier: Duration) -> Double { (self - earlier).inSeconds }
}
