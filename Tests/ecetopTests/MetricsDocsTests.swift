import ECEMetrics
import Foundation
import Testing

/// The shipped Prometheus and Grafana files name only metrics the exporter serves.
@Suite("Prometheus docs")
struct MetricsDocsTests {
    static func docs(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/\(name)").standardized.path
    }

    /// Every `ece_…` name in `text`.
    static func metricNames(in text: String) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: "\\bece_[a-z_]+")
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    static let served: Set<String> = Set(ExportedMetric.allCases.flatMap { metric in
        metric == .requestDuration ? ["\(metric.name)_bucket", "\(metric.name)_sum", "\(metric.name)_count"] : [metric.name]
    })

    @Test(arguments: ["alert-rules.yml", "alert-rules.test.yml", "grafana-dashboard.json"])
    func everyMetricNamedIsServed(file: String) throws {
        let text = try String(contentsOfFile: Self.docs(file), encoding: .utf8)
        let named = try Self.metricNames(in: text)
        #expect(!named.isEmpty)
        #expect(named.subtracting(Self.served).isEmpty, "\(file) names metrics ecetop does not serve: \(named.subtracting(Self.served).sorted())")
    }

    @Test func theGrafanaDashboardIsJSONWithPanelsOnTheMetrics() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.docs("grafana-dashboard.json")))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        #expect(panels.count >= 10)
        let expressions = panels.flatMap { ($0["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String } }
        let used = try Self.metricNames(in: expressions.joined(separator: "\n"))
        for metric in [ExportedMetric.up, .queueDepth, .waitTime, .freeSlots, .chatAllowedReason] { #expect(used.contains(metric.name)) }
    }
}
