import Foundation

extension MonitorSnapshot {
    /// The newest snapshots of several sites' monitors as one picture for the dashboard.
    ///
    /// Entry points keep their site's order, site by site, each marked with its site and
    /// grouped under it (`london`, `london · Sales`, `paris (unreachable)`), so the grid's
    /// group headings name the site and say when it does not answer. The header's server
    /// line lists the sites the same way.
    public static func merging(_ parts: [(name: String, snapshot: MonitorSnapshot)], eventCapacity: Int = 1000) -> MonitorSnapshot {
        var merged = MonitorSnapshot()
        merged.sites = parts.map { SiteStatus(name: $0.name, server: $0.snapshot.server, isReachable: $0.snapshot.isServerReachable,
                                                  budget: $0.snapshot.budget) }
        merged.server = merged.sites.map(\.title).joined(separator: ", ")
        var events: [MonitorEvent] = []
        for (part, site) in zip(parts, merged.sites) {
            let snapshot = part.snapshot
            merged.generation += snapshot.generation
            merged.takenAt = max(merged.takenAt, snapshot.takenAt)
            merged.entryPoints += snapshot.entryPoints.map { entryPoint in
                var entryPoint = entryPoint
                entryPoint.site = site.name
                entryPoint.group = entryPoint.group.map { "\(site.title) · \($0)" } ?? site.title
                return entryPoint
            }
            merged.isPaused = merged.isPaused || snapshot.isPaused
            merged.diagnoses += snapshot.diagnoses.map { .atSite(site.name, $0) }
            merged.requestsSent += snapshot.requestsSent
            events += snapshot.events
            if merged.serverHold == nil, let hold = snapshot.serverHold {
                merged.serverHold = hold
                merged.serverHoldSite = site.name
            }
        }
        if let first = parts.first?.snapshot {
            merged.askedInterval = first.askedInterval
            // Each site keeps its own budget (in `sites`, for the header); this one is the first's.
            merged.budget = first.budget
        }
        merged.effectiveInterval = parts.map(\.snapshot.effectiveInterval).max() ?? merged.askedInterval
        // Like the interval, the slowest site's rotation speaks for all.
        merged.rotation = parts.map(\.snapshot.rotation).max { $0.fullEvery < $1.fullEvery } ?? merged.rotation
        // Stable by time, so each site's own order is kept among equal times.
        merged.events = EventLog(events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element),
                                 capacity: eventCapacity)
        merged.summary = FloorSummary(merged.entryPoints)
        return merged
    }
}
