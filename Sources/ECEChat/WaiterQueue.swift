/// Requests waiting for an in-flight slot, oldest first, each removable by its ticket.
///
/// Every operation is O(1) (amortised): `check` of 10,000 entry points parks 50,000 requests
/// here and cancels all of them at its deadline, and an array searched per cancellation made
/// that quadratic.
struct WaiterQueue<Element> {
    private var waiting: [UInt64: Element] = [:]
    /// Tickets in arrival order; those of removed waiters are skipped when reached.
    private var order: [UInt64] = []
    private var head = 0

    var isEmpty: Bool { waiting.isEmpty }
    var count: Int { waiting.count }

    /// Adds `element` at the back under `ticket` (unique, chosen by the caller so that a
    /// cancellation handler can know it before the waiter is parked).
    mutating func append(_ element: Element, ticket: UInt64) {
        waiting[ticket] = element
        order.append(ticket)
    }

    /// Takes the oldest waiter out, if any.
    mutating func popFirst() -> Element? {
        while head < order.count {
            let ticket = order[head]
            head += 1
            if let element = waiting.removeValue(forKey: ticket) {
                compactIfWasteful()
                return element
            }
        }
        compactIfWasteful()
        return nil
    }

    /// Takes out the waiter holding `ticket`; nil when it was taken already.
    mutating func remove(_ ticket: UInt64) -> Element? {
        let element = waiting.removeValue(forKey: ticket)
        if waiting.isEmpty {
            order.removeAll(keepingCapacity: true)
            head = 0
        }
        return element
    }

    /// Drops the consumed front of `order` once it is most of the array.
    private mutating func compactIfWasteful() {
        if head == order.count {
            order.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
