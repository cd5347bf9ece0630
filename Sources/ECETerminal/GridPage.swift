import ECEMonitor

/// The grid screen's one page computation, shared by the view that draws it and the keys that
/// move through it (`DashboardState.gridPage`).
public struct GridPage: Sendable {
    /// The entry points showing, filtered and sorted.
    public var visible: [EntryPointSnapshot]
    public var layout: GridLayout
    /// Where the selection is among `visible`; nil when it is not there.
    public var selectedIndex: Int?
    /// The page showing: the selection's, else the first.
    public var page: Int
}
