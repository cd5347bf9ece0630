/// Keeps each site's newest snapshot and hands out the dashboard's picture: one site's as is,
/// several merged (`MonitorSnapshot.merging`) once every site has published.
public actor SiteSnapshotMerger {
    private let names: [String]
    private var newest: [MonitorSnapshot?]
    private var generation = 0

    public init(names: [String]) {
        self.names = names
        newest = Array(repeating: nil, count: names.count)
    }

    /// The picture to publish after site `index` published `snapshot`; nil until all have.
    public func merge(_ snapshot: MonitorSnapshot, at index: Int) -> MonitorSnapshot? {
        guard names.count > 1 else { return snapshot }
        newest[index] = snapshot
        let parts = zip(names, newest).compactMap { name, snapshot in snapshot.map { (name: name, snapshot: $0) } }
        guard parts.count == names.count else { return nil }
        var merged = MonitorSnapshot.merging(parts)
        // Each publication is a new picture, whichever site it came from.
        generation += 1
        merged.generation = generation
        return merged
    }
}
