import ECEChat
import ECECommon
import ECEMonitor

/// The line under the header: chats waiting, the longest wait and where, entry points
/// allowed, free slots, agents available, and how many were left out of the sums. Parts that
/// do not fit are dropped from the end, never the count of those left out.
public struct TotalsLineView: Sendable {
    public var totals: FloorTotals

    public init(totals: FloorTotals) { self.totals = totals }

    public init(entryPoints: [EntryPointSnapshot]) { totals = FloorTotals(entryPoints) }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0, rect.width > 2 else { return }
        let parts = totals.parts(waitText: DurationText.wait(seconds:))
        let leftOut = totals.leftOutText.map { context.glyphs.separator + $0 }
        let reserved = leftOut.map { CharacterWidth.columns(of: $0) } ?? 0
        var x = rect.x + 1
        for (index, part) in parts.enumerated() {
            let text = index == 0 ? part : context.glyphs.separator + part
            guard x + CharacterWidth.columns(of: text) + reserved <= rect.maxX else { break }
            x += buffer.write(text, x: x, y: rect.y, style: CellStyle(.text, index == 0 ? [.bold] : []))
        }
        if let leftOut { buffer.write(leftOut, x: x, y: rect.y, style: CellStyle(.stale), limit: rect.maxX - x) }
    }
}
