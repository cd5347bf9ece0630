import ECEMonitor
import Foundation

/// Composes a whole frame from the UI state and the newest snapshot: the one entry point from
/// state to pixels, pure and deterministic (time comes in through the context).
public struct DashboardView: Sendable {
    /// Shown in the header as a `DEMO` tag when the dashboard watches the simulator.
    public var demoURL: String?

    public init(demoURL: String? = nil) { self.demoURL = demoURL }

    public func render(state: DashboardState, snapshot: MonitorSnapshot?, size: ScreenSize, context: ViewContext) -> ScreenBuffer {
        var context = context
        context.window = state.availabilityWindow
        var buffer = ScreenBuffer(size: size)
        let areas = snapshot.map { state.areas($0, size: size) } ?? ScreenAreas(size: size, diagnoses: 0)
        if state.isWall, state.screen == .grid, let snapshot {
            let wall = WallView(snapshot: snapshot, entryPoints: state.visibleEntryPoints(snapshot), selection: state.selection,
                                demoURL: demoURL, rotateSeconds: state.wallRotateSeconds, outputs: state.outputs)
            // The wall's text panels fit where the grid does not; below that, the grid's rules.
            if let frame = wall.draw(into: &buffer, context: context) {
                if state.showsHelp {
                    HelpOverlayView(scroll: state.helpScroll).draw(into: &buffer, area: frame.body, context: context)
                }
                let pageText = frame.pageCount > 1 ? "page \(frame.page + 1)/\(frame.pageCount)" : nil
                FooterView(state: state, pageText: pageText).draw(into: &buffer, rect: frame.footer, context: context)
                return buffer
            }
        }
        if areas.isTooSmall {
            TooSmallView().draw(into: &buffer, context: context)
            return buffer
        }
        guard let snapshot else {
            // No snapshot yet: only the title and the clock, no counts or interval to mislead.
            let bar = CellStyle(.header, [.bold])
            buffer.write(" ecetop" + (demoURL.map { "  DEMO \($0)" } ?? ""), x: 0, y: 0, width: size.width, style: bar,
                         ellipsis: context.glyphs.ellipsis)
            let clock = context.clock.time(context.now) + " "
            buffer.write(clock, x: size.width - CharacterWidth.columns(of: clock), y: 0, style: bar)
            buffer.write("waiting for the first poll\(context.glyphs.ellipsis)", x: 0, y: areas.body.y + areas.body.height / 2,
                         width: size.width, style: CellStyle(.dim), alignment: .center)
            FooterView(state: state).draw(into: &buffer, rect: areas.footer, context: context)
            return buffer
        }

        let grid = state.gridPage(snapshot, size: size)
        let (visible, page) = (grid.visible, grid.page)

        HeaderView(snapshot: snapshot, demoURL: demoURL, status: statusText(state, page: page, pageCount: grid.pageCount, shown: visible.count,
                                                                           total: snapshot.entryPoints.count),
                   outputs: state.outputs)
            .draw(into: &buffer, rect: areas.header, context: context)
        TotalsLineView(totals: snapshot.totals).draw(into: &buffer, rect: areas.totals, context: context)
        DiagnosisBannerView(diagnoses: snapshot.diagnoses).draw(into: &buffer, rect: areas.banner, context: context)

        switch state.screen {
        case .grid where visible.isEmpty:
            let empty = snapshot.entryPoints.isEmpty ? "no entry points" : "no entry point matches \"\(state.filter)\" (Esc clears)"
            buffer.write(empty, x: areas.body.x, y: areas.body.y + areas.body.height / 2, width: areas.body.width, style: CellStyle(.dim),
                         ellipsis: context.glyphs.ellipsis, alignment: .center)
        case .grid where grid.table != nil:
            TableView(entryPoints: visible, selection: state.selection, page: page).draw(into: &buffer, rect: areas.body, context: context)
        case .grid:
            GridView(entryPoints: visible, selection: state.selection, page: page).draw(into: &buffer, rect: areas.body, context: context)
        case .detail(let id):
            if let entryPoint = snapshot.entryPoints.first(where: { $0.id == id }) {
                DetailView(entryPoint: entryPoint, bodyCall: state.detailCall, isPaused: snapshot.isPaused, events: snapshot.events,
                           window: state.historyWindow, availabilityWindow: state.availabilityWindow, bodyScroll: state.bodyScroll)
                    .draw(into: &buffer, rect: areas.body, context: context)
            }
        case .events:
            EventLogView(events: snapshot.events, scroll: state.eventScroll, filter: state.eventFilter)
                .draw(into: &buffer, rect: areas.body, context: context)
        }
        if state.showsHelp {
            HelpOverlayView(scroll: state.helpScroll).draw(into: &buffer, area: areas.body, context: context)
        }
        FooterView(state: state).draw(into: &buffer, rect: areas.footer, context: context)
        return buffer
    }

    /// Sort, filter and page for the header's right side: `sort ID · filter "x" 3/40 · page 1/3`.
    private func statusText(_ state: DashboardState, page: Int, pageCount: Int, shown: Int, total: Int) -> String {
        var parts = ["sort \(state.sort.title)"]
        if !state.filter.isEmpty { parts.append("filter \"\(state.filter)\" \(shown)/\(total)") }
        if pageCount > 1, state.screen == .grid { parts.append("page \(page + 1)/\(pageCount)") }
        return parts.joined(separator: " · ")
    }

    /// One frame as plain text, for `--plain` or when stdout is not a terminal.
    public static func plainText(snapshot: MonitorSnapshot, size: ScreenSize = ScreenSize(width: 120, height: 40),
                                 now: Date = Date(), configuration: TerminalConfiguration = TerminalConfiguration()) -> String {
        var state = DashboardState(sort: configuration.initialSort, filter: configuration.initialFilter)
        _ = state.reconcile(with: snapshot)
        state.isWall = configuration.startsInWallMode
        state.wallRotateSeconds = configuration.wallRotateSeconds
        state.viewMode = configuration.viewMode
        let context = ViewContext(glyphs: configuration.glyphs, clock: ClockFormatter(zone: configuration.clockZone), now: now)
        let buffer = DashboardView(demoURL: configuration.demoURL).render(state: state, snapshot: snapshot, size: size, context: context)
        return PlainTextRenderer().render(buffer)
    }
}
