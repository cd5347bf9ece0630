import ECEChat
import ECECommon

/// A theme that cannot be used, as one line: `FILE:LINE: what was wrong`.
public struct ThemeError: FileLineError, Sendable, Hashable {
    public var file: String?
    public var line: Int?
    public var message: String
}
