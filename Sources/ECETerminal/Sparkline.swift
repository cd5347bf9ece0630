/// A one-line bar chart of the newest values, scaled from zero to the largest shown.
enum Sparkline {
    static func render(_ values: [Double], width: Int, levels: [Character]) -> String {
        guard width > 0, !levels.isEmpty else { return "" }
        let shown = values.suffix(width)
        let top = max(shown.max() ?? 0, 1)
        return String(shown.map { value in
            let level = Int((max(0, value) / top * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, level))]
        })
    }
}
