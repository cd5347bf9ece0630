import ECEChat
import Foundation

/// Receives, besides the dashboard, what a monitor takes in, in order: the poll recorder,
/// the metrics export and the event journal are sinks.
///
/// Called on the monitor's actor, so a sink must not block for long; each one keeps its own
/// state behind its own lock and says how it fares through `report`.
public protocol MonitorSink: Sendable {
    /// Once, before the first poll: what is polled, and how.
    func monitorStarted(server: String, entryPoints: [EntryPointID], configuration: MonitorConfiguration, at time: Date)
    /// One entry point's round of answers, before any snapshot shows it: snapshots coalesce,
    /// so whatever counts requests counts here.
    func monitorPolled(_ exchanges: [ChatAPIExchange], of entryPoint: EntryPointID, server: String, interval: Duration, at time: Date)
    /// The events of one change, as they are logged.
    func monitorLogged(_ events: [MonitorEvent])
    /// Adds the sink's own state (a file being written, why it stopped) to what the dashboard shows.
    func report(into status: inout OutputFileStatus)
}

extension MonitorSink {
    public func monitorStarted(server: String, entryPoints: [EntryPointID], configuration: MonitorConfiguration, at time: Date) {}
    public func monitorPolled(_ exchanges: [ChatAPIExchange], of entryPoint: EntryPointID, server: String, interval: Duration, at time: Date) {}
    public func monitorLogged(_ events: [MonitorEvent]) {}
    public func report(into status: inout OutputFileStatus) {}
}
