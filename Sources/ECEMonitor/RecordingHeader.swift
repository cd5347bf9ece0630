import ECEChat
import ECECommon
import Foundation

/// The first line of every recording file: what was watched and with which rules, so a replay
/// draws the same panels, alerts and charts without the config file that produced them.
public struct RecordingHeader: Codable, Sendable, Hashable {
    /// One watched entry point, in the order the dashboard showed them.
    public struct EntryPoint: Codable, Sendable, Hashable {
        public var id: Int64
        public var label: String?
        public var group: String?
    }

    /// The alert thresholds that were configured; nil disables one, as in the config file.
    public struct Thresholds: Codable, Sendable, Hashable {
        public var waitTimeSeconds: Double?
        public var queueDepth: Int?
        public var freeSlots: Int?
    }

    /// Names the file type, so a replay of some other JSON-lines file says so on line 1.
    public static let formatName = "ecetop-recording"
    /// The one version this build writes and reads.
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// When the recording (this file of it) started, ISO 8601 with milliseconds.
    public var started: String
    /// The server, credentials redacted.
    public var server: String
    /// The asked polling interval in seconds.
    public var interval: Double
    /// How far back the charts reach, in seconds.
    public var historyWindow: Double
    /// The request budget in requests per second (0: none) and its burst.
    public var budgetPerSecond: Double
    public var budgetBurst: Int
    public var thresholds: Thresholds
    public var entryPoints: [EntryPoint]

    public init(server: String, entryPoints: [EntryPointID], configuration: MonitorConfiguration, started: Date) {
        format = Self.formatName
        version = Self.currentVersion
        self.started = RecordingTime.text(started)
        self.server = server
        interval = configuration.interval.inSeconds
        historyWindow = configuration.historyWindow.inSeconds
        budgetPerSecond = configuration.budget.ratePerSecond
        budgetBurst = configuration.budget.burst
        let alert = configuration.thresholds
        thresholds = Thresholds(waitTimeSeconds: alert.waitTimeAtLeastSeconds, queueDepth: alert.queueDepthAtLeast, freeSlots: alert.freeSlotsAtMost)
        self.entryPoints = entryPoints.map { id in
            let info = configuration.entryPointInfo[id]
            return EntryPoint(id: id.rawValue, label: info?.label, group: info?.group)
        }
    }

    /// The monitor configuration the recording was made with, as far as the replay needs it.
    public var monitorConfiguration: MonitorConfiguration {
        var configuration = MonitorConfiguration()
        configuration.interval = .milliseconds(Int64((interval * 1000).rounded()))
        configuration.historyWindow = .milliseconds(Int64((historyWindow * 1000).rounded()))
        configuration.budget = .init(ratePerSecond: budgetPerSecond, burst: budgetBurst)
        configuration.thresholds = AlertThresholds(waitTimeAtLeastSeconds: thresholds.waitTimeSeconds, queueDepthAtLeast: thresholds.queueDepth,
                                                   freeSlotsAtMost: thresholds.freeSlots)
        for entryPoint in entryPoints {
            guard let id = EntryPointID(entryPoint.id) else { continue }
            configuration.entryPointInfo[id] = .init(label: entryPoint.label, group: entryPoint.group)
        }
        return configuration
    }
}
