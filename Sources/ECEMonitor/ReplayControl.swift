import ECEChat

/// What the dashboard asks a replay (`ReplayPlayer`) to do; a live monitor takes `MonitorCommand`.
public enum ReplayControl: Sendable, Hashable {
    case pause
    case resume
    case togglePause
    /// Acknowledge alerts of one entry point, or all when nil, from the recorded moment on.
    case acknowledge(EntryPointID?)
    /// The next speed up or down the ladder (`speeds`).
    case faster
    case slower
    /// Move the recorded time by this much (negative: back), within the recording.
    case seek(Duration)

    /// The speeds `faster` and `slower` step through.
    public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]
    /// The speeds a replay may be started at (`--speed`): from the ladder's first to its last.
    public static let speedRange: ClosedRange<Double> = speeds[0]...speeds[speeds.count - 1]
}
