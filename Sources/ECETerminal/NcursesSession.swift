import CNcursesw
import Glibc

/// One ncurses screen from `newterm` to `endwin`/`delscreen`, used only on the thread that
/// opened it.
final class NcursesSession {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var isClosed = false

    /// The descriptor ncurses reads keys from (polled by the UI loop).
    var inputFD: Int32 { fileno(input) }

    /// Opens a screen on the given descriptors (duplicated, so closing ours leaves the
    /// process's stdin/stdout alone).
    ///
    /// Uses `newterm`, which returns NULL for an unknown terminal type where `initscr` would
    /// print a message and exit the process.
    init(terminalType: String?, outputFD: Int32, inputFD: Int32) throws(TerminalError) {
        let type = terminalType ?? ""
        guard !type.isEmpty else { throw .terminalTypeUnset }
        guard let output = fdopen(dup(outputFD), "w"), let input = fdopen(dup(inputFD), "r") else {
            throw .notATerminal
        }
        guard let screen = newterm(type, output, input) else {
            fclose(output)
            fclose(input)
            throw .unknownTerminalType(type)
        }
        set_term(screen)
        self.screen = screen
        self.output = output
        self.input = input
        window = ece_stdscr()
    }

    /// The interactive modes: keys unbuffered and unechoed, function keys decoded, no cursor,
    /// short Esc delay, and non-blocking reads (the loop waits in `poll`).
    func configureForDashboard(escapeDelay: Int) {
        cbreak()
        noecho()
        keypad(window, true)
        curs_set(0)
        set_escdelay(Int32(escapeDelay))
        wtimeout(window, 0)
        leaveok(window, true)
        // No typeahead check: ncurses would poll the keyboard every few lines of each update
        // (a system call each) and leave the frame half drawn when a key waits; the loop
        // reads keys itself, before every frame.
        typeahead(-1)
        // ncurses 6.4 marks a screen from `newterm` as not yet started, and until it has been
        // left once it flushes after every cursor movement: a frame of fifty changed ages went
        // out as fifty writes, each waking the terminal (or sending a packet over ssh). Leaving
        // and re-entering once, before the first frame, makes a frame one write.
        endwin()
        doupdate()
    }

    var size: ScreenSize {
        var rows: Int32 = 0, columns: Int32 = 0
        ece_getmaxyx(window, &rows, &columns)
        return ScreenSize(width: Int(columns), height: Int(rows))
    }

    /// Restores the terminal (cursor, echo, modes) and frees the screen; safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        curs_set(1)
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    deinit { close() }
}
