import ECEChat
import ECEMonitor
import Foundation

/// When the terminal bell rings (`--bell`): once for each critical alert raised, not again
/// while it stays, never for one already acknowledged. An alert that clears and is raised
/// again rings again.
public struct AlertBell: Sendable {
    private struct Raised: Hashable {
        var entryPoint: EntryPointID
        var rule: Alert.Rule
        var since: Date
    }

    /// The critical alerts active in the last snapshot, acknowledged or not.
    private var active: Set<Raised> = []

    public init() {}

    /// Takes in a new snapshot; true when the bell should ring for it.
    public mutating func shouldRing(for snapshot: MonitorSnapshot) -> Bool {
        var now: Set<Raised> = []
        var ring = false
        for index in snapshot.entryPoints.indices {
            for alert in snapshot.entryPoints[index].alerts where alert.severity == .critical {
                let raised = Raised(entryPoint: snapshot.entryPoints[index].id, rule: alert.rule, since: alert.since)
                now.insert(raised)
                if !alert.isAcknowledged && !active.contains(raised) { ring = true }
            }
        }
        active = now
        return ring
    }
}
