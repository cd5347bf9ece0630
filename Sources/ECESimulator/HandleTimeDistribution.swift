import ECEChat
import ECECommon

/// How long an agent spends on one chat, in simulated seconds.
public struct HandleTimeDistribution: Sendable, Hashable, Codable {
    public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
        case exponential
        /// Right-skewed like real chats: most are short, a few run long.
        case lognormal
        case fixed
    }

    public var shape: Shape
    /// Mean handle time in seconds.
    public var mean: Double
    /// Coefficient of variation for `lognormal` (standard deviation ÷ mean).
    public var variation: Double

    public init(shape: Shape = .lognormal, mean: Double, variation: Double = 0.6) {
        self.shape = shape
        self.mean = mean
        self.variation = variation
    }

    /// Draws one handle time; never below one second so a chat always occupies its slot.
    func draw(_ random: inout SplitMix64) -> Double {
        let value: Double
        switch shape {
        case .fixed:
            value = mean
        case .exponential:
            value = random.exponential(mean: mean)
        case .lognormal:
            // Parameters chosen so the draw's mean and coefficient of variation match.
            let sigma2 = log1pSafe(variation * variation)
            let mu = logSafe(mean) - sigma2 / 2
            value = expSafe(mu + sigma2.squareRoot() * random.standardNormal())
        }
        return max(1, value)
    }
}
