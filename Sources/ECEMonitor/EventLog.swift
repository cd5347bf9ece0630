/// The newest events, at most `capacity` of them, oldest first.
///
/// Every publication carries the log, and with many entry points nearly every publication has
/// new events: the events sit in chunks that copies share, so appending after a copy copies
/// one chunk and the list of chunks, never the whole log.
public struct EventLog: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    static let chunkSize = 64
    public let capacity: Int
    /// Full but for the last; the first may begin with dropped events.
    private var chunks: [[MonitorEvent]] = []
    /// Events of the first chunk that fell out of the log.
    private var dropped = 0
    private var length = 0

    public init(capacity: Int) {
        self.capacity = Swift.max(0, capacity)
    }

    /// The newest `capacity` of `events` (all of them when nil).
    public init(_ events: some Collection<MonitorEvent>, capacity: Int? = nil) {
        self.init(capacity: capacity ?? events.count)
        for event in events.suffix(self.capacity) { append(event) }
    }

    public init(arrayLiteral events: MonitorEvent...) {
        self.init(events)
    }

    public mutating func append(_ event: MonitorEvent) {
        guard capacity > 0 else { return }
        if chunks.last.map({ $0.count == Self.chunkSize }) ?? true {
            var chunk: [MonitorEvent] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(event)
        length += 1
        if length > capacity {
            length -= 1
            dropped += 1
            if dropped == Self.chunkSize {
                chunks.removeFirst()
                dropped = 0
            }
        }
    }

    public mutating func append(contentsOf events: some Sequence<MonitorEvent>) {
        for event in events { append(event) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { length }

    public subscript(position: Int) -> MonitorEvent {
        precondition(position >= 0 && position < length, "event index out of range")
        let index = position + dropped
        return chunks[index / Self.chunkSize][index % Self.chunkSize]
    }
}
