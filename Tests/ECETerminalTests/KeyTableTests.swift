import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// The key tables are what `DashboardState.handle` does and what `?` shows: a key that does
/// something is listed where it does it, and a listed key does something there.
@Suite("Key tables")
struct KeyTableTests {
    static let size = ScreenSize(width: 80, height: 24)

    /// Every key a terminal can send: the named ones and every printable ASCII character.
    static let everyKey: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab, .interrupt]
        + (0x20...0x7E).map { .character(Character(UnicodeScalar(UInt8($0)))) }

    /// A place keys are pressed in, the tables that say what they do there, and a few states,
    /// so that every listed key has something to do in at least one of them.
    struct Place: CustomTestStringConvertible, Sendable {
        var name: String
        var tables: [KeyBinding.Table]
        var states: [DashboardState]
        var snapshot: MonitorSnapshot
        /// Typing a filter takes every printable character besides the listed keys.
        var typesCharacters = false
        /// Listed keys a replay ignores: it has nothing to poll or record.
        var ignored: Set<Key> = []
        var testDescription: String { name }
    }

    /// Twelve entry points (three pages of four at 80×24), a long chatAllowed body for the
    /// detail's scrolling, and a hundred events for the log's.
    static let snapshot: MonitorSnapshot = {
        var fleet = Fixtures.fleet(12)
        fleet[5].calls[.chatAllowed]?.lastBody = Array(String(repeating: "<line/>\n", count: 40).utf8)
        let events = (0..<100).map { index in
            MonitorEvent(time: Fixtures.now.addingTimeInterval(Double(index)), entryPoint: fleet[index % 12].id, kind: .statusChanged,
                         call: .chatAllowed, old: "allowed", new: "queue_depth_reached")
        }
        return Fixtures.snapshot(fleet, events: events)
    }()

    static func state(_ change: (inout DashboardState) -> Void) -> DashboardState {
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        state.selection = snapshot.entryPoints[5].id
        state.themeNames = ["default", "light"]
        change(&state)
        return state
    }

    static let places: [Place] = {
        let middle = snapshot.entryPoints[5].id
        var replaying = snapshot
        replaying.replay = ReplayStatus(speed: 4, isPaused: false, isAtEnd: false, start: Fixtures.now, end: Fixtures.now.addingTimeInterval(600))
        return [
            Place(name: "grid", tables: [KeyBinding.everywhere, KeyBinding.grid],
                  states: [state { _ in }, state { $0.filter = "10" }], snapshot: snapshot),
            Place(name: "detail", tables: [KeyBinding.everywhere, KeyBinding.detail],
                  states: [state { $0.screen = .detail(middle); $0.bodyScroll = 5 },
                           state { $0.screen = .detail(middle); $0.historyWindow = .oneHour }], snapshot: snapshot),
            Place(name: "event log", tables: [KeyBinding.everywhere, KeyBinding.events],
                  states: [state { $0.screen = .events; $0.eventScroll = 10 }, state { $0.screen = .events; $0.eventFilter = "1003" }],
                  snapshot: snapshot),
            Place(name: "help", tables: [KeyBinding.help], states: [state { $0.showsHelp = true; $0.helpScroll = 3 }], snapshot: snapshot),
            Place(name: "filter", tables: [KeyBinding.filter], states: [state { $0.filterDraft = "10" }], snapshot: snapshot,
                  typesCharacters: true),
            Place(name: "event log filter", tables: [KeyBinding.filter], states: [state { $0.screen = .events; $0.filterDraft = "10" }],
                  snapshot: snapshot, typesCharacters: true),
            Place(name: "replay", tables: [KeyBinding.replay, KeyBinding.everywhere, KeyBinding.grid],
                  states: [state { _ in }, state { $0.filter = "10" }], snapshot: replaying,
                  ignored: [.character("w"), .character("r")]),
        ]
    }()

    /// True when the key changes the state or asks for something.
    static func isTaken(_ key: Key, in state: DashboardState, _ snapshot: MonitorSnapshot) -> Bool {
        var after = state
        let actions = after.handle(key, snapshot: snapshot, size: size)
        return !actions.isEmpty || after != state
    }

    @Test(arguments: places)
    func everyKeyTakenIsListedAndEveryListedKeyIsTaken(_ place: Place) {
        let listed = Set(place.tables.flatMap { $0.bindings.flatMap(\.intents.keys) })
        for key in Self.everyKey {
            let taken = place.states.contains { Self.isTaken(key, in: $0, place.snapshot) }
            var expected = listed.contains(key) && !place.ignored.contains(key)
            if place.typesCharacters, case .character = key { expected = true }
            #expect(taken == expected, "\(place.name): \(key) is \(taken ? "taken" : "ignored") but \(listed.contains(key) ? "listed" : "not listed")")
        }
    }

    /// The overlay prints the tables: every binding's keys and words, under its section.
    @Test func theHelpOverlayPrintsEveryTable() {
        let lines = HelpOverlayView.lines(glyphs: .unicode).map(\.0)
        for table in KeyBinding.tables {
            let heading = lines.firstIndex(of: table.section)
            #expect(heading != nil, "no section \(table.section)")
            guard let heading else { continue }
            let section = lines[(heading + 1)...].prefix { !$0.isEmpty }
            for binding in table.bindings {
                #expect(section.contains { $0.hasPrefix(binding.keys + " ") && $0.hasSuffix(binding.action) }, "\(table.section): \(binding.keys)")
            }
            #expect(section.count == table.bindings.count, "\(table.section)")
        }
    }

    /// Each table gives a key one meaning.
    @Test func noKeyIsListedTwiceInOneTable() {
        for table in KeyBinding.tables {
            let keys = table.bindings.flatMap(\.intents.keys)
            #expect(keys.count == Set(keys).count, "\(table.section)")
        }
    }
}
