import ECEMonitor

/// Orders entry points by group for the grid: groups in the order the config lists them
/// (first appearance), entry points without a group last, the sort order kept within each.
public enum EntryPointGroups {
    /// The title of the heading over entry points that have no group while others do.
    public static let ungroupedTitle = "Ungrouped"

    /// `sorted` regrouped; unchanged when no entry point has a group.
    ///
    /// - Parameter listed: all entry points in the monitor's (the config's) order.
    public static func arranged(_ sorted: [EntryPointSnapshot], listed: [EntryPointSnapshot]) -> [EntryPointSnapshot] {
        guard sorted.contains(where: { $0.group != nil }) else { return sorted }
        var rank: [String: Int] = [:]
        for entryPoint in listed {
            if let group = entryPoint.group, rank[group] == nil { rank[group] = rank.count }
        }
        let ungrouped = rank.count
        // Enumerated so equal groups keep their sorted order (sort is not stable).
        return sorted.enumerated().sorted { a, b in
            let ra = a.element.group.flatMap { rank[$0] } ?? ungrouped, rb = b.element.group.flatMap { rank[$0] } ?? ungrouped
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// Consecutive runs of one group in arranged entry points, with heading titles; nil when none has a group.
    public static func runs(_ arranged: [EntryPointSnapshot]) -> [(title: String, count: Int)]? {
        guard arranged.contains(where: { $0.group != nil }) else { return nil }
        var runs: [(title: String, count: Int)] = []
        var current: String??
        for entryPoint in arranged {
            if current == .some(entryPoint.group) {
                runs[runs.count - 1].count += 1
            } else {
                current = .some(entryPoint.group)
                runs.append((entryPoint.group ?? ungroupedTitle, 1))
            }
        }
        return runs
    }
}
