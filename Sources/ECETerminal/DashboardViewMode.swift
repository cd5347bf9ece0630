/// How the dashboard's main screen lists entry points (`--view`, config `view`, `v`).
public enum DashboardViewMode: String, Sendable, Hashable, CaseIterable {
    /// Panels, several per row: best for a dozen entry points.
    case grid
    /// One row per entry point, as htop and k9s list processes and pods.
    case table
    /// The table when the panels of all entry points do not fit on one page, else the grid.
    case auto
}
