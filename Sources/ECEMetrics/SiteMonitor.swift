import ECEChat
import ECEMonitor
import Logging

/// One site's (server's) monitor, feeding an exporter when there is one: its requests
/// counted, its snapshots kept for scrapes.
public struct SiteMonitor: Sendable {
    /// The `server` label and the dashboard's site name: the configured name, else the
    /// server's `host:port`.
    public let name: String
    public let monitor: ChatMonitor<ContinuousClock>
    private let exporter: MetricsExporter?

    public init(name: String? = nil, client: ChatAPIClient, entryPoints: [EntryPointID], configuration: MonitorConfiguration,
                exporter: MetricsExporter?, logger: Logger = Logger(label: "ecetop.monitor")) {
        let name = name ?? client.server.authority
        var configuration = configuration
        if let exporter {
            configuration.sinks.append(exporter.requestCounter(server: name, entryPointInfo: configuration.entryPointInfo))
        }
        self.name = name
        self.exporter = exporter
        monitor = ChatMonitor(client: client, entryPoints: entryPoints, configuration: configuration, logger: logger)
    }

    /// Polls until cancelled, handing every snapshot to the exporter and then to `onSnapshot`.
    public func run(onSnapshot: @escaping @Sendable (MonitorSnapshot) async -> Void = { _ in }) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await monitor.run() }
            group.addTask {
                for await snapshot in monitor.snapshots {
                    await exporter?.update(snapshot, server: name)
                    await onSnapshot(snapshot)
                }
            }
        }
    }
}
