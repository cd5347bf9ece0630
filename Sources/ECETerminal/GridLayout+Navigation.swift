extension GridLayout {
    /// Where Down moves the selection from `index`: the next row, else the last panel when it is
    /// on a lower row; nil at the bottom.
    public func index(below index: Int) -> Int? {
        if let placement { return placement.index(from: index, rowStep: 1) }
        if index + columns < count { return index + columns }
        return (count - 1) / columns > index / columns ? count - 1 : nil
    }

    /// Where Up moves the selection from `index`; nil on the top row.
    public func index(above index: Int) -> Int? {
        if let placement { return placement.index(from: index, rowStep: -1) }
        return index >= columns ? index - columns : nil
    }

    /// Where PgDn (`step` 1) or PgUp (-1) moves the selection: the same place a page on; nil past the ends.
    public func index(from index: Int, pageStep step: Int) -> Int? {
        if let placement { return placement.index(from: index, pageStep: step) }
        let page = page(ofIndex: index) + step
        guard (0..<pageCount).contains(page) else { return nil }
        return min(count - 1, max(0, index + step * perPage))
    }
}
