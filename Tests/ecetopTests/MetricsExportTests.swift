import ECEChat
import ECEMetrics
import ECEMonitor
import ECESimulator
import Foundation
import Testing

/// `/metrics` scraped with async-http-client while a monitor polls the real simulator.
@Suite("Prometheus export, in process", .timeLimit(.minutes(5)))
struct MetricsExportTests {
    /// A simulator, a monitor of it wired to an exporter, and the exporter's HTTP server.
    struct Rig {
        let simulator: RunningSimulator
        let client: ChatAPIClient
        let site: SiteMonitor
        let server: RunningMetricsServer
        let runner: Task<Void, Never>

        static func start(_ preset: ScenarioPreset, _ range: ClosedRange<Int64>, extra: [EntryPointID] = [],
                          info: [EntryPointID: MonitorConfiguration.EntryPointInfo] = [:],
                          interval: Duration = .milliseconds(500)) async throws -> Rig {
            var simulatorConfiguration = SimulatorConfiguration()
            simulatorConfiguration.scenario = .preset(preset)
            let simulated = range.map { EntryPointID($0)! }
            simulatorConfiguration.entryPoints = simulated
            simulatorConfiguration.speed = 0
            simulatorConfiguration.logLevel = .error
            let simulator = try await ECESimulatorServer.start(simulatorConfiguration)
            var clientConfiguration = ChatAPIClient.Configuration()
            clientConfiguration.requestTimeout = .seconds(2)
            let client = try ChatAPIClient(server: simulator.server, configuration: clientConfiguration)
            var configuration = MonitorConfiguration()
            configuration.interval = interval
            configuration.budget = .init(ratePerSecond: 0, burst: 0)
            configuration.entryPointInfo = info
            let exporter = MetricsExporter()
            let site = SiteMonitor(client: client, entryPoints: simulated + extra,
                                   configuration: configuration, exporter: exporter)
            let server: RunningMetricsServer
            do {
                server = try await MetricsServer.start(exporter, configuration: .init(address: ListenAddress(host: "127.0.0.1", port: 0)))
            } catch {
                try? await client.shutdown()
                await simulator.stop()
                throw error
            }
            return Rig(simulator: simulator, client: client, site: site, server: server, runner: Task { await site.run() })
        }

        func shutdown() async {
            runner.cancel()
            await runner.value
            await server.stop()
            try? await client.shutdown()
            await simulator.stop()
        }

        /// Runs `body` with a scraper, shutting everything down on every path.
        func run(_ body: (MetricsScraper) async throws -> Void) async throws {
            do {
                try await MetricsScraper.with(body)
                await shutdown()
            } catch {
                await shutdown()
                throw error
            }
        }
    }

    static func entry(_ id: Int64) -> [String: String] { ["entry_point": String(id)] }

