import ECEChat
import ECEMonitor

/// Everything the UI remembers between frames; `handle` turns keys into new state and actions
/// without touching a terminal, so every key is unit-testable.
public struct DashboardState: Sendable, Hashable {
    public enum Screen: Sendable, Hashable {
        case grid
        case detail(EntryPointID)
        case events
    }

    public var screen: Screen = .grid
    /// The `?` overlay, over whichever screen is showing.
    public var showsHelp = false
    /// Lines scrolled in the help overlay, for short terminals.
    public var helpScroll = 0
    /// Kept by ID, so that re-sorting or a new snapshot does not move the selection.
    public var selection: EntryPointID?
    public var sort: SortOrder = .id
    /// The applied filter.
    public var filter = ""
    /// The text being typed after `/`; nil when not editing.
    public var filterDraft: String?
    /// The call whose last response body the detail screen shows.
    public var detailCall: ChatAPICall = .chatAllowed
    /// Lines scrolled down in the event log.
    public var eventScroll = 0
    /// The event log's applied filter; `filterDraft` edits it while the log shows.
    public var eventFilter = ""
    /// How far back the detail screen's charts reach.
    public var historyWindow: HistoryWindow = .fifteenMinutes
    /// Lines of the detail screen's raw body scrolled past.
    public var bodyScroll = 0
    /// Where `w` appends events (`--events FILE`, or the default in the current directory).
    public var eventsPath = TerminalConfiguration.defaultEventsPath
    /// Wall mode (`--wall`, `W`): the grid screen shows big digits on pages that turn by
    /// themselves; detail and event log still show as usual.
    public var isWall = false
    /// Seconds each wall page shows (`--rotate`).
    public var wallRotateSeconds = 10
    /// The names of the themes `t` cycles through, and which one shows.
    public var themeNames: [String] = ["default"]
    public var themeIndex = 0
    /// A short message the footer shows for a moment (`theme: light`); the UI loop clears it.
    public var notice: String?

    /// Body lines PgUp and PgDn move in the detail screen.
    public static let bodyPage = 10

    /// Polling intervals `+` and `-` step through.
    public static let intervalSteps: [Duration] = [1, 2, 3, 5, 10, 15, 30, 60, 120, 300].map { .seconds($0) }

    public init(sort: SortOrder = .id, filter: String = "") {
        self.sort = sort
        self.filter = filter
    }

    /// The entry points the grid shows, filtered and sorted (within their groups, if any).
    public func visibleEntryPoints(_ snapshot: MonitorSnapshot) -> [EntryPointSnapshot] {
        let filter = EntryPointFilter(filter)
        return EntryPointGroups.arranged(sort.sorted(snapshot.entryPoints.filter(filter.matches)), listed: snapshot.entryPoints)
    }

    /// The grid's geometry for this snapshot on a screen of `size`.
    public func gridLayout(_ snapshot: MonitorSnapshot, size: ScreenSize) -> GridLayout {
        let areas = ScreenAreas(size: size, diagnoses: snapshot.diagnoses.count)
        return GridLayout(area: areas.body, entryPoints: visibleEntryPoints(snapshot))
    }

    /// The page the selection is on (pages follow the selection).
    public func page(_ snapshot: MonitorSnapshot, size: ScreenSize) -> Int {
        let visible = visibleEntryPoints(snapshot)
        guard let selection, let index = visible.firstIndex(where: { $0.id == selection }) else { return 0 }
        return gridLayout(snapshot, size: size).page(ofIndex: index)
    }

    /// Keeps the state valid for a new snapshot: a selection that is filtered out or gone
    /// moves to the first visible entry point; a detail screen of a removed one closes.
    public mutating func reconcile(with snapshot: MonitorSnapshot) -> [DashboardAction] {
        if case .detail(let id) = screen, !snapshot.entryPoints.contains(where: { $0.id == id }) {
            screen = .grid
        }
        let visible = visibleEntryPoints(snapshot)
        if let selection, visible.contains(where: { $0.id == selection }) { return [] }
        if case .detail = screen { return [] }
        let old = selection
        selection = visible.first?.id
        return selection == old ? [] : send(.select(selection), snapshot)
    }

