import ECEChat
import ECESimulator
import Foundation
import Testing

/// Two simulators as two sites of one config file; the second drops every connection (down).
@Suite("Several sites end to end", .serialized, .timeLimit(.minutes(5)))
struct SitesEndToEndTests {
    /// Two running simulators and a config file naming them london (up) and paris (down).
    struct TwoSites {
        let london: RunningSimulator
        let paris: RunningSimulator
        let configPath: String

        static func start() async throws -> TwoSites {
            let london = try await CheckCommandTests.startSimulator(.calm, "1000-1001")
            let paris = try await CheckCommandTests.startSimulator(.calm, "1000-1002")
            var drop = FaultSettings()
            drop.dropRate = 1
            await paris.setFaults(drop)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-sites-\(UUID().uuidString).toml").path
            let text = """
                interval = 1
                timeout = 2

                [[sites]]
                name = "london"
                server = "\(london.baseURL)"
                max-rate = 0

                [[sites]]
                name = "paris"
                server = "\(paris.baseURL)"

                [[entry-points]]
                site = "london"
                ids = "1000-1001"
                group = "Sales"

                [[entry-points]]
                site = "paris"
                ids = "1000-1002"

                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return TwoSites(london: london, paris: paris, configPath: path)
        }

        func stop() async {
            try? FileManager.default.removeItem(atPath: configPath)
            await london.stop()
            await paris.stop()
        }
    }

    @Test func checkReportsEachSiteAndOnlyTheDownOneAsUnreachable() async throws {
        let sites = try await TwoSites.start()
        do {
            let table = try await BuiltBinary.run(["check", "--config", sites.configPath])
            #expect(table.standardOutput.contains("site london: server \(sites.london.server.description)\n"), "\(table.standardOutput)")
            #expect(table.standardOutput.contains("site paris: server \(sites.paris.server.description) (unreachable)\n"))
            #expect(table.status == 3)
            let json = try await BuiltBinary.run(["check", "--json", "--config", sites.configPath])
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
            #expect(objects.map { $0["site"] as? String } == ["london", "london", "paris", "paris", "paris"])
            #expect(objects.prefix(2).allSatisfy { ($0["errors"] as? [String: String])?.isEmpty == true })
            #expect(objects.suffix(3).allSatisfy { ($0["errors"] as? [String: String])?.count == 5 })
            // IDs on the command line would be ambiguous between sites.
            let ids = try await BuiltBinary.run(["check", "--config", sites.configPath, "1000"])
            #expect(ids.status == 64)
            #expect(ids.standardError.contains("ID arguments need --server"))
        } catch {
            await sites.stop()
            throw error
        }
        await sites.stop()
    }

    @Test func exportServesBothSitesWithTheirOwnUp() async throws {
        let sites = try await TwoSites.start()
        let exporter: ExportCommandTests.Exporter
        do {
            exporter = try await ExportCommandTests.Exporter.start(["--config", sites.configPath])
        } catch {
            await sites.stop()
            throw error
        }
        do {
            #expect(exporter.readyLine.hasSuffix("for 5 entry points on london, paris"))
            try await MetricsScraper.with { scraper in
                let text = try await scraper.scrape(exporter.metricsURL, until: { text in
                    text.value("ece_up", ["server": "london"]) == 1 && text.samples("ece_queue_depth", ["server": "london"]).count == 2
                        && !text.samples("ece_api_errors_total", ["server": "paris"]).isEmpty
                }, what: "both sites polled")
                #expect(text.value("ece_up", ["server": "paris"]) == 0)
                #expect(text.samples("ece_queue_depth", ["server": "paris"]).isEmpty)
                #expect(text.samples("ece_queue_depth", ["server": "london"]).allSatisfy { $0.labels["group"] == "Sales" })
                #expect(text.samples("ece_api_errors_total", ["server": "london", "kind": "http_status"]).isEmpty)
                #expect(text.samples("ece_api_errors_total", ["server": "paris", "kind": "http_status"]).isEmpty)
            }
            #expect(try await exporter.interrupt() == 0)
        } catch {
            exporter.process.terminate()
            await sites.stop()
            throw error
        }
        await sites.stop()
    }

    @Test func dashboardGroupsBySiteAndMarksTheDownOne() async throws {
        let sites = try await TwoSites.start()
        let tmux = try await TmuxSession()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-sites-\(UUID().uuidString).log").path
        do {
            let binary = try BuiltBinary.url.path
            try await tmux.type("\(binary) watch --config \(sites.configPath) --log \(log) --metrics-listen 127.0.0.1:0")
            let pane = try await tmux.waitFor("both sites' headings") { pane in
                pane.contains("london · Sales") && pane.contains("paris (unreachable)")
            }
            #expect(pane.contains("london, paris (unreachable)"))
            // The dashboard serves the same metrics while it runs; the log says where.
            let logged = try String(contentsOfFile: log, encoding: .utf8)
            let url = try #require(logged.split(separator: "\n").first { $0.hasPrefix("ecetop watch serving ") }.map { String($0.dropFirst("ecetop watch serving ".count)) })
            try await MetricsScraper.with { scraper in
                try await scraper.scrape(url, until: { $0.value("ece_up", ["server": "london"]) == 1 && $0.value("ece_up", ["server": "paris"]) == 0 },
                                         what: "ece_up of both sites")
            }
            try await tmux.send("q")
            try await tmux.waitForShellPrompt()
        } catch {
            tmux.kill()
            try? FileManager.default.removeItem(atPath: log)
            await sites.stop()
            throw error
        }
        tmux.kill()
        try? FileManager.default.removeItem(atPath: log)
        await sites.stop()
    }
}
