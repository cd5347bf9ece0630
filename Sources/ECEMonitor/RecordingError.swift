import ECEChat
import ECECommon

/// A recording that cannot be replayed, as one line: `FILE:LINE: what was wrong`.
public struct RecordingError: FileLineError, Sendable, Hashable {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// What is wrong with one line, before it is known which file and line that is.
    public struct Problem: Error, Sendable, Hashable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }
}