    @Test func everySeriesIsServedAndMatchesTheSimulator() async throws {
        let sales = EntryPointID(1000)!
        let rig = try await Rig.start(.mixed, 1000...1006, extra: [EntryPointID(4242)!],
                                      info: [sales: .init(label: "Sales \"EU\"", group: "EMEA")])
        try await rig.run { scraper in
            let url = rig.server.metricsURL
            let text = try await scraper.scrape(url, until: { text in
                text.samples("ece_chat_allowed").count == 8 && text.samples("ece_queue_depth").count == 7
                    && text.samples("ece_eligibility_code").count == 7 && text.samples("ece_free_slots").count == 7
                    && text.samples("ece_agent_available").count == 7
            }, what: "every entry point's values")

            for metric in ExportedMetric.allCases {
                let expectedType = metric == .requestDuration ? "histogram" : metric.name.hasSuffix("_total") ? "counter" : "gauge"
                #expect(text.types[metric.name] == expectedType, "\(metric.name)")
                let names = metric == .requestDuration ? ["\(metric.name)_bucket", "\(metric.name)_sum", "\(metric.name)_count"] : [metric.name]
                for name in names { #expect(!text.samples(name).isEmpty, "no samples of \(name)") }
            }
            let server = rig.simulator.server.authority
            #expect(text.value("ece_up", ["server": server]) == 1)
            #expect(text.value("ece_poll_interval_seconds", ["server": server]) == 0.5)

            for id in Int64(1000)...1006 {
                let status = try #require(await rig.simulator.status(of: EntryPointID(id)!))
                let labels = Self.entry(id).merging(["server": server]) { $1 }
                #expect(text.value("ece_queue_depth", labels) == Double(status.queueDepth), "\(id)")
                #expect(abs((text.value("ece_wait_time_seconds", labels) ?? -1) - status.waitTime) < 1, "\(id)")
                #expect(text.value("ece_free_slots", labels) == Double(status.capacity), "\(id)")
                #expect(text.value("ece_agent_available", labels) == (status.agentAvailable ? 1 : 0), "\(id)")
                #expect(text.value("ece_eligibility_code", labels) == Double(status.eligibility.code), "\(id)")
                let age = try #require(text.value("ece_data_age_seconds", labels))
                #expect(age >= 0 && age < 30)
                // Exactly one reason is 1, and the standing reasons all have a series.
                let reasons = text.samples("ece_chat_allowed_reason", labels)
                #expect(reasons.filter { $0.value == 1 }.count == 1, "\(id)")
                #expect(Set(reasons.map { $0.labels["reason"] ?? "" }).isSuperset(of: MetricsExporter.standingReasons))
            }
            let expectedReasons: [Int64: String] = [1000: "allowed", 1001: "entry_point_inactive", 1002: "service_not_running",
                                                    1003: "queue_depth_reached", 1004: "agent_not_available", 1005: "other",
                                                    4242: "invalid_entry_point"]
            for (id, reason) in expectedReasons {
                #expect(text.value("ece_chat_allowed_reason", Self.entry(id).merging(["reason": reason]) { $1 }) == 1, "\(id) \(reason)")
            }
            #expect(text.value("ece_chat_allowed", Self.entry(1000)) == 1)
            #expect(text.value("ece_chat_allowed", Self.entry(1003)) == 0)

            // Labels from the config, escaped on the wire and read back verbatim.
            let labelled = text.samples("ece_queue_depth", Self.entry(1000))
            #expect(labelled.first?.labels["label"] == "Sales \"EU\"")
            #expect(labelled.first?.labels["group"] == "EMEA")
            #expect(text.samples("ece_queue_depth", Self.entry(1001)).first?.labels["label"] == "")

            // Not in the simulator: its capacity call answers 500, counted by kind.
            let errors = try #require(text.value("ece_api_errors_total", Self.entry(4242).merging(["call": "capacity", "kind": "http_status"]) { $1 }))
            #expect(errors >= 1)
            // (A slow machine may time a request out, so only answers are ruled out here.)
            #expect(text.samples("ece_api_errors_total", Self.entry(1000).merging(["kind": "http_status"]) { $1 }).isEmpty)
            // Every request is both counted and timed. A scrape is not a snapshot: a poll landing
            // while the text is written can show in a metric written later and not in one
            // written earlier, so read until one scrape agrees (it never would if a request
            // went untimed).
            func timedAsCounted(_ text: PrometheusText) -> Bool {
                ChatAPICall.allCases.allSatisfy { call in
                    let requests = text.samples("ece_api_requests_total", ["call": call.rawValue]).reduce(0) { $0 + $1.value }
                    let labels = ["server": server, "call": call.rawValue]
                    return requests > 0 && text.value("ece_api_request_duration_seconds_count", labels) == requests
                        && text.value("ece_api_request_duration_seconds_bucket", labels.merging(["le": "+Inf"]) { $1 }) == requests
                }
            }
            let agreeing = try await scraper.scrape(url, until: timedAsCounted, what: "a scrape where every request is counted and timed")
            // Latency is per server and call: no entry point label, one series set per call.
            let counts = agreeing.samples("ece_api_request_duration_seconds_count")
            #expect(counts.count == ChatAPICall.allCases.count)
            #expect(counts.allSatisfy { $0.labels["entry_point"] == nil && $0.labels["server"] == server })
            #expect(agreeing.value("ece_server_backoff_seconds", ["server": server]) == 0)
        }
    }

    /// `ece_server_backoff_seconds` counts down to the time a 429/503 gave, per server.
    @Test func backoffGaugeCountsDownToTheResumeTime() async throws {
        let exporter = MetricsExporter()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var held = MonitorSnapshot(server: "held")
        held.serverHold = ServerHold.Hold(until: now.addingTimeInterval(42), status: 429)
        await exporter.update(held, server: "held:443")
        await exporter.update(MonitorSnapshot(server: "free"), server: "free:443")
        let text = try PrometheusText(parsing: String(decoding: await exporter.exposition(at: now), as: UTF8.self))
        #expect(text.value("ece_server_backoff_seconds", ["server": "held:443"]) == 42)
        #expect(text.value("ece_server_backoff_seconds", ["server": "free:443"]) == 0)
        let later = try PrometheusText(parsing: String(decoding: await exporter.exposition(at: now.addingTimeInterval(50)), as: UTF8.self))
        #expect(later.value("ece_server_backoff_seconds", ["server": "held:443"]) == 0)
    }

    /// A thousand entry points stay within 25,000 series, and promtool accepts the text.
    @Test func aThousandEntryPointsStayWithinTheSeriesBudgetAndPassPromtool() async throws {
        // The first round spreads its polls over the interval: 5,000 requests in 10 s is what a
        // debug build on a shared machine keeps up with while the page is fetched.
        let rig = try await Rig.start(.calm, 1000...1999, interval: .seconds(10))
        try await rig.run { scraper in
            // Every entry point polled is one ece_queue_depth series; the page is only parsed at the end.
            let raw = try await scraper.fetch(rig.server.metricsURL, every: .seconds(1), within: .seconds(150), until: { body in
                body.split(separator: "\n").count { $0.hasPrefix("ece_queue_depth{") } == 1000
            }, what: "all thousand entry points polled")
            let text = try PrometheusText(parsing: raw)
            let polled = Set(text.samples("ece_queue_depth").compactMap { $0.labels["entry_point"] })
            #expect(polled == Set((1000...1999).map(String.init)))
            // And at the server: every entry point's round reached it.
            #expect(await rig.simulator.requestCounts().count(ChatAPICall.liveSessionStatus.rawValue) >= 1000)
            let series = raw.split(separator: "\n").count { !$0.hasPrefix("#") && !$0.isEmpty }
            #expect(series <= 25_000, "\(series) series")
            #expect(text.samples("ece_api_request_duration_seconds_bucket").count == ChatAPICall.allCases.count * 12)
            let promtool = try await Promtool.checkMetrics(raw)
            #expect(promtool.status == 0, "promtool: \(promtool.output)")
        }
    }

    @Test func seriesFollowTheSimulatorsStateAndServerDown() async throws {
        let rig = try await Rig.start(.calm, 1000...1002)
        try await rig.run { scraper in
            let url = rig.server.metricsURL
            let first = try await scraper.scrape(url, until: { $0.samples("ece_chat_allowed").count == 3 }, what: "first answers")
            #expect(first.value("ece_chat_allowed_reason", Self.entry(1000).merging(["reason": "allowed"]) { $1 }) == 1)

            await rig.simulator.setQueueDepth(EntryPointID(1001)!, 4)
            try await scraper.scrape(url, until: { $0.value("ece_queue_depth", Self.entry(1001)) == 4 }, what: "queue depth 4")

            await rig.simulator.stopAssignmentService()
            let stopped = try await scraper.scrape(url, until: { text in
                (1000...1002).allSatisfy { text.value("ece_chat_allowed_reason", Self.entry($0).merging(["reason": "service_not_running"]) { $1 }) == 1 }
            }, what: "service_not_running everywhere")
            #expect(stopped.value("ece_chat_allowed_reason", Self.entry(1000).merging(["reason": "allowed"]) { $1 }) == 0)
            #expect(stopped.value("ece_chat_allowed", Self.entry(1000)) == 0)
            #expect(stopped.value("ece_up") == 1)

            // The server goes away: ece_up drops to 0, connection failures are counted (refused
            // once it is gone; reset or cancelled for requests caught by the stop).
            await rig.simulator.stop()
            let down = try await scraper.scrape(url, until: { $0.value("ece_up") == 0 }, what: "ece_up 0")
            let unanswered = ["connection_refused", "connection_reset", "connection_failed", "timeout", "cancelled"]
            let failures = down.samples("ece_api_errors_total").filter { unanswered.contains($0.labels["kind"] ?? "") }
            #expect(failures.map(\.value).reduce(0, +) >= 1, "\(down.samples("ece_api_errors_total").map(\.labels))")
        }
    }

    @Test func rootAndContentType() async throws {
        let rig = try await Rig.start(.calm, 1000...1000)
        try await rig.run { scraper in
            let metrics = try await scraper.request(rig.server.metricsURL)
            #expect(metrics.status == 200)
            #expect(metrics.contentType == MetricsServer.contentType)
            let root = try await scraper.request(rig.server.metricsURL.replacingOccurrences(of: "/metrics", with: "/"))
            #expect(root.body.contains("/metrics"))
        }
    }

    @Test(arguments: [
        ("127.0.0.1:9464", "127.0.0.1", 9464), ("[::1]:0", "::1", 0), ("0.0.0.0:80", "0.0.0.0", 80), ("localhost:9100", "localhost", 9100),
    ])
    func listenAddressesParse(text: String, host: String, port: Int) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
    }

    @Test(arguments: ["9464", ":9464", "::1:9464", "host:99999", "host:x"])
    func badListenAddressesAreRefused(text: String) {
        #expect(throws: ListenAddress.ParseError.self) { try ListenAddress(parsing: text) }
    }
}
