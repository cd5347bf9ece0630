import ECEChat
import ECESimulator
import Foundation
import NIOHTTP1
import Testing

/// `ecetop export` run as a built binary against the simulator, scraped with async-http-client.
@Suite("ecetop export, as a built binary", .timeLimit(.minutes(5)))
struct ExportCommandTests {
    /// A running `ecetop export` and the URL its ready line names.
    struct Exporter {
        let process: Process
        let metricsURL: String
        let readyLine: String
        /// Standard error as read so far, drained all along so the log never fills the pipe.
        let standardError: Task<String, Never>

        static func start(_ arguments: [String]) async throws -> Exporter {
            let (process, output, error) = try BuiltBinary.start(["export", "--listen", "127.0.0.1:0"] + arguments)
            let reader = output.fileHandleForReading
            let errorReader = error.fileHandleForReading
            let standardError = Task {
                let data = (try? await onOwnThread { errorReader.readDataToEndOfFile() }) ?? Data()
                return String(decoding: data, as: UTF8.self)
            }
            // An exporter that never prints its ready line is killed, which ends the read below.
            let watchdog = Task {
                try await Task.sleep(for: .seconds(30))
                process.terminate()
            }
            defer { watchdog.cancel() }
            // Blocking reads on a thread of their own, never on the pool the simulator answers on.
            let line = try await onOwnThread { () -> String in
                var bytes: [UInt8] = []
                while true {
                    let byte = reader.readData(ofLength: 1)
                    guard let first = byte.first, first != UInt8(ascii: "\n") else { break }
                    bytes.append(first)
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
                process.terminate()
                throw NotReady(line: line, standardError: await standardError.value)
            }
            return Exporter(process: process, metricsURL: String(url), readyLine: line, standardError: standardError)
        }

        /// SIGINT, as a service manager or ^C sends, then the exit status.
        func interrupt() async throws -> Int32 {
            process.interrupt()
            if try await BuiltBinary.waitForExit(process, timeout: .seconds(20)) {
                throw BuiltBinary.Hung(arguments: ["export", "(after SIGINT)"], timeout: .seconds(20),
                                       result: .init(status: process.terminationStatus, standardOutput: "", standardError: await standardError.value))
            }
            return process.terminationStatus
        }
    }

    struct NotReady: Error, CustomStringConvertible {
        var line: String
        var standardError: String
        var description: String { "ecetop export did not print its ready line; got \"\(line)\", standard error: \(standardError)" }
    }

    @Test func servesMetricsThatFollowTheSimulatorAndStopsOnSIGINT() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.mixed, "1000-1003")
        let exporter: Exporter
        do {
            exporter = try await Exporter.start(["--server", simulator.baseURL, "--interval", "0.5", "--max-rate", "0", "1000-1003"])
        } catch {
            await simulator.stop()
            throw error
        }
        do {
            #expect(exporter.readyLine.hasSuffix("for 4 entry points on \(simulator.server.authority)"))
            try await MetricsScraper.with { scraper in
                let text = try await scraper.scrape(exporter.metricsURL, until: { $0.samples("ece_queue_depth").count == 4 }, what: "four queue depths")
                for id in Int64(1000)...1003 {
                    let status = try #require(await simulator.status(of: EntryPointID(id)!))
                    #expect(text.value("ece_queue_depth", ["entry_point": String(id), "server": simulator.server.authority]) == Double(status.queueDepth))
                }
                #expect(text.value("ece_up", ["server": simulator.server.authority]) == 1)
                // State changed through the simulator's own /sim control route.
                let changed = try await scraper.request("\(simulator.baseURL)/sim/entrypoints/1000?depth=3", method: .POST)
                #expect(changed.status == 200)
                try await scraper.scrape(exporter.metricsURL, until: { $0.value("ece_queue_depth", ["entry_point": "1000"]) == 3 }, what: "queue depth 3")
            }
            #expect(try await exporter.interrupt() == 0)
        } catch {
            exporter.process.terminate()
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    /// export shares watch's polling flags; their help must hold for a run without a screen.
    @Test func helpSpeaksOfNoScreen() async throws {
        let result = try await BuiltBinary.run(["export", "--help"])
        #expect(result.status == 0)
        let help = result.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(!help.contains("while the screen is up"), "\(help)")
        #expect(!help.contains("changeable live"), "\(help)")
        #expect(help.contains("export standard error"), "\(help)")
    }

    @Test func badListenAddressIsAUsageError() async throws {
        let result = try await BuiltBinary.run(["export", "--listen", "9464", "--server", "http://127.0.0.1:1", "1000"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--listen: listen address \"9464\": no port"))
    }

    @Test func busyPortIsAOneLineError() async throws {
        // The simulator holds the port, so nobody else can take it meanwhile.
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000")
        let result = try await BuiltBinary.run(["export", "--listen", "127.0.0.1:\(simulator.port)", "--server", simulator.baseURL, "1000"])
        await simulator.stop()
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("ecetop:") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("cannot serve metrics on 127.0.0.1:\(simulator.port)") == true, "\(result.standardError)")
    }
}
