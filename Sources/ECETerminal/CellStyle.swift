/// A role plus extra attributes: everything a view says about how a cell should look.
public struct CellStyle: Sendable, Hashable {
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(_ role: StyleRole, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let text = CellStyle(.text)
    public static let background = CellStyle(.background)
}
