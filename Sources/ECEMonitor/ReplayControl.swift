/// What the dashboard asks a replay to do besides pausing (which `MonitorCommand.togglePause` does).
public enum ReplayControl: Sendable, Hashable {
    /// The next speed up or down the ladder (`ReplayPlayer.speeds`).
    case faster
    case slower
    /// Move the recorded time by this much (negative: back), within the recording.
    case seek(Duration)
}
