import ECEChat
import Foundation

/// A change worth a line in the event log: a transition, never a repeat of the same state.
public struct MonitorEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case statusChanged
        case eligibilityChanged
        case errorStarted
        case errorEnded
        case becameStale
        case becameFresh
        case alertRaised
        case alertCleared
        /// The server answered 429/503: nothing is sent to it until the time in `new`.
        case serverAskedToWait
    }

    public var time: Date
    public var entryPoint: EntryPointID
    public var kind: Kind
    /// The call concerned, for error events.
    public var call: ChatAPICall?
    public var old: String
    public var new: String

    public init(time: Date, entryPoint: EntryPointID, kind: Kind, call: ChatAPICall? = nil, old: String, new: String) {
        self.time = time
        self.entryPoint = entryPoint
        self.kind = kind
        self.call = call
        self.old = old
        self.new = new
    }

    /// One line for the event log: `1003 liveSessionStatus: error started: … (was ok)`.
    public var summary: String {
        let subject = call.map { "\(entryPoint) \($0.rawValue)" } ?? entryPoint.description
        switch kind {
        case .statusChanged, .eligibilityChanged: return "\(subject): \(old) → \(new)"
        case .errorStarted: return "\(subject): error: \(new)"
        case .errorEnded: return "\(subject): answering again (was: \(old))"
        case .becameStale: return "\(subject): data stale (newest \(new))"
        case .becameFresh: return "\(subject): data fresh again"
        case .alertRaised: return "\(subject): alert \(new)"
        case .alertCleared: return "\(subject): alert cleared: \(old)"
        case .serverAskedToWait: return "\(subject): server asked to wait (\(new))"
        }
    }
}
