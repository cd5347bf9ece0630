/// Column widths of the detail screen's calls table: the value column takes what is left.
struct DetailTableColumns {
    static let headings = ["call", "value", "HTTP", "last", "p50", "p95", "last ok", "age", "fails"]
    let widths: [Int]

    init(width: Int) {
        let fixed = [17, 0, 4, 7, 7, 7, 8, 7, 5]
        let value = max(8, width - fixed.reduce(0, +) - (fixed.count - 1))
        var widths = fixed
        widths[1] = value
        self.widths = widths
    }

    func line(_ cells: [String]) -> String {
        zip(cells, widths).map { cell, width in
            let fitted = ScreenBuffer.fit(cell, width: width)
            return fitted + String(repeating: " ", count: max(0, width - CharacterWidth.columns(of: fitted)))
        }.joined(separator: " ")
    }
}
