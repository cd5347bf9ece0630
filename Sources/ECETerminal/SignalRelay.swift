import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a flag plus a wake-up byte for the UI thread.
///
/// A plain `sigaction` handler, not a DispatchSource: libdispatch on Linux reads signals
/// through a signalfd that only sees signals blocked in every thread, and with the signal
/// ignored elsewhere it can be dropped. The handler does only async-signal-safe work (an
/// atomic store and a `write`).
enum SignalRelay {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers (and ignores SIGPIPE); returns the previous actions to restore.
    static func install(wakeFD: Int32) -> [Int32: sigaction] {
        signalRelayWakeFD.store(wakeFD, ordering: .relaxed)
        signalRelayReceived.store(0, ordering: .relaxed)
        var previous: [Int32: sigaction] = [:]
        for signal in handled + [SIGPIPE] {
            var action = sigaction()
            if signal == SIGPIPE {
                action.__sigaction_handler.sa_handler = SIG_IGN
            } else {
                action.__sigaction_handler.sa_handler = { signal in
                    signalRelayReceived.store(signal, ordering: .relaxed)
                    let fd = signalRelayWakeFD.load(ordering: .relaxed)
                    if fd >= 0 {
                        var byte: UInt8 = 1
                        _ = write(fd, &byte, 1)
                    }
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
        return previous
    }

    static func restore(_ previous: [Int32: sigaction]) {
        signalRelayWakeFD.store(-1, ordering: .relaxed)
        for (signal, action) in previous {
            var action = action
            sigaction(signal, &action, nil)
        }
    }

    /// The last signal received since `install`, or 0.
    static var received: Int32 { signalRelayReceived.load(ordering: .relaxed) }
}

/// Globals because a C signal handler cannot capture context; atomics keep them safe.
private let signalRelayWakeFD = Atomic<Int32>(-1)
private let signalRelayReceived = Atomic<Int32>(0)
