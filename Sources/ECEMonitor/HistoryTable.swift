import Foundation

/// Readings taken together, one row per time, newest `capacity` rows kept in shared chunks.
///
/// An hour at a 2 s interval is 1,800 rows. A row is a `Float` offset from the table's first
/// reading (a quarter-second resolution only after a month) and a `Float` per column. Queue
/// depth and wait time come from one call, so they share a row and its time: 12 bytes for the
/// pair where two series of their own would take 16.
///
/// Rows live in chunks of 64 that never change once full. Every published snapshot shares the
/// monitor's table, so the monitor's next append copies what it writes into: only the last,
/// partial chunk, not the whole window.
struct HistoryTable: Sendable {
    static let rowsPerChunk = 64

    let capacity: Int
    /// Values per row.
    let columns: Int
    private var origin = Date(timeIntervalSince1970: 0)
    /// Each chunk is up to `rowsPerChunk` rows of `1 + columns` floats: offset, then values.
    private var chunks: [[Float]] = []
    /// Rows of the first chunk already dropped as the oldest.
    private var dropped = 0
    private(set) var count = 0

    init(capacity: Int, columns: Int) {
        precondition(capacity > 0, "a history table needs room for one row")
        precondition(columns > 0, "a history row holds at least one value")
        self.capacity = capacity
        self.columns = columns
    }

    /// Appends a row of one value.
    mutating func append(_ value: Double, at time: Date) {
        precondition(columns == 1, "a row of \(columns) values given one")
        appendRow(at: time) { $0.append(Float(value)) }
    }

    /// Appends a row of two values.
    mutating func append(_ first: Double, _ second: Double, at time: Date) {
        precondition(columns == 2, "a row of \(columns) values given two")
        appendRow(at: time) { chunk in
            chunk.append(Float(first))
            chunk.append(Float(second))
        }
    }

    private mutating func appendRow(at time: Date, values: (inout [Float]) -> Void) {
        if count == 0 { origin = time }
        let stride = 1 + columns
        let offset = Float(time.timeIntervalSince(origin))
        if let last = chunks.indices.last, chunks[last].count < Self.rowsPerChunk * stride {
            chunks[last].append(offset)
            values(&chunks[last])
        } else {
            var chunk: [Float] = []
            chunk.reserveCapacity(Self.rowsPerChunk * stride)
            chunk.append(offset)
            values(&chunk)
            chunks.append(chunk)
        }
        if count < capacity {
            count += 1
        } else {
            dropped += 1
            if dropped == Self.rowsPerChunk {
                chunks.removeFirst()
                dropped = 0
            }
        }
    }

    /// One column as a series of samples, oldest first.
    func series(_ column: Int) -> HistorySeries {
        precondition(column >= 0 && column < columns, "no column \(column) in a table of \(columns)")
        return HistorySeries(table: self, column: column)
    }

    func sample(row: Int, column: Int) -> EntryPointHistory.Sample {
        precondition(row >= 0 && row < count, "history index out of range")
        let absolute = dropped + row
        let chunk = absolute / Self.rowsPerChunk
        let start = (absolute % Self.rowsPerChunk) * (1 + columns)
        // Subscripted in place, not bound to a local: a local copy of the chunk would retain and
        // release it for every sample read (a panel reads its row's worth every frame).
        return EntryPointHistory.Sample(time: origin.addingTimeInterval(Double(chunks[chunk][start])),
                                        value: Double(chunks[chunk][start + 1 + column]))
    }
}
