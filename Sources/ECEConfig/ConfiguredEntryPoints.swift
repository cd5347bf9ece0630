import ECEChat

/// One `[[entry-points]]` table: IDs and the group and label they share.
public struct ConfiguredEntryPoints: Sendable, Hashable {
    public var ids: [EntryPointID]
    public var group: String?
    public var label: String?
    /// The line of `ids` (the table's header when `ids` has no line of its own).
    public var line: Int
    /// The `[[sites]]` name it belongs to; nil for the single `server`.
    public var site: String?

    public init(ids: [EntryPointID], group: String? = nil, label: String? = nil, line: Int, site: String? = nil) {
        self.ids = ids
        self.group = group
        self.label = label
        self.line = line
        self.site = site
    }
}