    /// Applies one key; returns what the app must do beyond redrawing.
    public mutating func handle(_ key: Key, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        if key == .interrupt { return [.quit] }
        if key == .resize { return [] }
        if filterDraft != nil { return handleFilterEditing(key, snapshot: snapshot) }
        if showsHelp {
            let room = HelpOverlayView.visibleLines(area: ScreenAreas(size: size, diagnoses: snapshot.diagnoses.count).body)
            let maximum = max(0, HelpOverlayView.lines(glyphs: .unicode).count - room)
            switch key {
            case .escape, .backspace, .enter, .character("?"): showsHelp = false
            case .character("q"): return [.quit]
            case .up, .character("k"): helpScroll -= 1
            case .down, .character("j"): helpScroll += 1
            case .pageUp: helpScroll -= max(1, room)
            case .pageDown: helpScroll += max(1, room)
            default: break
            }
            helpScroll = min(max(0, helpScroll), maximum)
            return []
        }
        if let actions = handleGlobal(key, snapshot: snapshot) { return actions }
        switch screen {
        case .grid: return handleGrid(key, snapshot: snapshot, size: size)
        case .detail(let id): return handleDetail(key, id: id, snapshot: snapshot)
        case .events: return handleEvents(key, snapshot: snapshot, size: size)
        }
    }

    /// Keys that do the same on every screen; nil when the key is not one of them.
    private mutating func handleGlobal(_ key: Key, snapshot: MonitorSnapshot) -> [DashboardAction]? {
        if snapshot.replay != nil, let control = Self.replayControl(key) { return [.replay(control)] }
        switch key {
        case .character("q"): return [.quit]
        case .character("?"):
            showsHelp = true
            helpScroll = 0
            return []
        case .character("p"), .character(" "): return send(.togglePause, snapshot)
        case .character("+"):
            let next = Self.intervalSteps.first { $0 > snapshot.askedInterval }
            return next.map { send(.setInterval($0), snapshot) } ?? []
        case .character("-"):
            let next = Self.intervalSteps.last { $0 < snapshot.askedInterval }
            return next.map { send(.setInterval($0), snapshot) } ?? []
        case .character("w"):
            // The snapshot says whether the monitor is recording: toggle from what it says.
            return send(snapshot.journalPath == nil ? .startJournal(eventsPath) : .stopJournal, snapshot)
        case .character("t"):
            themeIndex = themeNames.isEmpty ? 0 : (themeIndex + 1) % themeNames.count
            notice = "theme: " + (themeNames.isEmpty ? "default" : themeNames[themeIndex])
            return []
        case .character("W"):
            isWall.toggle()
            // Turning it on shows the wall at once, from whichever screen.
            if isWall { screen = .grid }
            return []
        case .character("e"):
            if screen == .events {
                screen = .grid
            } else {
                screen = .events
                eventScroll = 0
            }
            return []
        default: return nil
        }
    }

    /// Seeks `.` and `,` move a replay by this much, `>` and `<` by `replayLongSeek`.
    public static let replayShortSeek: Duration = .seconds(10)
    public static let replayLongSeek: Duration = .seconds(60)

    /// What a key does to a replay: `+ -` change its speed instead of the polling interval.
    private static func replayControl(_ key: Key) -> ReplayControl? {
        switch key {
        case .character("+"): .faster
        case .character("-"): .slower
        case .character("."): .seek(replayShortSeek)
        case .character(","): .seek(.zero - replayShortSeek)
        case .character(">"): .seek(replayLongSeek)
        case .character("<"): .seek(.zero - replayLongSeek)
        default: nil
        }
    }

    /// A command for whatever makes the snapshots: the live monitor, or a replay, which takes
    /// only what it can do to a recording (pause, acknowledge) and has nothing to poll or write.
    private func send(_ command: MonitorCommand, _ snapshot: MonitorSnapshot) -> [DashboardAction] {
        guard snapshot.replay != nil else { return [.command(command)] }
        switch command {
        case .pause: return [.replay(.pause)]
        case .resume: return [.replay(.resume)]
        case .togglePause: return [.replay(.togglePause)]
        case .acknowledge(let id): return [.replay(.acknowledge(id))]
        case .refresh, .setInterval, .add, .remove, .select, .startJournal, .stopJournal: return []
        }
    }

    private mutating func handleGrid(_ key: Key, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        let visible = visibleEntryPoints(snapshot)
        let layout = GridLayout(area: ScreenAreas(size: size, diagnoses: snapshot.diagnoses.count).body, entryPoints: visible)
        let index = selection.flatMap { id in visible.firstIndex { $0.id == id } } ?? 0
        var target: Int?
        switch key {
        case .left, .character("h"): target = index - 1
        case .right, .character("l"): target = index + 1
        case .up, .character("k"): target = layout.index(above: index)
        case .down, .character("j"): target = layout.index(below: index)
        case .home, .character("g"): target = 0
        case .end, .character("G"): target = visible.count - 1
        case .pageDown: target = layout.index(from: index, pageStep: 1)
        case .pageUp: target = layout.index(from: index, pageStep: -1)
        case .enter:
            if let selection {
                screen = .detail(selection)
                bodyScroll = 0
            }
            return []
        case .character("r"): return send(.refresh(nil), snapshot)
        case .character("a"): return selection.map { send(.acknowledge($0), snapshot) } ?? []
        case .character("A"): return send(.acknowledge(nil), snapshot)
        case .character("s"):
            sort = sort.next
            return []
        case .character("/"):
            filterDraft = filter
            return []
        case .escape, .backspace:
            if !filter.isEmpty {
                filter = ""
                return reconcile(with: snapshot)
            }
            return []
        default: return []
        }
        guard let target, target >= 0, target < visible.count, visible[target].id != selection else { return [] }
        selection = visible[target].id
        return send(.select(selection), snapshot)
    }

