/// One column of the screen model.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; for the right half of a wide character, a space.
    public var character: Character
    public var style: CellStyle
    /// True for the second column of a wide character, which the renderers skip.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: CellStyle = .background, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
