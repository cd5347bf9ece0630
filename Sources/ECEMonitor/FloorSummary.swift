/// Counts and sums over every entry point of a monitor, kept up to date one entry point at a
/// time: with thousands of entry points, a header and a totals line that walked them all on
/// every frame cost more than the requests themselves.
public struct FloorSummary: Sendable {
    public private(set) var totals = FloorTotals()
    public private(set) var staleCount = 0
    private var severityCounts = Array(repeating: 0, count: Severity.allCases.count)
    /// The entry point with the longest wait changed: the next `settle` looks for the longest again.
    private var longestWaitIsUnknown = false

    public init() {}

    public init(_ entryPoints: [EntryPointSnapshot]) {
        for entryPoint in entryPoints { add(entryPoint) }
    }

    public func count(of severity: Severity) -> Int { severityCounts[severity.rawValue] }

    /// Counts `entryPoint` in; `settle` before reading the totals.
    public mutating func add(_ entryPoint: EntryPointSnapshot) {
        totals.add(FloorTotals.Reading(entryPoint))
        severityCounts[entryPoint.severity.rawValue] += 1
        if entryPoint.isStale { staleCount += 1 }
    }

    /// Counts out what `add(entryPoint)` counted in (the same snapshot, before it changed).
    public mutating func remove(_ entryPoint: EntryPointSnapshot) {
        let reading = FloorTotals.Reading(entryPoint)
        totals.remove(reading)
        if totals.longestWait?.id == reading.id {
            totals.longestWait = nil
            longestWaitIsUnknown = true
        }
        severityCounts[entryPoint.severity.rawValue] -= 1
        if entryPoint.isStale { staleCount -= 1 }
    }

    /// Finds the longest wait again, when the entry point that had it changed; `entryPoints`
    /// are those counted in.
    public mutating func settle(_ entryPoints: [EntryPointSnapshot]) {
        guard longestWaitIsUnknown else { return }
        longestWaitIsUnknown = false
        totals.longestWait = FloorTotals(entryPoints).longestWait
    }
}
