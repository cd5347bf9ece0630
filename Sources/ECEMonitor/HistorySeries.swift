/// One column of a `HistoryTable`: a bounded series of readings, oldest first.
public struct HistorySeries: Sendable, RandomAccessCollection {
    private let table: HistoryTable
    private let column: Int

    init(table: HistoryTable, column: Int) {
        self.table = table
        self.column = column
    }

    /// The most samples the series keeps.
    public var capacity: Int { table.capacity }

    public var startIndex: Int { 0 }
    public var endIndex: Int { table.count }

    public subscript(position: Int) -> EntryPointHistory.Sample {
        table.sample(row: position, column: column)
    }
}
