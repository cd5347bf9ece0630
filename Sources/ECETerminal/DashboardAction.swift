import ECEMonitor

/// What a key asks for beyond changing the UI state.
public enum DashboardAction: Sendable, Hashable {
    /// Send this to the running monitor.
    case command(MonitorCommand)
    /// Leave the dashboard (restoring the terminal).
    case quit
}
