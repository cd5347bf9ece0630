/// A key press, decoded from whatever the terminal sent, so the state machine never sees
/// curses key codes.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// Ctrl-C as a byte (in raw mode); in cbreak mode it arrives as SIGINT instead.
    case interrupt
    /// The terminal changed size.
    case resize
}
