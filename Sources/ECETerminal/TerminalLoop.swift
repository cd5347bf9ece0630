import CNcursesw
import ECECommon
import ECEMonitor
import Foundation
import Glibc

/// The UI thread's loop: every ncurses call of the dashboard happens here, on one thread.
///
/// It sleeps in `poll` on stdin and the wake pipe for at most the frame timeout, then reads
/// keys, takes the newest snapshot, and draws a frame only if something changed: a new
/// snapshot (live, with the once-a-second tick; replayed, at most five frames a second), a
/// key, a resize, or the tick itself (ages, clock, flashing).
final class TerminalLoop {
    private let app: TerminalApp
    private let commands: @Sendable (MonitorCommand) -> Void
    private let replay: @Sendable (ReplayControl) -> Void
    private let outputs: @Sendable () -> OutputFileStatus
    private let view: DashboardView
    private var state: DashboardState
    private var snapshot: MonitorSnapshot?
    private var glyphs: GlyphSet
    private var bell = AlertBell()
    /// What `t` cycles through; `state.themeIndex` says which one shows.
    private let themes: [Theme]
    /// Least time between frames drawn only because a snapshot arrived. The monitor publishes
    /// after every poll (dozens a second with many entry points), and a frame costs the CPU of
    /// many requests: new values wait for the once-a-second tick, as in htop or top. Shown
    /// within a fifth of a second: what a glance at the wall must catch (`isUrgent`), a replay,
    /// which can run many times faster than time, and for a second after a key sent a command
    /// (pause, refresh), the answer to the key.
    private static func snapshotFrameSpacing(urgent: Bool, replay: Bool, sinceCommand: TimeInterval) -> TimeInterval {
        urgent || replay || sinceCommand < 1 ? 0.2 : 1
    }

    /// Whether `newest` brings news the wall must show at once since the frame last drawn: more
    /// entry points critical or stale, a diagnosis, a pause or a server's hold begun or ended.
    /// A recovery or a new value waits for the tick: with thousands of entry points some
    /// value changes with every poll, and drawing each one cost more than the polling.
    static func isUrgent(_ newest: MonitorSnapshot, after drawn: MonitorSnapshot?) -> Bool {
        guard let drawn else { return true }
        return newest.count(of: .critical) > drawn.count(of: .critical) || newest.staleCount > drawn.staleCount
            || newest.diagnoses != drawn.diagnoses
            || newest.isPaused != drawn.isPaused || (newest.serverHold == nil) != (drawn.serverHold == nil)
    }

    init(app: TerminalApp, commands: @escaping @Sendable (MonitorCommand) -> Void, replay: @escaping @Sendable (ReplayControl) -> Void,
         outputs: @escaping @Sendable () -> OutputFileStatus) {
        self.app = app
        self.commands = commands
        self.replay = replay
        self.outputs = outputs
        view = DashboardView(demoURL: app.configuration.demoURL)
        state = DashboardState(sort: app.configuration.initialSort, filter: app.configuration.initialFilter)
        state.eventsPath = app.configuration.eventsPath
        state.isWall = app.configuration.startsInWallMode
        state.wallRotateSeconds = app.configuration.wallRotateSeconds
        state.viewMode = app.configuration.viewMode
        glyphs = app.configuration.glyphs
        var themes = app.configuration.themes
        if !themes.contains(app.configuration.theme) { themes.insert(app.configuration.theme, at: 0) }
        self.themes = themes
        state.themeNames = themes.map(\.name)
        state.themeIndex = themes.firstIndex(of: app.configuration.theme) ?? 0
    }

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let terminalType = ProcessInfo.processInfo.environment["TERM"]
        guard let terminalType, !terminalType.isEmpty else { throw TerminalError.terminalTypeUnset }
        setlocale(LC_ALL, "")
        // Without a UTF-8 locale ncursesw prints box drawing and blocks as raw bytes: fall
        // back to ASCII glyphs rather than draw garbage.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { glyphs = .ascii }

        // Our handlers go in before newterm, which then leaves SIGINT/SIGTERM alone instead
        // of installing its own exit-on-signal handlers.
        let previousSignals = SignalRelay.install(wakeFD: app.wakePipe.writeFD)
        defer { SignalRelay.restore(previousSignals) }
        CrashGuard.installOnce()

        let redirect = try StderrRedirect(path: app.configuration.logPath)
        defer { redirect.restore() }

