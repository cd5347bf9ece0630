/// The fixed parts of the screen: two header rows, the totals line (grid and table), the
/// diagnosis banner, the body and a one-row footer.
public struct ScreenAreas: Sendable, Hashable {
    public static let headerHeight = 2
    public static let footerHeight = 1
    /// Banner lines beyond this are summarised in the last one.
    public static let maximumBannerLines = 3
    /// The smallest screen that shows a header, one panel and the footer.
    public static let minimumSize = ScreenSize(
        width: GridLayout.minimumPanelWidth + 6,
        height: headerHeight + GridLayout.panelHeight + footerHeight + 1
    )

    public let size: ScreenSize
    public let header: Rect
    /// Empty when the screen has no totals line.
    public let totals: Rect
    public let banner: Rect
    public let body: Rect
    public let footer: Rect

    public init(size: ScreenSize, diagnoses: Int, totalsLine: Bool = false) {
        self.size = size
        let bannerLines = min(diagnoses, Self.maximumBannerLines)
        header = Rect(x: 0, y: 0, width: size.width, height: Self.headerHeight)
        // On a screen too short for it and a row of panels, the panels come first.
        let roomForTotals = size.height - Self.headerHeight - bannerLines - Self.footerHeight > GridLayout.panelHeight
        totals = Rect(x: 0, y: Self.headerHeight, width: size.width, height: totalsLine && roomForTotals ? 1 : 0)
        banner = Rect(x: 0, y: totals.maxY, width: size.width, height: bannerLines)
        let bodyTop = banner.maxY
        body = Rect(x: 0, y: bodyTop, width: size.width, height: size.height - bodyTop - Self.footerHeight)
        footer = Rect(x: 0, y: size.height - Self.footerHeight, width: size.width, height: Self.footerHeight)
    }

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
            || body.height < GridLayout.panelHeight
    }
}
