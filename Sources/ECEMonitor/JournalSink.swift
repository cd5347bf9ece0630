import Foundation
import NIOConcurrencyHelpers

/// The event journal as a sink: keeps the newest events, and while started appends every
/// event to an `EventJournal` file, beginning with those it kept so a report is complete.
public final class JournalSink: MonitorSink {
    private struct State: Sendable {
        var known: RingBuffer<MonitorEvent>
        var journal: EventJournal?
        var error: String?
    }

    private let state: NIOLockedValueBox<State>

    /// - Parameter capacity: events kept for the start of a journal (the monitor's event log size).
    public init(capacity: Int) {
        state = NIOLockedValueBox(State(known: RingBuffer(capacity: max(1, capacity))))
    }

    /// Opens `path` (appending) and writes the events kept so far; on failure `report` says why.
    public func start(path: String) {
        state.withLockedValue { state in
            do {
                let journal = try EventJournal(path: path)
                state.journal = journal
                state.error = nil
                Self.write(Array(state.known), into: &state)
            } catch {
                state.journal = nil
                state.error = "\(error)"
            }
        }
    }

    public func stop() {
        state.withLockedValue { $0.journal = nil }
    }

    public func monitorLogged(_ events: [MonitorEvent]) {
        state.withLockedValue { state in
            for event in events { state.known.append(event) }
            Self.write(events, into: &state)
        }
    }

    public func report(into status: inout OutputFileStatus) {
        state.withLockedValue { state in
            status.journalPath = state.journal?.path
            status.journalError = state.error
        }
    }

    private static func write(_ events: [MonitorEvent], into state: inout State) {
        guard let journal = state.journal, !events.isEmpty else { return }
        do {
            try journal.append(events)
        } catch {
            // Recording stops and the header says why; the dashboard carries on.
            state.journal = nil
            state.error = "\(error)"
        }
    }
}