        let session = try NcursesSession(terminalType: terminalType, outputFD: 1, inputFD: 0)
        CrashGuard.setScreenActive(true)
        defer {
            CrashGuard.setScreenActive(false)
            session.close()
        }
        session.configureForDashboard(escapeDelay: app.configuration.escapeDelayMilliseconds)
        let renderer = NcursesRenderer(window: session.window, theme: app.configuration.theme, colours: app.configuration.usesColour)
        loop(session: session, renderer: renderer)
    }

    private func loop(session: NcursesSession, renderer: NcursesRenderer) {
        let clock = ClockFormatter(zone: app.configuration.clockZone)
        let timeout = Int32(max(10, min(1000, app.configuration.frameTimeout.inSeconds * 1000)))
        var needsDraw = true
        var snapshotWaiting = false
        var urgentWaiting = false
        var drawnSnapshot: MonitorSnapshot?
        var commandSentAt = -TimeInterval.infinity
        var lastDrawAt = -TimeInterval.infinity
        var lastSecond = Int.min
        var size = session.size
        /// Least time since the last frame before a waiting snapshot is drawn.
        func snapshotSpacing(at now: TimeInterval) -> TimeInterval {
            Self.snapshotFrameSpacing(urgent: urgentWaiting, replay: snapshot?.replay != nil, sinceCommand: now - commandSentAt)
        }
        if app.configuration.startJournalAtLaunch {
            // `--events FILE`: record from the first frame, as if `w` had been pressed.
            commands(.startJournal(app.configuration.eventsPath))
        }
        while true {
            var fds = [
                pollfd(fd: session.inputFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: app.wakePipe.readFD, events: Int16(POLLIN), revents: 0),
            ]
            // Wake for the next whole second too, so the clock and ages tick on time.
            let now = Date().timeIntervalSince1970
            var wait = min(timeout, Int32(((now.rounded(.down) + 1 - now) * 1000).rounded(.up)))
            if snapshotWaiting {
                wait = min(wait, Int32(((lastDrawAt + snapshotSpacing(at: now) - now) * 1000).rounded(.up)))
            }
            _ = poll(&fds, nfds_t(fds.count), max(1, wait))
            app.wakePipe.drain()
            let signal = SignalRelay.received
            if signal != 0 { app.recordEndingSignal(signal) }
            if app.shouldQuit || signal != 0 { return }

            // Keys: ncurses buffers input itself, so read until it has nothing left.
            readKeys: while true {
                switch NcursesKeyDecoder.read(session.window) {
                case .none: break readKeys
                case .ignored: continue
                case .key(let key):
                    if key == .resize {
                        size = session.size
                        renderer.invalidate()
                    }
                    needsDraw = true
                    let actions = state.handle(key, snapshot: snapshot ?? MonitorSnapshot(), size: size)
                    if actions.contains(where: \.sendsCommand) { commandSentAt = Date().timeIntervalSince1970 }
                    if perform(actions, renderer: renderer) { return }
                }
            }

            if let newest = app.takeSnapshot(), newest.generation != snapshot?.generation || snapshot == nil {
                snapshot = newest
                snapshotWaiting = true
                if !urgentWaiting, newest.replay == nil { urgentWaiting = Self.isUrgent(newest, after: drawnSnapshot) }
                if app.configuration.bell, bell.shouldRing(for: newest) { beep() }
                _ = perform(state.reconcile(with: newest), renderer: renderer)
            }

            let files = outputs()
            if files != state.outputs {
                state.outputs = files
                needsDraw = true
            }

            let second = Int(Date().timeIntervalSince1970.rounded(.down))
            if second != lastSecond {
                lastSecond = second
                needsDraw = true
            }
            if state.tick(now: Date()) { needsDraw = true }
            let checkedAt = Date().timeIntervalSince1970
            if snapshotWaiting, checkedAt - lastDrawAt >= snapshotSpacing(at: checkedAt) {
                needsDraw = true
            }
            if needsDraw {
                let current = session.size
                if current != size {
                    size = current
                    renderer.invalidate()
                }
                // A replay's ages and clock run on the recorded time, not today's.
                let context = ViewContext(glyphs: glyphs, clock: clock, now: snapshot?.replay == nil ? Date() : snapshot?.takenAt ?? Date())
                renderer.draw(view.render(state: state, snapshot: snapshot, size: size, context: context))
                needsDraw = false
                snapshotWaiting = false
                urgentWaiting = false
                drawnSnapshot = snapshot
                lastDrawAt = Date().timeIntervalSince1970
            }
        }
    }

    /// Sends commands and changes the theme; returns true when the user asked to quit.
    private func perform(_ actions: [DashboardAction], renderer: NcursesRenderer) -> Bool {
        for action in actions {
            switch action {
            case .quit: return true
            case .command(let command): commands(command)
            case .replay(let control): replay(control)
            case .applyTheme(let index): if themes.indices.contains(index) { renderer.apply(themes[index]) }
            }
        }
        return false
    }
}
