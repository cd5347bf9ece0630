@testable import ECEMonitor
import Foundation
import Testing

@Suite struct HistoryTableTests {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test(arguments: [1, 5, 63, 64, 65, 130, 200])
    func keepsExactlyTheNewestCapacityRowsInOrder(capacity: Int) {
        var table = HistoryTable(capacity: capacity, columns: 1)
        for step in 0..<(capacity * 3 + 7) {
            table.append(Double(step), at: start.addingTimeInterval(Double(step) * 2))
            let expected = Array(max(0, step + 1 - capacity)...step).map(Double.init)
            guard table.series(0).map(\.value) == expected else {
                Issue.record("after \(step + 1) appends: \(table.series(0).map(\.value)) ≠ \(expected)")
                return
            }
        }
        #expect(table.count == capacity)
        #expect(table.series(0).last?.time == start.addingTimeInterval(Double(capacity * 3 + 6) * 2))
    }

    @Test(arguments: [1, 64, 65, 150])
    func twoColumnsShareEachRowsTime(capacity: Int) {
        var table = HistoryTable(capacity: capacity, columns: 2)
        for step in 0..<(capacity * 2 + 3) {
            table.append(Double(step), Double(step) * 0.5 + 1000, at: start.addingTimeInterval(Double(step) * 2))
        }
        let first = table.series(0)
        let second = table.series(1)
        let steps = (capacity + 3)..<(capacity * 2 + 3)
        #expect(first.map(\.value) == steps.map(Double.init))
        #expect(second.map(\.value) == steps.map { Double($0) * 0.5 + 1000 })
        #expect(first.map(\.time) == second.map(\.time))
        #expect(first.map(\.time) == steps.map { start.addingTimeInterval(Double($0) * 2) })
    }

    @Test func aCopyTakenEarlierNeverChanges() {
        var table = HistoryTable(capacity: 100, columns: 2)
        for step in 0..<150 { table.append(Double(step), -Double(step), at: start.addingTimeInterval(Double(step))) }
        let published = table.series(1)
        let before = published.map(\.value)
        for step in 150..<400 { table.append(Double(step), -Double(step), at: start.addingTimeInterval(Double(step))) }
        #expect(published.map(\.value) == before)
        #expect(table.series(1).map(\.value) == (300..<400).map { -Double($0) })
    }

    @Test func entryPointHistoryKeepsEachSeriesApart() {
        var history = EntryPointHistory(capacity: 10)
        history.recordSessionStatus(queueDepth: 3, waitTimeSeconds: 42.5, at: start)
        history.recordFreeSlots(7, at: start.addingTimeInterval(1))
        history.recordSessionStatus(queueDepth: 4, waitTimeSeconds: 50, at: start.addingTimeInterval(2))
        #expect(history.queueDepth.map(\.value) == [3, 4])
        #expect(history.waitTimeSeconds.map(\.value) == [42.5, 50])
        #expect(history.freeSlots.map(\.value) == [7])
        #expect(history.freeSlots.first?.time == start.addingTimeInterval(1))
        #expect(history.waitTimeSeconds.last?.time == start.addingTimeInterval(2))
    }
}
