import ECEChat
import ECEMonitor

/// One `[[entry-points]]` table: IDs and the group and label they share.
public struct ConfiguredEntryPoints: Sendable, Hashable {
    public var ids: [EntryPointID]
    public var group: String?
    public var label: String?
    /// The line of `ids` (the table's header when `ids` has no line of its own).
    public var line: Int
    /// The `[[sites]]` name it belongs to; nil for the single `server`.
    public var site: String?
    /// The queue's maximum depth, for the forecast (`max-queue-depth`).
    public var maxQueueDepth: Int?

    public init(ids: [EntryPointID], group: String? = nil, label: String? = nil, line: Int, site: String? = nil, maxQueueDepth: Int? = nil) {
        self.ids = ids
        self.group = group
        self.label = label
        self.line = line
        self.site = site
        self.maxQueueDepth = maxQueueDepth
    }
}

extension ConfiguredEntryPoints {
    /// Adds this table's label, group and queue maximum to every one of its IDs that has any.
    func addInfo(to info: inout [EntryPointID: MonitorConfiguration.EntryPointInfo]) {
        guard group != nil || label != nil || maxQueueDepth != nil else { return }
        for id in ids { info[id] = .init(label: label, group: group, maxQueueDepth: maxQueueDepth) }
    }
}