    private mutating func handleDetail(_ key: Key, id: EntryPointID, snapshot: MonitorSnapshot) -> [DashboardAction] {
        switch key {
        case .escape, .backspace:
            screen = .grid
            return []
        case .left, .right, .character("["), .character("]"), .character("h"), .character("l"):
            let visible = visibleEntryPoints(snapshot)
            guard !visible.isEmpty else { return [] }
            let step = (key == .left || key == .character("[") || key == .character("h")) ? -1 : 1
            let index = visible.firstIndex { $0.id == id } ?? 0
            let next = visible[(index + step + visible.count) % visible.count].id
            guard next != id else { return [] }
            screen = .detail(next)
            selection = next
            bodyScroll = 0
            return send(.select(next), snapshot)
        case .up, .down, .character("k"), .character("j"):
            let calls = ChatAPICall.allCases
            let step = (key == .up || key == .character("k")) ? -1 : 1
            let index = calls.firstIndex(of: detailCall) ?? 0
            detailCall = calls[(index + step + calls.count) % calls.count]
            bodyScroll = 0
            return []
        case .pageUp, .pageDown, .home, .end:
            let lines = snapshot.entryPoints.first { $0.id == id }.map { TextEscaping.bodyLines($0.state(detailCall).lastBody).count } ?? 0
            switch key {
            case .pageUp: bodyScroll -= Self.bodyPage
            case .pageDown: bodyScroll += Self.bodyPage
            case .home: bodyScroll = 0
            default: bodyScroll = lines
            }
            // The view shows a full last page however far this goes; keep it within the body.
            bodyScroll = min(max(0, bodyScroll), max(0, lines - 1))
            return []
        case .character("c"):
            historyWindow = historyWindow.next
            return []
        case .character("1"), .character("2"), .character("3"):
            let windows = HistoryWindow.allCases
            if case .character(let digit) = key, let number = digit.wholeNumberValue { historyWindow = windows[number - 1] }
            return []
        case .character("r"): return send(.refresh(id), snapshot)
        case .character("a"): return send(.acknowledge(id), snapshot)
        default: return []
        }
    }

    private mutating func handleEvents(_ key: Key, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        let pageLines = max(1, EventLogView.visibleLines(size: size, diagnoses: snapshot.diagnoses.count))
        let maximum = max(0, EventLogView.matching(snapshot.events, filter: eventFilter).count - pageLines)
        switch key {
        case .escape, .backspace:
            // Like the grid: the first Esc clears a filter, the next goes back.
            if eventFilter.isEmpty { screen = .grid } else { eventFilter = "" }
            eventScroll = 0
        case .character("/"):
            filterDraft = eventFilter
            return []
        case .up, .character("k"): eventScroll -= 1
        case .down, .character("j"): eventScroll += 1
        case .pageUp: eventScroll -= pageLines
        case .pageDown: eventScroll += pageLines
        case .home, .character("g"): eventScroll = 0
        case .end, .character("G"): eventScroll = maximum
        default: break
        }
        eventScroll = min(max(0, eventScroll), maximum)
        return []
    }

    private mutating func handleFilterEditing(_ key: Key, snapshot: MonitorSnapshot) -> [DashboardAction] {
        if screen == .events {
            // The event log's own filter: it narrows the log, never the grid.
            switch key {
            case .enter:
                eventFilter = filterDraft ?? ""
                filterDraft = nil
                eventScroll = 0
                return []
            case .escape:
                eventFilter = ""
                filterDraft = nil
                eventScroll = 0
                return []
            default: break
            }
        }
        switch key {
        case .enter:
            filter = filterDraft ?? ""
            filterDraft = nil
            return reconcile(with: snapshot)
        case .escape:
            filter = ""
            filterDraft = nil
            return reconcile(with: snapshot)
        case .backspace:
            if filterDraft?.isEmpty == false { filterDraft?.removeLast() }
        case .character(let character):
            if !character.isNewline, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                filterDraft?.append(character)
            }
        default: break
        }
        return []
    }
}
