import NIOConcurrencyHelpers

/// The shell a publishing loop runs in, shared by `ChatMonitor` and `ReplayPlayer`: commands
/// come in through a stream and are handled in order, snapshots go out through a stream that
/// keeps only the newest (a slow reader only ever misses stale ones), and the loop sleeps on
/// an injected clock until a deadline, a `wake()` or cancellation, whichever comes first.
final class MonitorLoop<Command: Sendable, C: Clock>: Sendable where C.Duration == Duration {
    let snapshots: AsyncStream<MonitorSnapshot>
    private let snapshotSink: AsyncStream<MonitorSnapshot>.Continuation
    private let commands: AsyncStream<Command>
    private let commandSink: AsyncStream<Command>.Continuation
    let clock: C
    private let wakeSignal = WakeSignal()

    init(clock: C) {
        self.clock = clock
        (snapshots, snapshotSink) = AsyncStream.makeStream(of: MonitorSnapshot.self, bufferingPolicy: .bufferingNewest(1))
        (commands, commandSink) = AsyncStream.makeStream(of: Command.self, bufferingPolicy: .unbounded)
    }

    /// Queues a command from any thread (the UI's included).
    func send(_ command: Command) {
        commandSink.yield(command)
    }

    func publish(_ snapshot: MonitorSnapshot) {
        snapshotSink.yield(snapshot)
    }

    /// Ends the current sleep, or the next one at once when nobody sleeps.
    func wake() {
        wakeSignal.wake()
    }

    /// Runs `turn` until the calling task is cancelled, while `handle` takes the commands;
    /// then both streams finish. `turn` may add work to the group (it is awaited at the end).
    func run(isolation: isolated (any Actor)? = #isolation, handle: @escaping @Sendable (Command) async -> Void,
             turn: (inout DiscardingTaskGroup) async -> Void) async {
        await withDiscardingTaskGroup { group in
            let commands = self.commands
            group.addTask {
                for await command in commands { await handle(command) }
            }
            while !Task.isCancelled { await turn(&group) }
            commandSink.finish()
        }
        snapshotSink.finish()
    }

    /// Sleeps until `deadline` on the clock, or less when woken or cancelled.
    func sleep(until deadline: C.Instant) async {
        if wakeSignal.consumePending() { return }
        let clock = self.clock
        let wakeSignal = self.wakeSignal
        let timer = Task {
            do {
                try await clock.sleep(until: deadline, tolerance: nil)
                wakeSignal.wake()
            } catch {}
        }
        await withTaskCancellationHandler {
            await wakeSignal.wait()
        } onCancel: {
            wakeSignal.wake()
        }
        timer.cancel()
    }
}

/// What the loop sleeps on: `wake()` ends the current wait, or, when nobody waits, the next
/// one at once, so a wake-up between two sleeps is never lost.
final class WakeSignal: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Void, Never>?
        var isPending = false
    }

    private let state = NIOLockedValueBox(State())

    /// True, once, when a wake-up came while nobody waited.
    func consumePending() -> Bool {
        state.withLockedValue { state in
            defer { state.isPending = false }
            return state.isPending
        }
    }

    /// Returns at the next `wake()`, or at once when one is pending.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLockedValue { state in
                if state.isPending {
                    state.isPending = false
                    return true
                }
                state.continuation = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func wake() {
        let waiting = state.withLockedValue { state in
            if let continuation = state.continuation {
                state.continuation = nil
                return Optional(continuation)
            }
            state.isPending = true
            return nil
        }
        waiting?.resume()
    }
}
