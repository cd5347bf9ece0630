import ECEChat

/// What the dashboard asks a replay (`ReplayPlayer`) to do; a live monitor takes `MonitorCommand`.
public enum ReplayControl: Sendable, Hashable {
    case pause
    case resume
    case togglePause
    /// Acknowledge alerts of one entry point, or all when nil, from the recorded moment on.
    case acknowledge(EntryPointID?)
    /// The next speed up or down the ladder (`ReplayPlayer.speeds`).
    case faster
    case slower
    /// Move the recorded time by this much (negative: back), within the recording.
    case seek(Duration)
}
