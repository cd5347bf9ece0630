/// A binary min-heap of scheduled events, ordered by time and then by scheduling order, so
/// simultaneous events always run in the same order.
struct EventQueue: Sendable, Hashable {
    /// One thing that will happen at a simulated time.
    struct Event: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            /// A customer asks for a chat; `generation` drops arrivals made stale by a rate change.
            case arrival(entryPoint: Int, generation: Int)
            case chatEnd(agent: Int)
            case abandon(entryPoint: Int, chat: Int)
            case timeline(index: Int)
        }

        var time: Double
        var sequence: UInt64
        var kind: Kind

        func precedes(_ other: Event) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    private var heap: [Event] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var nextTime: Double? { heap.first?.time }

    mutating func schedule(_ kind: Event.Kind, at time: Double) {
        heap.append(Event(time: time, sequence: nextSequence, kind: kind))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() -> Event? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
