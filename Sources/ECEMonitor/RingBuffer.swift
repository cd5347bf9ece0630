/// A fixed-capacity buffer that keeps the newest elements, oldest first when read.
public struct RingBuffer<Element: Sendable>: Sendable, RandomAccessCollection {
    public let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a ring buffer needs room for one element")
        self.capacity = capacity
        storage.reserveCapacity(Swift.min(capacity, 1024))
    }

    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> Element {
        storage[(head + position) % storage.count]
    }
}
