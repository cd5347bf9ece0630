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
        entryPoints.sorted { a, b in
            switch self {
            case .id:
                break
            case .severity:
                let ra = Self.rank(a), rb = Self.rank(b)
                if ra != rb { return ra > rb }
            case .queueDepth:
                let qa = a.sessionStatus?.queueDepth ?? -1, qb = b.sessionStatus?.queueDepth ?? -1
                if qa != qb { return qa > qb }
            case .waitTime:
                let wa = a.sessionStatus?.waitTimeSeconds ?? -1, wb = b.sessionStatus?.waitTimeSeconds ?? -1
                if wa != wb { return wa > wb }
            }
            return a.id < b.id
        }
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
