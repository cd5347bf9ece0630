import ECEChat
import ECEMonitor
import Foundation

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
    public var historyWindow: HistoryWindow = .standard
    /// The window of the availability figures (the table's column, its groups, the detail's
    /// breakdown): the last hour, a service level's usual span, until `c`, `1`, `2` or `3`
    /// choose a window for the charts, which then holds for both.
    public var availabilityWindow: HistoryWindow = .oneHour
    /// Lines of the detail screen's raw body scrolled past.
    public var bodyScroll = 0
    /// Where `w` appends events (`--events FILE`, or the default in the current directory).
    public var eventsPath = TerminalConfiguration.defaultEventsPath
    /// How the event journal and the recording fare, as their sinks last said.
    public var outputs = OutputFileStatus()
    /// Grid, table, or whichever suits the number of entry points (`--view`, `v`); the
    /// dashboard starts with `TerminalConfiguration.viewMode` (`auto` unless told).
    public var viewMode: DashboardViewMode = .grid
    /// Wall mode (`--wall`, `W`): the grid screen shows big digits on pages that turn by
    /// themselves; detail and event log still show as usual.
    public var isWall = false
    /// Seconds each wall page shows (`--rotate`).
    public var wallRotateSeconds = 10
    /// The names of the themes `t` cycles through, and which one shows.
    public var themeNames: [String] = ["default"]
    public var themeIndex = 0
    /// A short message the footer shows for `noticeDuration` (`theme: light`).
    public var notice: String?
    /// When `notice` first showed; nil until the next `tick`.
    public var noticeShownAt: Date?
    public static let noticeDuration: TimeInterval = 2

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
        let matching = filter.matchesAll ? snapshot.entryPoints : snapshot.entryPoints.filter(filter.matches)
        return EntryPointGroups.arranged(sort.sorted(matching), listed: snapshot.entryPoints)
    }

    /// The parts of the screen showing now: the grid and the table have a totals line.
    public func areas(_ snapshot: MonitorSnapshot, size: ScreenSize) -> ScreenAreas {
        ScreenAreas(size: size, diagnoses: snapshot.diagnoses.count, totalsLine: screen == .grid)
    }

    /// The grid or table as the view draws it and the keys move in it: the entry points
    /// showing, their layout on a screen of `size`, and the page the selection is on (pages
    /// follow it).
    public func gridPage(_ snapshot: MonitorSnapshot, size: ScreenSize) -> GridPage {
        let visible = visibleEntryPoints(snapshot)
        let body = areas(snapshot, size: size).body
        let layout = GridLayout(area: body, entryPoints: visible)
        let table = showsTable(snapshot, size: size, visible: visible) ? TableLayout(area: body, entryPoints: visible) : nil
        let selectedIndex = selection.flatMap { id in visible.firstIndex { $0.id == id } }
        let page = table?.page(ofIndex: selectedIndex ?? 0) ?? layout.page(ofIndex: selectedIndex ?? 0)
        return GridPage(visible: visible, layout: layout, table: table, selectedIndex: selectedIndex, page: page)
    }

    /// Whether the main screen lists entry points as a table: chosen, or (`auto`) because the
    /// panels of all entry points, filtered or not, would not fit on one page.
    public func showsTable(_ snapshot: MonitorSnapshot, size: ScreenSize) -> Bool {
        showsTable(snapshot, size: size, visible: nil)
    }

    /// `visible`, when given, is `visibleEntryPoints(snapshot)`: unfiltered, it holds the same
    /// groups as all of them (the order differs, the pages do not), so it is not arranged again.
    private func showsTable(_ snapshot: MonitorSnapshot, size: ScreenSize, visible: [EntryPointSnapshot]?) -> Bool {
        switch viewMode {
        case .grid: return false
        case .table: return true
        case .auto:
            let all: [EntryPointSnapshot]
            if let visible, EntryPointFilter(filter).matchesAll {
                all = visible
            } else {
                all = EntryPointGroups.arranged(snapshot.entryPoints, listed: snapshot.entryPoints)
            }
            return GridLayout(area: ScreenAreas(size: size, diagnoses: snapshot.diagnoses.count, totalsLine: true).body,
                              entryPoints: all).pageCount > 1
        }
    }

    /// The grid's geometry for this snapshot on a screen of `size`.
    public func gridLayout(_ snapshot: MonitorSnapshot, size: ScreenSize) -> GridLayout {
        gridPage(snapshot, size: size).layout
    }

    /// The page the selection is on.
    public func page(_ snapshot: MonitorSnapshot, size: ScreenSize) -> Int {
        gridPage(snapshot, size: size).page
    }

    /// Keeps the state valid for a new snapshot: a selection that is filtered out or gone
    /// moves to the first visible entry point; a detail screen of a removed one closes.
    public mutating func reconcile(with snapshot: MonitorSnapshot) -> [DashboardAction] {
        if case .detail(let id) = screen, !snapshot.entryPoints.contains(where: { $0.id == id }) {
            screen = .grid
        }
        // Whether the selection still shows needs no sorting: a snapshot of 10,000 entry points
        // comes several times a second, and the order is only needed to choose a new one.
        let filter = EntryPointFilter(filter)
        if let selection, snapshot.entryPoints.contains(where: { $0.id == selection && filter.matches($0) }) { return [] }
        if case .detail = screen { return [] }
        let old = selection
        selection = visibleEntryPoints(snapshot).first?.id
        return selection == old ? [] : send(.select(selection), snapshot)
    }

    /// Applies one key; returns what the app must do beyond redrawing.
    public mutating func handle(_ key: Key, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        if key == .resize { return [] }
        if filterDraft != nil { return editFilter(key, snapshot: snapshot) }
        if showsHelp {
            return KeyBinding.help.intent(of: key).map { scrollHelp($0, snapshot: snapshot, size: size) } ?? []
        }
        if snapshot.replay != nil, let intent = KeyBinding.replay.intent(of: key) { return perform(intent, snapshot: snapshot, size: size) }
        if let intent = KeyBinding.everywhere.intent(of: key) { return perform(intent, snapshot: snapshot, size: size) }
        let table: KeyBinding.Table = switch screen {
        case .grid: KeyBinding.grid
        case .detail: KeyBinding.detail
        case .events: KeyBinding.events
        }
        return table.intent(of: key).map { perform($0, snapshot: snapshot, size: size) } ?? []
    }

    /// Lets time pass: a notice that has shown for `noticeDuration` goes. True when the screen changed.
    public mutating func tick(now: Date) -> Bool {
        guard notice != nil else { return false }
        guard let shownAt = noticeShownAt else {
            noticeShownAt = now
            return false
        }
        guard now.timeIntervalSince(shownAt) >= Self.noticeDuration else { return false }
        notice = nil
        noticeShownAt = nil
        return true
    }

    /// Seeks `.` and `,` move a replay by this much, `>` and `<` by `replayLongSeek`.
    public static let replayShortSeek: Duration = .seconds(10)
    public static let replayLongSeek: Duration = .seconds(60)

    /// What an intent does on the screen showing.
    private mutating func perform(_ intent: KeyIntent, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        switch intent {
        case .quit: return [.quit]
        case .help:
            showsHelp = true
            helpScroll = 0
            return []
        case .togglePause: return send(.togglePause, snapshot)
        case .pollLessOften:
            let next = Self.intervalSteps.first { $0 > snapshot.askedInterval }
            return next.map { send(.setInterval($0), snapshot) } ?? []
        case .pollMoreOften:
            let next = Self.intervalSteps.last { $0 < snapshot.askedInterval }
            return next.map { send(.setInterval($0), snapshot) } ?? []
        case .journal:
            // The journal's sink says whether it is writing: toggle from what it says.
            return send(outputs.journalPath == nil ? .startJournal(eventsPath) : .stopJournal, snapshot)
        case .nextTheme:
            themeIndex = themeNames.isEmpty ? 0 : (themeIndex + 1) % themeNames.count
            notice = "theme: " + (themeNames.isEmpty ? "default" : themeNames[themeIndex])
            noticeShownAt = nil
            return [.applyTheme(themeIndex)]
        case .wall:
            isWall.toggle()
            // Turning it on shows the wall at once, from whichever screen.
            if isWall { screen = .grid }
            return []
        case .eventLog:
            if screen == .events {
                screen = .grid
            } else {
                screen = .events
                eventScroll = 0
            }
            return []
        case .replay(let control): return [.replay(control)]
        default: break
        }
        switch screen {
        case .grid: return performOnGrid(intent, snapshot: snapshot, size: size)
        case .detail(let id): return performOnDetail(intent, id: id, snapshot: snapshot)
        case .events:
            scrollEvents(intent, snapshot: snapshot, size: size)
            return []
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

    private mutating func scrollHelp(_ intent: KeyIntent, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        let room = HelpOverlayView.visibleLines(area: areas(snapshot, size: size).body)
        let maximum = max(0, HelpOverlayView.lines(glyphs: .unicode).count - room)
        switch intent {
        case .quit: return [.quit]
        case .back: showsHelp = false
        case .move(.up): helpScroll -= 1
        case .move(.down): helpScroll += 1
        case .previousPage: helpScroll -= max(1, room)
        case .nextPage: helpScroll += max(1, room)
        default: break
        }
        helpScroll = min(max(0, helpScroll), maximum)
        return []
    }

    private mutating func performOnGrid(_ intent: KeyIntent, snapshot: MonitorSnapshot, size: ScreenSize) -> [DashboardAction] {
        let grid = gridPage(snapshot, size: size)
        let (visible, layout, index) = (grid.visible, grid.layout, grid.selectedIndex ?? 0)
        var target: Int?
        switch intent {
        case .move(.left): target = index - 1
        case .move(.right): target = index + 1
        case .move(.up): target = grid.table == nil ? layout.index(above: index) : index - 1
        case .move(.down): target = grid.table == nil ? layout.index(below: index) : index + 1
        case .first: target = 0
        case .last: target = visible.count - 1
        case .nextPage, .previousPage:
            let step = intent == .nextPage ? 1 : -1
            target = grid.table?.index(from: index, pageStep: step, count: visible.count) ?? layout.index(from: index, pageStep: step)
        case .toggleView:
            // The wall hides the grid or table; toggling under it would change nothing seen.
            if !isWall { viewMode = grid.table == nil ? .table : .grid }
            return []
        case .open:
            if let selection {
                screen = .detail(selection)
                bodyScroll = 0
            }
            return []
        case .refresh: return send(.refresh(nil), snapshot)
        case .acknowledge: return selection.map { send(.acknowledge($0), snapshot) } ?? []
        case .acknowledgeAll: return send(.acknowledge(nil), snapshot)
        case .nextSort:
            sort = sort.next
            return []
        case .editFilter:
            filterDraft = filter
            return []
        case .back:
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

    private mutating func performOnDetail(_ intent: KeyIntent, id: EntryPointID, snapshot: MonitorSnapshot) -> [DashboardAction] {
        switch intent {
        case .back:
            screen = .grid
            return []
        case .move(.left), .move(.right):
            let visible = visibleEntryPoints(snapshot)
            guard !visible.isEmpty else { return [] }
            let step = intent == .move(.left) ? -1 : 1
            let index = visible.firstIndex { $0.id == id } ?? 0
            let next = visible[(index + step + visible.count) % visible.count].id
            guard next != id else { return [] }
            screen = .detail(next)
            selection = next
            bodyScroll = 0
            return send(.select(next), snapshot)
        case .move(.up), .move(.down):
            let calls = ChatAPICall.allCases
            let step = intent == .move(.up) ? -1 : 1
            let index = calls.firstIndex(of: detailCall) ?? 0
            detailCall = calls[(index + step + calls.count) % calls.count]
            bodyScroll = 0
            return []
        case .previousPage, .nextPage, .first, .last:
            let lines = snapshot.entryPoints.first { $0.id == id }.map { TextEscaping.bodyLines($0.state(detailCall).lastBody).count } ?? 0
            switch intent {
            case .previousPage: bodyScroll -= Self.bodyPage
            case .nextPage: bodyScroll += Self.bodyPage
            case .first: bodyScroll = 0
            default: bodyScroll = lines
            }
            // The view shows a full last page however far this goes; keep it within the body.
            bodyScroll = min(max(0, bodyScroll), max(0, lines - 1))
            return []
        case .nextChartWindow:
            historyWindow = historyWindow.next
            availabilityWindow = historyWindow
            return []
        case .chartWindow(let window):
            historyWindow = window
            availabilityWindow = window
            return []
        case .refresh: return send(.refresh(id), snapshot)
        case .acknowledge: return send(.acknowledge(id), snapshot)
        default: return []
        }
    }

    private mutating func scrollEvents(_ intent: KeyIntent, snapshot: MonitorSnapshot, size: ScreenSize) {
        let pageLines = max(1, EventLogView.visibleLines(size: size, diagnoses: snapshot.diagnoses.count))
        let maximum = max(0, EventLogView.matching(snapshot.events, filter: eventFilter).count - pageLines)
        switch intent {
        case .back:
            // Like the grid: the first Esc clears a filter, the next goes back.
            if eventFilter.isEmpty { screen = .grid } else { eventFilter = "" }
            eventScroll = 0
        case .editFilter:
            filterDraft = eventFilter
            return
        case .move(.up): eventScroll -= 1
        case .move(.down): eventScroll += 1
        case .previousPage: eventScroll -= pageLines
        case .nextPage: eventScroll += pageLines
        case .first: eventScroll = 0
        case .last: eventScroll = maximum
        default: break
        }
        eventScroll = min(max(0, eventScroll), maximum)
    }

    /// Typing a filter: printable characters go into the draft; Enter applies it, Esc clears it.
    private mutating func editFilter(_ key: Key, snapshot: MonitorSnapshot) -> [DashboardAction] {
        guard let intent = KeyBinding.filter.intent(of: key) else {
            if case .character(let character) = key, !character.isNewline,
               character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                filterDraft?.append(character)
            }
            return []
        }
        if intent == .quit { return [.quit] }
        if screen == .events, intent != .deleteCharacter {
            // The event log's own filter: it narrows the log, never the grid.
            eventFilter = intent == .applyFilter ? filterDraft ?? "" : ""
            filterDraft = nil
            eventScroll = 0
            return []
        }
        switch intent {
        case .applyFilter:
            filter = filterDraft ?? ""
            filterDraft = nil
            return reconcile(with: snapshot)
        case .clearFilter:
            filter = ""
            filterDraft = nil
            return reconcile(with: snapshot)
        default:
            if filterDraft?.isEmpty == false { filterDraft?.removeLast() }
            return []
        }
    }
}
