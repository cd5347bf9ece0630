import ECEMonitor

/// The `/` filter: an entry point matches when its ID, label, group or status word contains
/// the text (ignoring case). Empty text matches everything.
public struct EntryPointFilter: Sendable, Hashable {
    public var text: String

    public init(_ text: String) { self.text = text }

    /// Blank: every entry point matches.
    public var matchesAll: Bool { text.trimming(" ").isEmpty }

    public func matches(_ entryPoint: EntryPointSnapshot) -> Bool {
        let needle = text.trimming(" ").lowercased()
        guard !needle.isEmpty else { return true }
        let haystacks = [entryPoint.id.description, entryPoint.label ?? "", entryPoint.group ?? "", entryPoint.statusWord]
        return haystacks.contains { $0.lowercased().contains(needle) }
    }
}

extension String {
    /// Trims the given character from both ends (Foundation-free, for the filter).
    func trimming(_ character: Character) -> String {
        guard let start = firstIndex(where: { $0 != character }) else { return "" }
        let end = lastIndex(where: { $0 != character })!
        return String(self[start...end])
    }
}
