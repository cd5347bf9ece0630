import ECEMonitor
import Foundation

/// Which entry points each wall page shows when not every panel fits: panels in critical
/// state (unacknowledged first, then acknowledged, each in ID order) are pinned at the top of
/// every page and the others rotate below them, so no alert is ever a page turn away. When the
/// criticals alone take every slot, nothing is pinned and `needsStrip` asks for the one-line
/// list of them instead.
public struct WallRotation: Sendable, Hashable {
    /// Indices into the entry points, shown on every page.
    public let pinned: [Int]
    /// Indices into the entry points, taking turns in the slots left.
    public let rotating: [Int]
    public let slotsPerPage: Int
    /// Set when criticals alone fill a page: they are then listed in a strip.
    public let needsStrip: Bool

    public init(entryPoints: [EntryPointSnapshot], slotsPerPage: Int) {
        self.slotsPerPage = max(1, slotsPerPage)
        guard entryPoints.count > self.slotsPerPage else {
            pinned = []
            rotating = Array(entryPoints.indices)
            needsStrip = false
            return
        }
        let critical = Self.criticalIndices(entryPoints)
        if critical.count < self.slotsPerPage {
            pinned = critical
            let pinnedSet = Set(critical)
            rotating = entryPoints.indices.filter { !pinnedSet.contains($0) }
            needsStrip = false
        } else {
            pinned = []
            rotating = Array(entryPoints.indices)
            needsStrip = true
        }
    }

    /// Critical entry points, unacknowledged before acknowledged, each in ID order. Stale ones
    /// count: their alert stands until an answer clears it, and the header counts it.
    public static func criticalIndices(_ entryPoints: [EntryPointSnapshot]) -> [Int] {
        entryPoints.indices.filter { entryPoints[$0].severity == .critical }.sorted { a, b in
            let ua = entryPoints[a].hasUnacknowledgedAlert, ub = entryPoints[b].hasUnacknowledgedAlert
            return ua != ub ? ua : entryPoints[a].id < entryPoints[b].id
        }
    }

    private var rotatingSlots: Int { slotsPerPage - pinned.count }

    public var pageCount: Int { max(1, (rotating.count + rotatingSlots - 1) / rotatingSlots) }

    /// The entry points of `page`, in slot order: the pinned ones, then this page's share of the rest.
    public func indices(onPage page: Int) -> [Int] {
        let start = min(rotating.count, max(0, page) * rotatingSlots)
        return pinned + rotating[start..<min(rotating.count, start + rotatingSlots)]
    }

    /// The page showing at `now`: pages turn on whole multiples of `rotateSeconds` of the
    /// clock, so several wall screens with the same `--rotate` stay in step.
    public func page(at now: Date, rotateSeconds: Int) -> Int {
        guard pageCount > 1 else { return 0 }
        let turns = Int((now.timeIntervalSince1970 / Double(max(1, rotateSeconds))).rounded(.down))
        return ((turns % pageCount) + pageCount) % pageCount
    }
}
