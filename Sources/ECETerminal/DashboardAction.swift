import ECEMonitor

/// What a key asks for beyond changing the UI state.
public enum DashboardAction: Sendable, Hashable {
    /// Send this to the running live monitor.
    case command(MonitorCommand)
    /// Send this to the replay being shown.
    case replay(ReplayControl)
    /// Draw with this theme from now on (an index into `DashboardState.themeNames`).
    case applyTheme(Int)
    /// Leave the dashboard (restoring the terminal).
    case quit
}

extension DashboardAction {
    /// Whether the action asks the monitor or the replay for something whose answer comes in a snapshot.
    var sendsCommand: Bool {
        switch self {
        case .command, .replay: true
        case .applyTheme, .quit: false
        }
    }
}
