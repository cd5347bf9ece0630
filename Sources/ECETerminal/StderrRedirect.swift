import Glibc

/// Points file descriptor 2 at the log file while the screen is up, and back afterwards:
/// a library printing to stderr would otherwise smear the dashboard.
struct StderrRedirect {
    private let saved: Int32

    init(path: String?) throws(TerminalError) {
        let target = path ?? "/dev/null"
        let fd = open(target, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .logFileUnavailable(path: target, errno: errno) }
        fflush(nil)
        saved = dup(2)
        dup2(fd, 2)
        close(fd)
    }

    func restore() {
        fflush(nil)
        guard saved >= 0 else { return }
        dup2(saved, 2)
        close(saved)
    }
}
