import CNcursesw
import Glibc
import Synchronization

/// Restores the terminal if the process dies while the screen is up: a fatal signal (a Swift
/// trap is SIGILL or SIGTRAP, a bad pointer SIGSEGV) or `exit` called from elsewhere.
///
/// The handler calls `endwin` (best effort: it leaves the screen usable for the shell), puts
/// the previous action back and returns, so the fault happens again and reaches the previous
/// handler (Swift's backtracer, or the default core dump) as if nothing had intervened.
enum CrashGuard {
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Marks the screen up or down; the handlers only act while it is up.
    static func setScreenActive(_ active: Bool) {
        crashGuardScreenActive.store(active, ordering: .sequentiallyConsistent)
    }

    /// Installs the handlers once per process.
    static func installOnce() {
        guard crashGuardInstalled.exchange(true, ordering: .sequentiallyConsistent) == false else { return }
        atexit {
            if crashGuardScreenActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
        }
        for signal in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if crashGuardScreenActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
                if signal >= 0, signal < 32 {
                    var previous = crashGuardPrevious[Int(signal)]
                    sigaction(signal, &previous, nil)
                }
                if signal == SIGABRT || signal == SIGTRAP {
                    // Raised, not faulted: returning would not repeat it.
                    raise(signal)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            sigaction(signal, &action, &old)
            crashGuardPrevious[Int(signal)] = old
        }
    }
}

private let crashGuardScreenActive = Atomic<Bool>(false)
private let crashGuardInstalled = Atomic<Bool>(false)
/// Previous actions by signal number; written once before any handler can run.
nonisolated(unsafe) private let crashGuardPrevious = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
