import Synchronization

/// A monotonic source of wall-clock seconds, injectable so tests need not wait for real time.
public protocol WallClock: Sendable {
    /// Seconds since some fixed origin; never decreases.
    func now() -> Double
}

/// The process's monotonic clock.
public struct SystemWallClock: WallClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - origin).components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// A wall clock that moves only when told to, for tests.
public final class ManualWallClock: WallClock {
    private let seconds: Mutex<Double>

    public init(_ start: Double = 0) {
        seconds = Mutex(start)
    }

    public func now() -> Double { seconds.withLock { $0 } }

    public func advance(by delta: Double) {
        seconds.withLock { $0 += max(0, delta) }
    }
}
