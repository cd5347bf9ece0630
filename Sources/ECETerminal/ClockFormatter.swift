import Foundation

/// Formats times of day in one zone, so a test can pin it and get the same text on every machine.
public struct ClockFormatter: Sendable {
    public var zone: ClockZone

    public init(zone: ClockZone = .local) {
        self.zone = zone
    }

    /// `14:03:07`.
    public func time(_ date: Date) -> String {
        let parts = zone.fields(secondsSince1970: date.timeIntervalSince1970)
        return "\(Self.two(parts.hour)):\(Self.two(parts.minute)):\(Self.two(parts.second))"
    }

    /// `2026-11-26`.
    public func day(_ date: Date) -> String {
        let parts = zone.fields(secondsSince1970: date.timeIntervalSince1970)
        return "\(parts.year)-\(Self.two(parts.month))-\(Self.two(parts.day))"
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
