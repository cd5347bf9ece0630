import ECEMonitor

/// What a key asks for; `DashboardState` decides what that means on the screen showing.
public enum KeyIntent: Sendable, Hashable {
    public enum Direction: Sendable, Hashable { case left, right, up, down }

    case quit
    case help
    case togglePause
    case pollLessOften
    case pollMoreOften
    case eventLog
    case journal
    case wall
    case nextTheme
    /// The selection, the entry point or call shown, the scroll: whichever the screen moves.
    case move(Direction)
    case first
    case last
    case previousPage
    case nextPage
    case open
    /// Out of the current place: clear the filter, close the detail or the help.
    case back
    case refresh
    case acknowledge
    case acknowledgeAll
    case nextSort
    case editFilter
    case applyFilter
    case clearFilter
    case deleteCharacter
    case nextChartWindow
    case chartWindow(HistoryWindow)
    case replay(ReplayControl)
}
