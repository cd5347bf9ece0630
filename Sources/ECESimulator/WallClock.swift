import Foundation

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
///
/// Guarded by an `NSLock` rather than `Mutex`, which needs macOS 15 and the package supports 14.
public final class ManualWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double

    public init(_ start: Double = 0) {
        seconds = start
    }

    public func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds
    }

    public func advance(by delta: Double) {
        lock.lock()
        defer { lock.unlock() }
        seconds += max(0, delta)
    }
}
