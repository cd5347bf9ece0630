/// Why the dashboard could not take over the terminal; each a one-line message.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal
    case terminalTypeUnset
    case unknownTerminalType(String)
    case logFileUnavailable(path: String, errno: Int32)
    case alreadyRunning

    public var description: String {
        switch self {
        case .notATerminal:
            "the dashboard needs a terminal on stdin and stdout; for scripts and pipes use `ecetop check ID…`"
        case .terminalTypeUnset:
            "TERM is not set: cannot drive the terminal (try TERM=xterm-256color)"
        case .unknownTerminalType(let type):
            "unknown terminal type \"\(type)\" (no terminfo entry; try TERM=xterm-256color)"
        case .logFileUnavailable(let path, let errno):
            "cannot open log file \(path) (errno \(errno))"
        case .alreadyRunning:
            "the dashboard is already running"
        }
    }
}
