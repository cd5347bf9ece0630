/// What an actor's loop sleeps on: `wake()` ends the current sleep, or, when nobody sleeps,
/// the next one at once, so a wake-up between two sleeps is never lost.
///
/// Shared by `ChatMonitor` and `ReplayPlayer`, whose loops wait for a clock or a command.
struct WakeSignal {
    private var continuation: CheckedContinuation<Void, Never>?
    private var isPending = false

    /// True, once, when a wake-up came while nobody slept.
    mutating func consumePending() -> Bool {
        defer { isPending = false }
        return isPending
    }

    /// Parks the sleeper until the next `wake()`.
    mutating func park(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    mutating func wake() {
        if let continuation {
            self.continuation = nil
            continuation.resume()
        } else {
            isPending = true
        }
    }
}
