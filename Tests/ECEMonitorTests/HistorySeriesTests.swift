@testable import ECEMonitor
import Foundation
import Testing

@Suite struct HistorySeriesTests {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test(arguments: [1, 5, 63, 64, 65, 130, 200])
    func keepsExactlyTheNewestCapacitySamplesInOrder(capacity: Int) {
        var series = HistorySeries(capacity: capacity)
        for step in 0..<(capacity * 3 + 7) {
            series.append(Double(step), at: start.addingTimeInterval(Double(step) * 2))
            let expected = Array(max(0, step + 1 - capacity)...step).map(Double.init)
            guard series.map(\.value) == expected else {
                Issue.record("after \(step + 1) appends: \(series.map(\.value)) ≠ \(expected)")
                return
            }
        }
        #expect(series.count == capacity)
        #expect(series.last?.time == start.addingTimeInterval(Double(capacity * 3 + 6) * 2))
    }

    @Test func aCopyTakenEarlierNeverChanges() {
        var series = HistorySeries(capacity: 100)
        for step in 0..<150 { series.append(Double(step), at: start.addingTimeInterval(Double(step))) }
        let published = series
        let before = published.map(\.value)
        for step in 150..<400 { series.append(Double(step), at: start.addingTimeInterval(Double(step))) }
        #expect(published.map(\.value) == before)
        #expect(series.map(\.value) == (300..<400).map(Double.init))
    }
}
