import ECEChat
import ECECommon
import ECEMonitor
import Foundation
import Prometheus

/// Turns what the monitors of one or more servers learn into Prometheus series.
///
/// Counters and latency histograms count every request as it comes back (through the
/// monitor's exchange observer); gauges are set from each server's newest snapshot when
/// scraped, so `ece_data_age_seconds` is as of the scrape.
public actor MetricsExporter {
    /// The registry the series live in; thread-safe on its own.
    public nonisolated let registry = PrometheusCollectorRegistry()
    private var snapshots: [String: MonitorSnapshot] = [:]
    private var servers: [String] = []
    private var reasonSeries: [ReasonKey: [String: Gauge]] = [:]

    private struct ReasonKey: Hashable {
        var server: String
        var entryPoint: EntryPointID
    }

    public init() {}

    /// Reasons that always have a series per entry point, so alert rules can match on them.
    public static let standingReasons = ["allowed"] + ChatAllowedReason.documented.map(\.rawValue)

    /// Counts requests as the monitor of `server` makes them; add it to `MonitorConfiguration.sinks`.
    public nonisolated func requestCounter(server: String, entryPointInfo: [EntryPointID: MonitorConfiguration.EntryPointInfo]) -> RequestCounter {
        RequestCounter(registry: registry, server: server, entryPointInfo: entryPointInfo)
    }

    /// Keeps `snapshot` as the newest picture of `server`.
    public func update(_ snapshot: MonitorSnapshot, server: String) {
        if snapshots[server] == nil { servers.append(server) }
        snapshots[server] = snapshot
    }

    /// Keeps every snapshot of `stream` as the newest picture of `server` until it finishes.
    public func follow(_ stream: AsyncStream<MonitorSnapshot>, server: String) async {
        for await snapshot in stream { update(snapshot, server: server) }
    }

    /// The Prometheus text exposition as of `now`.
    public func exposition(at now: Date = Date()) -> [UInt8] {
        for server in servers {
            guard let snapshot = snapshots[server] else { continue }
            let serverLabels = [("server", server)]
            registry.makeGauge(descriptor: ExportedMetric.up.descriptor, labels: serverLabels)
                .set(snapshot.isServerReachable == true ? 1.0 : 0.0)
            registry.makeGauge(descriptor: ExportedMetric.pollInterval.descriptor, labels: serverLabels)
                .set(snapshot.effectiveInterval.inSeconds)
            registry.makeGauge(descriptor: ExportedMetric.serverBackoff.descriptor, labels: serverLabels)
                .set(snapshot.serverHold.map { max(0, $0.until.timeIntervalSince(now)) } ?? 0)
            for entryPoint in snapshot.entryPoints { setGauges(of: entryPoint, server: server, now: now) }
        }
        return registry.emitToBuffer()
    }

    private func setGauges(of entryPoint: EntryPointSnapshot, server: String, now: Date) {
        let labels = Self.entryPointLabels(server: server, id: entryPoint.id, label: entryPoint.label, group: entryPoint.group)
        func set(_ metric: ExportedMetric, _ value: Double?) {
            guard let value else { return }
            registry.makeGauge(descriptor: metric.descriptor, labels: labels).set(value)
        }
        set(.queueDepth, entryPoint.sessionStatus.map { Double($0.queueDepth) })
        set(.waitTime, entryPoint.sessionStatus?.waitTimeSeconds)
        set(.freeSlots, entryPoint.freeSlots.map(Double.init))
        set(.agentAvailable, entryPoint.agentAvailable.map { $0 ? 1 : 0 })
        set(.chatAllowed, entryPoint.chatAllowed.map { $0.allowed ? 1 : 0 })
        set(.eligibility, entryPoint.eligibility.map { Double($0.code) })
        set(.dataAge, entryPoint.newestDataAt.map { max(0, now.timeIntervalSince($0)) })
        if let chatAllowed = entryPoint.chatAllowed {
            setReason(Self.reasonLabel(chatAllowed), labels: labels, key: ReasonKey(server: server, entryPoint: entryPoint.id))
        }
    }

    /// One series per standing reason plus the current one; a verbatim unknown reason's
    /// series goes away once the server stops giving it.
    private func setReason(_ current: String, labels: [(String, String)], key: ReasonKey) {
        var series = reasonSeries[key] ?? [:]
        let wanted = Set(Self.standingReasons + [current])
        for (reason, gauge) in series where !wanted.contains(reason) {
            registry.unregisterGauge(gauge)
            series[reason] = nil
        }
        for reason in wanted {
            let gauge = series[reason] ?? registry.makeGauge(descriptor: ExportedMetric.chatAllowedReason.descriptor,
                                                            labels: labels + [("reason", reason)])
            series[reason] = gauge
            gauge.set(reason == current ? 1.0 : 0.0)
        }
        reasonSeries[key] = series
    }

    static func reasonLabel(_ chatAllowed: ChatAllowed) -> String {
        if chatAllowed.allowed { return "allowed" }
        return chatAllowed.reason?.rawValue ?? "not_allowed"
    }

    static func entryPointLabels(server: String, id: EntryPointID, label: String?, group: String?) -> [(String, String)] {
        [("server", server), ("entry_point", id.description), ("label", label ?? ""), ("group", group ?? "")]
    }

    /// `connectionRefused` → `connection_refused`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
