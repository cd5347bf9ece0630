import ECEChat
import ECECommon
import Foundation

/// The draws the contact-centre model needs, on ECEChat's seeded generator.
extension SplitMix64 {
    /// A uniform draw in [0, 1), from the top 53 bits so every value is exact in a Double.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An exponential draw; `1 - unit()` is in (0, 1] so the logarithm is finite.
    mutating func exponential(mean: Double) -> Double {
        -mean * Foundation.log(1 - unit())
    }

    /// A standard normal draw (Box–Muller, one value per call for a simple, fixed draw count).
    mutating func standardNormal() -> Double {
        let u1 = 1 - unit()
        let u2 = unit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// An independent stream derived from this seed and a label (an entry point ID, say).
    static func derived(seed: UInt64, stream: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }
}
