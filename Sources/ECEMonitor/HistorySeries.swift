import Foundation

/// One bounded series of readings, newest kept, stored as 8-byte samples in shared chunks.
///
/// An hour at a 2 s interval is 1,800 samples per series, three series per entry point; as
/// a `Date` and a `Double` each sample took 16 bytes. A `Float` offset from the series' first
/// reading (a quarter-second resolution only after a month) and a `Float` value need half.
///
/// Samples live in chunks of 64 that never change once full. Every published snapshot
/// shares the monitor's series, so the monitor's next append copies what it writes into:
/// with one flat array that was the whole hour, each poll, for every entry point (twice the
/// memory while the dashboard held a snapshot); with chunks it is the last, partial chunk.
public struct HistorySeries: Sendable, RandomAccessCollection {
    private struct PackedSample: Sendable {
        var offset: Float
        var value: Float
    }

    private static let chunkSize = 64

    public let capacity: Int
    private var origin = Date(timeIntervalSince1970: 0)
    private var chunks: [[PackedSample]] = []
    /// Samples of the first chunk already dropped as the oldest.
    private var dropped = 0
    public private(set) var count = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a history series needs room for one sample")
        self.capacity = capacity
    }

    public mutating func append(_ value: Double, at time: Date) {
        if count == 0 { origin = time }
        let sample = PackedSample(offset: Float(time.timeIntervalSince(origin)), value: Float(value))
        if let last = chunks.indices.last, chunks[last].count < Self.chunkSize {
            chunks[last].append(sample)
        } else {
            var chunk: [PackedSample] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(sample)
            chunks.append(chunk)
        }
        if count < capacity {
            count += 1
        } else {
            dropped += 1
            if dropped == Self.chunkSize {
                chunks.removeFirst()
                dropped = 0
            }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> EntryPointHistory.Sample {
        precondition(position >= 0 && position < count, "history index out of range")
        let absolute = dropped + position
        let packed = chunks[absolute / Self.chunkSize][absolute % Self.chunkSize]
        return EntryPointHistory.Sample(time: origin.addingTimeInterval(Double(packed.offset)), value: Double(packed.value))
    }
}
