import ECEMonitor
import Foundation
import NIOConcurrencyHelpers
import Synchronization

/// The live dashboard: owns a dedicated UI thread that drives ncurses, fed with snapshots
/// through a mailbox and sending key commands back.
///
/// ```swift
/// let app = TerminalApp(configuration: TerminalConfiguration(logPath: "ecetop.log"))
/// Task { for await snapshot in monitor.snapshots { app.publish(snapshot) } }
/// try await app.run { command in monitor.send(command) }
/// ```
public final class TerminalApp: Sendable {
    public let configuration: TerminalConfiguration

    /// The newest snapshot not yet drawn; older ones are simply replaced.
    private let mailbox = NIOLockedValueBox<MonitorSnapshot?>(nil)
    private let quitRequested = Atomic<Bool>(false)
    private let isRunning = Atomic<Bool>(false)
    private let endingSignalNumber = Atomic<Int32>(0)
    let wakePipe = WakePipe()

    public init(configuration: TerminalConfiguration = TerminalConfiguration()) {
        self.configuration = configuration
    }

    /// Hands the UI a new snapshot; callable from any thread or task, never blocks on the UI.
    public func publish(_ snapshot: MonitorSnapshot) {
        mailbox.withLockedValue { $0 = snapshot }
        wakePipe.wake()
    }

    /// Asks the UI to close the screen and make `run` return.
    public func requestQuit() {
        quitRequested.store(true, ordering: .sequentiallyConsistent)
        wakePipe.wake()
    }

    /// Shows the dashboard until the user quits (q, Ctrl-C, SIGTERM, SIGHUP) or the calling
    /// task is cancelled; the terminal is restored on every path.
    ///
    /// - Parameters:
    ///   - commands: called on the UI thread for each command a key produces for a live
    ///     monitor; it must not block (yield into an `AsyncStream` continuation, for instance).
    ///   - replay: the same for a replay's controls, when the snapshots come from one.
    ///   - outputs: how the journal and the recording fare, read on the UI thread before each
    ///     frame; it must not block (the sinks answer under a lock).
    /// - Throws: `TerminalError` when there is no usable terminal.
    public func run(commands: @escaping @Sendable (MonitorCommand) -> Void = { _ in },
                    replay: @escaping @Sendable (ReplayControl) -> Void = { _ in },
                    outputs: @escaping @Sendable () -> OutputFileStatus = { OutputFileStatus() }) async throws {
        guard isRunning.exchange(true, ordering: .sequentiallyConsistent) == false else { throw TerminalError.alreadyRunning }
        defer { isRunning.store(false, ordering: .sequentiallyConsistent) }
        quitRequested.store(false, ordering: .sequentiallyConsistent)
        endingSignalNumber.store(0, ordering: .sequentiallyConsistent)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let thread = Thread { [self] in
                    do {
                        try TerminalLoop(app: self, commands: commands, replay: replay, outputs: outputs).run()
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                thread.name = "ecetop-ui"
                thread.start()
            }
        } onCancel: {
            requestQuit()
        }
    }

    /// Shows the dashboard with `work` going on beside it (monitors, a replay, the heap
    /// trimmer) until the user quits, then cancels that work and waits for it to end.
    public func run(beside work: [@Sendable () async -> Void], commands: @escaping @Sendable (MonitorCommand) -> Void = { _ in },
                    replay: @escaping @Sendable (ReplayControl) -> Void = { _ in },
                    outputs: @escaping @Sendable () -> OutputFileStatus = { OutputFileStatus() }) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for job in work { group.addTask { await job() } }
            try await run(commands: commands, replay: replay, outputs: outputs)
            group.cancelAll()
        }
    }

    /// Takes the waiting snapshot, leaving the mailbox empty.
    func takeSnapshot() -> MonitorSnapshot? {
        mailbox.withLockedValue { snapshot in
            defer { snapshot = nil }
            return snapshot
        }
    }

    var shouldQuit: Bool { quitRequested.load(ordering: .sequentiallyConsistent) }

    /// The signal (SIGINT, SIGTERM, SIGHUP) that ended the last `run`, or nil when it ended
    /// otherwise; a command exits with 128 + its number, as a shell reports a signal.
    public var endingSignal: Int32? {
        let signal = endingSignalNumber.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    func recordEndingSignal(_ signal: Int32) {
        endingSignalNumber.store(signal, ordering: .sequentiallyConsistent)
    }
}
