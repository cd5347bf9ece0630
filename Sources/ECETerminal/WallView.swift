import ECEChat
import ECEMonitor

/// Wall mode's screen above the footer: the big-clock header, the diagnosis banner and a page
/// of wall panels, the page chosen by the frame's time.
public struct WallView: Sendable {
    public var snapshot: MonitorSnapshot
    public var entryPoints: [EntryPointSnapshot]
    public var selection: EntryPointID?
    public var demoURL: String?
    public var rotateSeconds: Int
    public var outputs: OutputFileStatus

    /// What the footer and the help overlay need from a drawn wall.
    public struct Frame: Sendable, Hashable {
        public var body: Rect
        public var footer: Rect
        /// Zero-based.
        public var page: Int
        public var pageCount: Int
    }

    public init(snapshot: MonitorSnapshot, entryPoints: [EntryPointSnapshot], selection: EntryPointID?, demoURL: String?,
                rotateSeconds: Int, outputs: OutputFileStatus = OutputFileStatus()) {
        self.snapshot = snapshot
        self.entryPoints = entryPoints
        self.selection = selection
        self.demoURL = demoURL
        self.rotateSeconds = rotateSeconds
        self.outputs = outputs
    }

    /// Draws the wall; nil, with nothing drawn, when the screen is too small for even one
    /// text panel under the header, so that the caller can draw the normal grid instead.
    public func draw(into buffer: inout ScreenBuffer, context: ViewContext) -> Frame? {
        let size = buffer.size
        let headerHeight = WallHeaderView.height(screenHeight: size.height).rawValue
        let bannerLines = min(snapshot.diagnoses.count, ScreenAreas.maximumBannerLines)
        let bodyTop = headerHeight + bannerLines
        let body = Rect(x: 0, y: bodyTop, width: size.width, height: size.height - bodyTop - ScreenAreas.footerHeight)
        let footer = Rect(x: 0, y: size.height - ScreenAreas.footerHeight, width: size.width, height: ScreenAreas.footerHeight)
        // The header needs room for its clock beside the counts.
        guard size.width >= WallLayout.PanelSize.large.minimumWidth,
              var layout = WallLayout(area: body, count: max(1, entryPoints.count)) else { return nil }

        WallHeaderView(snapshot: snapshot, demoURL: demoURL, outputs: outputs)
            .draw(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: headerHeight), context: context)
        DiagnosisBannerView(diagnoses: snapshot.diagnoses)
            .draw(into: &buffer, rect: Rect(x: 0, y: headerHeight, width: size.width, height: bannerLines), context: context)
        guard !entryPoints.isEmpty else {
            buffer.write("no entry points to show", x: body.x, y: body.y + body.height / 2, width: body.width, style: CellStyle(.dim),
                         ellipsis: context.glyphs.ellipsis, alignment: .center)
            return Frame(body: body, footer: footer, page: 0, pageCount: 1)
        }
        var rotation = WallRotation(entryPoints: entryPoints, slotsPerPage: layout.grid.perPage)
        if rotation.needsStrip {
            // More criticals than a page holds: a line lists them all, the panels take turns below.
            let rest = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
            if let smaller = WallLayout(area: rest, count: entryPoints.count) {
                CriticalStripView(entryPoints: entryPoints)
                    .draw(into: &buffer, rect: Rect(x: body.x, y: body.y, width: body.width, height: 1), context: context)
                layout = smaller
                rotation = WallRotation(entryPoints: entryPoints, slotsPerPage: smaller.grid.perPage)
            }
        }
        let page = rotation.page(at: context.now, rotateSeconds: rotateSeconds)
        for (slot, index) in rotation.indices(onPage: page).enumerated() {
            let entryPoint = entryPoints[index]
            WallPanelView(entryPoint: entryPoint, size: layout.panelSize, isSelected: entryPoint.id == selection)
                .draw(into: &buffer, rect: layout.grid.rect(forIndex: slot), context: context)
        }
        return Frame(body: body, footer: footer, page: page, pageCount: rotation.pageCount)
    }
}
