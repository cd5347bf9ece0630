import Foundation

/// Thin wrappers over Foundation's math so the model files read without module prefixes.
func logSafe(_ x: Double) -> Double { Foundation.log(max(x, .leastNormalMagnitude)) }
func log1pSafe(_ x: Double) -> Double { Foundation.log1p(x) }
func expSafe(_ x: Double) -> Double { Foundation.exp(min(x, 700)) }
