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

    @Test(arguments: ["alert-rules.yml", "alert-rules.test.yml", "recording-rules.yml", "recording-rules.test.yml", "grafana-dashboard.json"])
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

    /// The recording rules load and give the availability their tests expect, in promtool
    /// (Debian's `prometheus` package; .ci/run installs it).
    @Test(.timeLimit(.minutes(1)), arguments: [["check", "rules", "recording-rules.yml", "alert-rules.yml"],
                                              ["test", "rules", "recording-rules.test.yml", "alert-rules.test.yml"]])
    func promtoolAcceptsTheRules(arguments: [String]) async throws {
        let promtool = try #require(["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                    "promtool is not installed (apt-get install prometheus)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.docs(""))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "promtool \(arguments.joined(separator: " ")):\n\(text)")
        #expect(text.contains("SUCCESS"))
    }

    @Test func theGrafanaDashboardShowsTheAvailabilityRecordingRule() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.docs("grafana-dashboard.json")))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let rules = try String(contentsOfFile: Self.docs("recording-rules.yml"), encoding: .utf8)
        let availability = panels.filter { panel in
            (panel["targets"] as? [[String: Any]] ?? []).contains { ($0["expr"] as? String)?.hasPrefix("entry_point:ece_chat_allowed:avg_over_time_1h{") == true }
        }
        #expect(availability.count == 1)
        #expect(rules.contains("- record: entry_point:ece_chat_allowed:avg_over_time_1h\n        expr: avg_over_time(ece_chat_allowed[1h])"))
        #expect(((availability.first?["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any])?["unit"] as? String == "percentunit")
    }
}
