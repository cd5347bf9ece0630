import Foundation

/// What every view needs besides the data: glyphs, the clock's time zone, the current time and
/// the window the user chose for charts and availability figures.
public struct ViewContext: Sendable {
    public var glyphs: GlyphSet
    public var clock: ClockFormatter
    /// The moment the frame shows; views never read the system clock.
    public var now: Date
    /// The availability figures' window: the last hour until `c`, `1`, `2`, `3` choose the charts' window for both.
    public var window: HistoryWindow

    public init(glyphs: GlyphSet = .unicode, clock: ClockFormatter = ClockFormatter(), now: Date, window: HistoryWindow = .oneHour) {
        self.glyphs = glyphs
        self.clock = clock
        self.now = now
        self.window = window
    }

    /// Alternates every second: alerting panels draw in the flash role while it is true.
    public var flashPhase: Bool {
        Int(now.timeIntervalSince1970.rounded(.down)) % 2 == 0
    }
}
