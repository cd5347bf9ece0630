import ECEChat
import ECECommon

/// A scenario that cannot be used, as one line: `FILE:LINE: what was wrong`.
public struct ScenarioError: FileLineError, Sendable, Hashable {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}
