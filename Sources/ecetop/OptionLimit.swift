import ArgumentParser
import ECEConfig

/// Holds a flag's number to the range its library defines, worded as the config file words it.
enum OptionLimit {
    static func check(_ flag: String, _ value: Double?, in range: ClosedRange<Double>, unit: String = "") throws {
        guard let value, !(value.isFinite && range.contains(value)) else { return }
        let number = EffectiveConfiguration.number
        let suffix = unit.isEmpty ? "" : " \(unit)"
        throw ValidationError("\(flag) must be between \(number(range.lowerBound)) and \(number(range.upperBound))\(suffix), got \(number(value))")
    }
}
