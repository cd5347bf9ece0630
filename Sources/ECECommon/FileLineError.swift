/// A mistake at a place in a file the user wrote (a scenario, a theme), shown as the one line
/// a terminal error gets: `FILE:LINE: what was wrong`.
public protocol FileLineError: Error, CustomStringConvertible {
    var file: String? { get }
    var line: Int? { get }
    var message: String { get }
}

extension FileLineError {
    public var description: String {
        // A parser's message may span lines.
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        switch (file, line) {
        case (let file?, let line?): return "\(file):\(line): \(oneLine)"
        case (let file?, nil): return "\(file): \(oneLine)"
        default: return oneLine
        }
    }
}
