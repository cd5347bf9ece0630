import ECEMonitor

/// How the grid orders entry points; `s` cycles through them in this order.
public enum SortOrder: String, Sendable, Hashable, CaseIterable {
    case id
    case severity
    case queueDepth
    case waitTime

    /// Label for the footer.
    public var title: String {
        switch self {
        case .id: "ID"
        case .severity: "severity"
        case .queueDepth: "queue depth"
        case .waitTime: "wait time"
        }
    }

    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Sorts worst or largest first (ID ascending), ties broken by ID so the order is stable.
    public func sorted(_ entryPoints: [EntryPointSnapshot]) -> [EntryPointSnapshot] {
        switch self {
        // By ID alone through the same keyed sort: the IDs are read once into one array rather
        // than from two snapshots' storage a comparison.
        case .id: Self.sorted(entryPoints) { _ in 0 }
        case .severity: Self.sorted(entryPoints) { -Self.rank($0) }
        case .queueDepth: Self.sorted(entryPoints) { -($0.sessionStatus?.queueDepth ?? -1) }
        case .waitTime: Self.sorted(entryPoints) { -($0.sessionStatus?.waitTimeSeconds ?? -1) }
        }
    }

    /// Sorts by `key`, smallest first, then by ID. Each key is read once an entry point rather
    /// than twice a comparison: a table of 10,000 entry points is sorted for every frame.
    private static func sorted<Key: Comparable>(_ entryPoints: [EntryPointSnapshot], by key: (EntryPointSnapshot) -> Key) -> [EntryPointSnapshot] {
        let keyed = entryPoints.indices.map { index in (key: key(entryPoints[index]), id: entryPoints[index].id, index: index) }
        return keyed.sorted { ($0.key, $0.id) < ($1.key, $1.id) }.map { entryPoints[$0.index] }
    }

    /// Critical, then warning, then unknown or stale, then OK: what needs a look comes first.
    static func rank(_ entryPoint: EntryPointSnapshot) -> Int {
        switch entryPoint.severity {
        case .critical: 4
        case .warning: entryPoint.isStale ? 2 : 3
        case .unknown: 2
        case .ok: entryPoint.isStale ? 2 : 1
        }
    }
}
