import ECEChat
import ECECommon
import ECEMonitor
import Foundation

/// One entry point in wall mode: ID and label, a full-width status bar, and queue depth and
/// wait time in big digits; nothing that cannot be read across a room.
public struct WallPanelView: Sendable {
    public var entryPoint: EntryPointSnapshot
    public var size: WallLayout.PanelSize
    public var isSelected: Bool

    public init(entryPoint: EntryPointSnapshot, size: WallLayout.PanelSize, isSelected: Bool = false) {
        self.entryPoint = entryPoint
        self.size = size
        self.isSelected = isSelected
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.width >= 8, rect.height >= 4 else { return }
        let glyphs = context.glyphs
        let status = PanelStatus(entryPoint)
        // The grid's flash rule and timing, but the whole panel flashes: a frame alone is
        // too thin to notice from across the room.
        let flashing = PanelStatus.isFlashing(entryPoint) && context.flashPhase
        func style(_ role: StyleRole, _ attributes: TextAttributes = []) -> CellStyle {
            CellStyle(flashing ? .flash : role, attributes)
        }
        buffer.fill(rect, style: style(.background))
        buffer.drawBox(rect, lines: isSelected ? glyphs.selectedBox : glyphs.box,
                       style: style(status.borderRole, isSelected ? [.bold] : []))

        var title = " \(entryPoint.id)"
        if let label = entryPoint.label, !label.isEmpty { title += " " + label }
        title += " "
        let marker = entryPoint.alerts.isEmpty ? nil : entryPoint.hasUnacknowledgedAlert ? " ALERT " : " ack "
        let markerWidth = marker.map { CharacterWidth.columns(of: $0) } ?? 0
        let titleRoom = rect.width - 4 - (markerWidth > 0 ? markerWidth + 1 : 0)
        buffer.write(ScreenBuffer.fit(title, width: max(0, titleRoom), ellipsis: glyphs.ellipsis), x: rect.x + 1, y: rect.y,
                     style: style(isSelected ? .selection : .title, [.bold]))
        if let marker, titleRoom >= 6 {
            buffer.write(marker, x: rect.maxX - 1 - markerWidth, y: rect.y, style: style(status.borderRole, [.bold]))
        }

        // The state is the one thing to see first: a solid bar in its colour, word and reason.
        buffer.write("\(status.symbol(glyphs)) \(status.word)  \(entryPoint.statusWord)", x: rect.x + 1, y: rect.y + 1,
                     width: rect.width - 2, style: style(status.role, [.reverse, .bold]), ellipsis: glyphs.ellipsis,
                     alignment: .center)

        let session = entryPoint.sessionStatus
        let depth = session.map { String($0.queueDepth) } ?? "-"
        let depthRole: StyleRole = entryPoint.chatAllowed?.reason == .queueDepthReached ? status.role : .text
        let wait = Self.waitDigits(seconds: session?.waitTimeSeconds)
        let x = rect.x + 2
        let width = rect.width - 4
        let scale = size.digitScale
        guard let digitHeight = size.digitHeight, rect.height >= digitHeight.rawValue * scale + 4 else {
            let missing = glyphs.missing
            let text = "queue \(session.map { String($0.queueDepth) } ?? missing)   wait "
                + (session.map { DurationText.wait(seconds: $0.waitTimeSeconds) } ?? missing)
            buffer.write(text, x: x, y: rect.y + 2, width: width, style: style(.text, [.bold]), ellipsis: glyphs.ellipsis)
            return
        }
        // The queue needs fewer digits than a wait time: two fifths of the width for it.
        let queueWidth = width * 2 / 5
        let columns = [
            (x: x, width: queueWidth, label: "QUEUE", digits: depth, role: depthRole),
            (x: x + queueWidth + 1, width: width - queueWidth - 1, label: wait.label, digits: wait.digits, role: StyleRole.text),
        ]
        let font = BigDigits.Font(glyphs)
        for column in columns {
            buffer.write(column.label, x: column.x, y: rect.y + 2, width: column.width, style: style(.dim, [.bold]),
                         ellipsis: glyphs.ellipsis, alignment: .center)
            let digitsWidth = BigDigits.width(column.digits, scale: scale)
            if digitsWidth <= column.width {
                BigDigits.draw(column.digits, into: &buffer, x: column.x + (column.width - digitsWidth) / 2, y: rect.y + 3,
                               height: digitHeight, font: font, scale: scale, style: style(column.role, [.bold]))
            } else {
                // Too many digits for big ones (a five-digit queue): plain, but never cut.
                buffer.write(column.digits, x: column.x, y: rect.y + 3, width: column.width, style: style(column.role, [.bold]),
                             ellipsis: glyphs.ellipsis, alignment: .center)
            }
        }
    }

    /// The wait as clock digits with its unit in the label: `WAIT m:ss` `2:05` under an hour,
    /// `WAIT h:mm` `1:02` from one; `-` when never read.
    static func waitDigits(seconds: Double?) -> (label: String, digits: String) {
        guard let seconds, seconds.isFinite else { return ("WAIT", "-") }
        let total = max(0, Int(seconds.rounded()))
        if total < 3600 { return ("WAIT m:ss", "\(total / 60):\(ClockFormatter.two(total % 60))") }
        return ("WAIT h:mm", "\(total / 3600):\(ClockFormatter.two(total / 60 % 60))")
    }
}
