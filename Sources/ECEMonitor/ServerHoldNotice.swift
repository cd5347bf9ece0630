import ECEChat
import Foundation

/// Follows a server's hold (429 or 503 with `Retry-After`) for a monitor: the hold in force,
/// and the event that announces it, once, when a new one begins.
struct ServerHoldNotice {
    private var noticed: ServerHold.Hold?

    /// The hold in force at `now`, with its event the first time it is seen; nil when none is.
    /// `entryPoint` names the event when the hold came from no entry point's call.
    mutating func check(_ hold: ServerHold, at now: Date, entryPoint: EntryPointID?) -> (hold: ServerHold.Hold, event: MonitorEvent?)? {
        guard let current = hold.current(at: now) else { return nil }
        guard current != noticed, let id = current.entryPoint ?? entryPoint else { return (current, nil) }
        noticed = current
        let event = MonitorEvent(time: now, entryPoint: id, kind: .serverAskedToWait, call: current.call, old: "",
                                 new: "HTTP \(current.status) · resuming \(ServerHold.clockText(current.until))")
        return (current, event)
    }
}
