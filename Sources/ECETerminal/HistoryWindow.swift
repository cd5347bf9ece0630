/// How far back the detail screen's history charts reach (`c` cycles, `1` `2` `3` choose).
public enum HistoryWindow: Int, Sendable, Hashable, CaseIterable {
    case fiveMinutes = 300
    case fifteenMinutes = 900
    case oneHour = 3600

    /// The window until the user picks another.
    public static let standard = HistoryWindow.fifteenMinutes

    /// The window's length in seconds.
    public var seconds: Double { Double(rawValue) }

    /// `5 min`, `15 min`, `1 h`.
    public var title: String {
        switch self {
        case .fiveMinutes: "5 min"
        case .fifteenMinutes: "15 min"
        case .oneHour: "1 h"
        }
    }

    /// The next longer window, wrapping round to the shortest.
    public var next: HistoryWindow {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
