/// A scenario that cannot be used, as one line: `FILE:LINE: what was wrong`.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        switch (file, line) {
        case (let file?, let line?): return "\(file):\(line): \(oneLine)"
        case (let file?, nil): return "\(file): \(oneLine)"
        default: return oneLine
        }
    }
}
