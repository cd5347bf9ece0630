import ECEChat
import ECECommon

/// A config file that cannot be used, as one line: `FILE:LINE: what was wrong`
/// (`FILE: what was wrong` when the file cannot be read at all).
public struct ConfigError: FileLineError, Sendable, Hashable {
    public var file: String?
    public var line: Int?
    /// The column of a TOML syntax error (also named in the message); nil for other mistakes.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}
