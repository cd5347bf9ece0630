import Foundation

/// Where wall-mode panels go: five-row digits when every entry point fits with them, else
/// three-row digits on as many pages as it takes (turning by themselves); plain text panels
/// only when not even one three-row panel fits.
public struct WallLayout: Sendable, Hashable {
    /// How big a wall panel is drawn, biggest first.
    public enum PanelSize: Sendable, Hashable, CaseIterable {
        /// Five-row digits.
        case large
        /// Three-row digits.
        case small
        /// Plain bold text, when there is no room for digits.
        case text

        /// Frame, status bar, labels, digits, frame.
        public var height: Int {
            switch self {
            case .large: 9
            case .small: 7
            case .text: 4
            }
        }

        /// Wide enough for three-digit queues and `59:59` waits side by side.
        public var minimumWidth: Int {
            switch self {
            case .large: 40
            case .small: 36
            case .text: 24
            }
        }

        public var digitHeight: BigDigits.Height? {
            switch self {
            case .large: .five
            case .small: .three
            case .text: nil
            }
        }
    }

    /// A wall is read from afar: panels grow to the full width instead of the grid's 60.
    public static let maximumPanelWidth = 120

    public let panelSize: PanelSize
    public let grid: GridLayout

    /// Nil when not even one text panel fits in `area`.
    public init?(area: Rect, count: Int) {
        func layout(_ size: PanelSize) -> GridLayout? {
            guard area.width >= size.minimumWidth, area.height >= size.height else { return nil }
            return GridLayout(area: area, count: count, panelHeight: size.height, minimumWidth: size.minimumWidth,
                              maximumWidth: Self.maximumPanelWidth)
        }
        // Digits are the point of a wall: pages of them beat one page of small text.
        if let grid = layout(.large), grid.perPage >= count {
            self.init(panelSize: .large, grid: grid)
        } else if let grid = layout(.small) {
            self.init(panelSize: .small, grid: grid)
        } else if let grid = layout(.text) {
            self.init(panelSize: .text, grid: grid)
        } else {
            return nil
        }
    }

    private init(panelSize: PanelSize, grid: GridLayout) {
        self.panelSize = panelSize
        self.grid = grid
    }

    /// The page showing at `now`: pages turn on whole multiples of `rotateSeconds` of the
    /// clock, so several wall screens with the same `--rotate` stay in step, and nothing but
    /// the frame's time decides (a test sets it).
    public func page(at now: Date, rotateSeconds: Int) -> Int {
        guard grid.pageCount > 1 else { return 0 }
        let turns = Int((now.timeIntervalSince1970 / Double(max(1, rotateSeconds))).rounded(.down))
        return ((turns % grid.pageCount) + grid.pageCount) % grid.pageCount
    }
}
