import ECEMonitor
import Foundation

/// A group's run of entry points in the table, for its heading and subtotal row.
public struct TableSubtotal: Sendable {
    public var members: ArraySlice<EntryPointSnapshot>
    public var totals: FloorTotals

    public init(_ members: ArraySlice<EntryPointSnapshot>) {
        self.members = members
        totals = FloorTotals(Array(members))
    }

    /// The members' time in each state over `seconds` before `now`, added together: the group's
    /// availability is the allowed time of all members over all their time, unknown included,
    /// so a member watched longer weighs more and a member with no answer lowers no figure but
    /// its unknown share.
    public func timeInStates(over seconds: Double?, at now: Date) -> AvailabilityBreakdown {
        var sum = AvailabilityBreakdown()
        for member in members { sum.add(member.timeInStates(over: seconds, at: now)) }
        return sum
    }

    /// The soonest queue forecast among the members, in seconds.
    public func soonestFull(at now: Date) -> Double? {
        members.compactMap { $0.queueForecast(at: now)?.secondsToFull }.min()
    }
}
