/// What a cell means, not what it looks like: a `Theme` turns each role into colours.
public enum StyleRole: Int, Sendable, Hashable, CaseIterable {
    case background
    case text
    case dim
    case border
    case title
    case header
    case footer
    case selection
    case ok
    case warning
    case critical
    case unknown
    case stale
    case flash
    case chart
}
