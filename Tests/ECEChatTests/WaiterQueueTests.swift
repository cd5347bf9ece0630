@testable import ECEChat
import Testing

/// The client's queue of requests waiting for a slot: oldest first, any one removable.
@Suite struct WaiterQueueTests {
    @Test func oldestFirstAndRemovedWaitersAreSkipped() {
        var queue = WaiterQueue<String>()
        for (ticket, name) in ["a", "b", "c", "d"].enumerated() { queue.append(name, ticket: UInt64(ticket)) }
        #expect(queue.remove(1) == "b")
        #expect(queue.remove(1) == nil, "a waiter is taken out once")
        #expect(queue.count == 3)
        #expect(queue.popFirst() == "a")
        #expect(queue.remove(3) == "d")
        #expect(queue.popFirst() == "c")
        #expect(queue.popFirst() == nil)
        #expect(queue.isEmpty)
    }

    /// 50,000 waiters, every second one cancelled, the rest served in order: the order holds
    /// through the compactions of the ticket list.
    @Test func manyWaitersKeepTheirOrderThroughCompaction() {
        var queue = WaiterQueue<Int>()
        for ticket in 0..<50_000 { queue.append(ticket, ticket: UInt64(ticket)) }
        let cancelled = Array(stride(from: 1, to: 50_000, by: 2))
        #expect(cancelled.map { queue.remove(UInt64($0)) } == cancelled.map { Optional($0) })
        var served: [Int] = []
        for _ in 0..<10_000 { served.append(queue.popFirst()!) }
        for ticket in 50_000..<50_010 { queue.append(ticket, ticket: UInt64(ticket)) }
        while let next = queue.popFirst() { served.append(next) }
        #expect(served == Array(stride(from: 0, to: 50_000, by: 2)) + Array(50_000..<50_010))
    }
}
