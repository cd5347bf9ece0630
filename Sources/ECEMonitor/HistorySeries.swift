import Foundation

/// One bounded series of readings, newest kept, stored as 8-byte samples.
///
/// An hour at a 2 s interval is 1,800 samples per series, three series per entry point; as
/// a `Date` and a `Double` each sample took 16 bytes. A `Float` offset from the series' first
/// reading (a quarter-second resolution only after a month) and a `Float` value need half.
public struct HistorySeries: Sendable, RandomAccessCollection {
    private struct PackedSample: Sendable {
        var offset: Float
        var value: Float
    }

    private var origin = Date(timeIntervalSince1970: 0)
    private var buffer: RingBuffer<PackedSample>

    public init(capacity: Int) {
        buffer = RingBuffer(capacity: capacity)
    }

    public var capacity: Int { buffer.capacity }

    public mutating func append(_ value: Double, at time: Date) {
        if buffer.isEmpty { origin = time }
        buffer.append(PackedSample(offset: Float(time.timeIntervalSince(origin)), value: Float(value)))
    }

    public var startIndex: Int { buffer.startIndex }
    public var endIndex: Int { buffer.endIndex }

    public subscript(position: Int) -> EntryPointHistory.Sample {
        let packed = buffer[position]
        return EntryPointHistory.Sample(time: origin.addingTimeInterval(Double(packed.offset)), value: Double(packed.value))
    }
}
