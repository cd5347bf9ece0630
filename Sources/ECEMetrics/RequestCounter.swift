import ECEChat
import ECEMonitor
import Foundation
import Prometheus

/// The metrics export as a monitor sink: counts every request and its latency as the monitor
/// takes the answers in, which snapshots (they coalesce) could not.
public struct RequestCounter: MonitorSink {
    let registry: PrometheusCollectorRegistry
    let server: String
    let entryPointInfo: [EntryPointID: MonitorConfiguration.EntryPointInfo]

    public func monitorPolled(_ exchanges: [ChatAPIExchange], of entryPoint: EntryPointID, server _: String, interval: Duration, at time: Date) {
        for exchange in exchanges { count(exchange) }
    }

    private func count(_ exchange: ChatAPIExchange) {
        // A request held back for the server's Retry-After was never sent.
        if exchange.error?.kind == .serverAskedToWait { return }
        let info = entryPointInfo[exchange.entryPoint]
        let labels = MetricsExporter.entryPointLabels(server: server, id: exchange.entryPoint, label: info?.label, group: info?.group)
            + [("call", exchange.call.rawValue)]
        registry.makeCounter(descriptor: ExportedMetric.requests.descriptor, labels: labels).increment()
        // Per server and call, not per entry point: eleven buckets per entry point and call
        // made the histogram most of the series at a thousand entry points.
        registry.makeDurationHistogram(descriptor: ExportedMetric.requestDuration.descriptor,
                                       labels: [("server", server), ("call", exchange.call.rawValue)],
                                       buckets: ExportedMetric.requestDurationBuckets).record(exchange.latency)
        if let error = exchange.error {
            registry.makeCounter(descriptor: ExportedMetric.errors.descriptor,
                                 labels: labels + [("kind", MetricsExporter.snakeCase(error.kind.rawValue))]).increment()
        }
    }
}
