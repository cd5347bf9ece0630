/// Where wall-mode panels go: ten-row digits when every entry point fits with them (a tall
/// screen), else five-row ones when they fit, else three-row digits on as many pages as it
/// takes (turning by themselves); plain text panels only when not even one three-row panel fits.
public struct WallLayout: Sendable, Hashable {
    /// How big a wall panel is drawn, biggest first.
    public enum PanelSize: Sendable, Hashable, CaseIterable {
        /// Five-row digits at twice the size: ten rows.
        case huge
        /// Five-row digits.
        case large
        /// Three-row digits.
        case small
        /// Plain bold text, when there is no room for digits.
        case text

        /// Frame, status bar, labels, digits, frame.
        public var height: Int {
            switch self {
            case .huge: 14
            case .large: 9
            case .small: 7
            case .text: 4
            }
        }

        /// Wide enough for three-digit queues and `59:59` waits side by side.
        public var minimumWidth: Int {
            switch self {
            case .huge: 64
            case .large: 40
            case .small: 36
            case .text: 24
            }
        }

        /// How many times each pixel of the digits is repeated across and down.
        public var digitScale: Int { self == .huge ? 2 : 1 }

        public var digitHeight: BigDigits.Height? {
            switch self {
            case .huge, .large: .five
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
        if let grid = layout(.huge), grid.perPage >= count {
            self.init(panelSize: .huge, grid: grid)
        } else if let grid = layout(.large), grid.perPage >= count {
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
}
