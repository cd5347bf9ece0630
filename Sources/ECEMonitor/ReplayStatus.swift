import Foundation

/// Where a replay stands, published with each of its snapshots so the dashboard can show
/// `REPLAY`, the speed and the end (a live monitor publishes none).
public struct ReplayStatus: Sendable, Hashable {
    /// Recorded seconds per real second.
    public var speed: Double
    public var isPaused: Bool
    /// The recorded time shown is the recording's last moment: playing stopped there.
    public var isAtEnd: Bool
    public var start: Date
    public var end: Date

    public init(speed: Double, isPaused: Bool, isAtEnd: Bool, start: Date, end: Date) {
        self.speed = speed
        self.isPaused = isPaused
        self.isAtEnd = isAtEnd
        self.start = start
        self.end = end
    }
}
