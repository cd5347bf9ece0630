import ECEChat
@testable import ECEMonitor
import Foundation
import Testing

/// The chunked event log keeps exactly the newest `capacity` events, and a copy taken for a
/// publication never sees what is appended after it.
@Suite struct EventLogTests {
    static func event(_ number: Int) -> MonitorEvent {
        MonitorEvent(time: Date(timeIntervalSince1970: Double(number)), entryPoint: EntryPointID(1000)!, kind: .statusChanged,
                     call: nil, old: "", new: "\(number)")
    }

    @Test(arguments: [1, 5, 63, 64, 65, 200, 1000])
    func keepsTheNewestCapacityEventsOldestFirst(capacity: Int) {
        var log = EventLog(capacity: capacity)
        var expected: [String] = []
        var copies: [(EventLog, [String])] = []
        for number in 0..<(3 * capacity + 130) {
            log.append(Self.event(number))
            expected = Array((expected + ["\(number)"]).suffix(capacity))
            if number % 37 == 0 { copies.append((log, expected)) }
        }
        #expect(log.map(\.new) == expected)
        #expect(log.count == min(capacity, 3 * capacity + 130))
        #expect(log.last?.new == "\(3 * capacity + 129)")
        for (copy, seen) in copies { #expect(copy.map(\.new) == seen) }
    }

    @Test func aCollectionKeepsItsNewestAndNoCapacityKeepsNothing() {
        let events = (0..<10).map(Self.event)
        #expect(EventLog(events, capacity: 3).map(\.new) == ["7", "8", "9"])
        #expect(EventLog(events).count == 10)
        var none = EventLog(capacity: 0)
        none.append(Self.event(1))
        #expect(none.isEmpty)
    }
}
