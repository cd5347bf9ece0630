import Foundation

/// What every view needs besides the data: glyphs, the clock's time zone and the current time.
public struct ViewContext: Sendable {
    public var glyphs: GlyphSet
    public var clock: ClockFormatter
    /// The moment the frame shows; views never read the system clock.
    public var now: Date

    public init(glyphs: GlyphSet = .unicode, clock: ClockFormatter = ClockFormatter(), now: Date) {
        self.glyphs = glyphs
        self.clock = clock
        self.now = now
    }

    /// Alternates every second: alerting panels draw in the flash role while it is true.
    public var flashPhase: Bool {
        Int(now.timeIntervalSince1970.rounded(.down)) % 2 == 0
    }
}
