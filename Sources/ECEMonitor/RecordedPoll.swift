import ECEChat
import ECECommon
import Foundation

/// One line of a recording after the header: a round of calls of one entry point, as the
/// monitor took it in.
public struct RecordedPoll: Codable, Sendable, Hashable {
    /// When the answers were taken in, ISO 8601 with milliseconds.
    public var time: String
    public var server: String
    public var entryPoint: Int64
    /// The effective polling interval then, in seconds (staleness is judged against it).
    public var interval: Double
    public var calls: [RecordedCall]

    init(time: String, server: String, entryPoint: Int64, interval: Double, calls: [RecordedCall]) {
        self.time = time
        self.server = server
        self.entryPoint = entryPoint
        self.interval = interval
        self.calls = calls
    }

    public init(_ exchanges: [ChatAPIExchange], of entryPoint: EntryPointID, server: String, interval: Duration, at time: Date) {
        self.time = RecordingTime.text(time)
        self.server = server
        self.entryPoint = entryPoint.rawValue
        self.interval = interval.inSeconds
        calls = exchanges.sorted { ChatAPICall.allCases.firstIndex(of: $0.call)! < ChatAPICall.allCases.firstIndex(of: $1.call)! }.map(RecordedCall.init)
    }
}
