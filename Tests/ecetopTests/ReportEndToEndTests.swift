import ECEChat
import ECESimulator
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `ecetop export --record` against the simulator, then `ecetop report` of that file in every
/// format, through the built binary.
@Suite("Report end to end", .serialized, .timeLimit(.minutes(3)))
struct ReportEndToEndTests {
    /// Records the `mixed` preset (every reason, by position) for a few polls of each entry point.
    static func record() async throws -> String {
        let simulator = try await CheckCommandTests.startSimulator(.mixed, "1000-1006")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-report-\(UUID().uuidString).jsonl").path
        let (process, _, _) = try BuiltBinary.start(["export", "--listen", "127.0.0.1:0", "--server", simulator.baseURL, "--interval", "1",
                                                     "--record", path, "1000-1006"])
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            Task { await simulator.stop() }
        }
        // The header and three rounds of every entry point.
        _ = try await ReplayEndToEndTests.waitForLines(path, 1 + 3 * 7)
        process.interrupt()
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return path
    }

    @Test func everyFormatReportsTheRecordingAndNamesADamagedLine() async throws {
        let path = try await Self.record()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let goodLines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        let damaged = FileHandle(forWritingAtPath: path)!
        damaged.seekToEndOfFile()
        damaged.write(Data("{\"time\":\"cut short\n".utf8))
        try damaged.close()

        let text = try await BuiltBinary.run(["report", path], environment: ["TZ": "UTC"])
        #expect(text.status == 0, "stderr: \(text.standardError)")
        #expect(text.standardError == "ecetop report: \(path):\(goodLines + 1): not valid JSON (line skipped)\n")
        #expect(text.standardOutput.contains("skipped lines: 1"))
        let rows = text.standardOutput.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("ENTRY POINT") && $0.contains("AVAIL") && $0.contains("INCIDENTS") })
        #expect(rows.contains { $0.contains("1003 Queue full") || $0.hasPrefix("1003") })
        #expect(text.standardOutput.contains("queue_depth_reached"))

        let json = try await BuiltBinary.run(["report", "--format", "json", path])
        #expect(json.status == 0, "stderr: \(json.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["skippedLines"] as? Int == 1)
        let entries = try #require(object["entryPoints"] as? [[String: Any]])
        #expect(entries.compactMap { ($0["id"] as? NSNumber)?.int64Value } == Array(1000...1006))
        let byID = Dictionary(uniqueKeysWithValues: entries.map { (($0["id"] as! NSNumber).int64Value, $0) })
        // 1000 is allowed throughout, 1003 full throughout, 1001 inactive throughout: from its
        // first answer on, all of the window; before it, unknown (how long depends on how busy
        // the machine was when the recording started).
        func share(_ id: Int64, _ reason: String) -> Double {
            reason == "allowed" ? byID[id]?["availability"] as? Double ?? 0 : (byID[id]?["reasons"] as? [String: Double])?[reason] ?? 0
        }
        for (id, reason) in [(Int64(1000), "allowed"), (1003, "queue_depth_reached"), (1001, "entry_point_inactive")] {
            let unknown = byID[id]?["unknown"] as? Double ?? 1
            #expect(share(id, reason) > 0 && abs(share(id, reason) + unknown - 1) < 0.001, "\(id): \(byID[id] ?? [:])")
        }
        let incidents = try #require(byID[1003]?["incidents"] as? [[String: Any]])
        #expect(incidents.count == 1 && incidents.first?["reason"] as? String == "queue_depth_reached")

        let csv = try await BuiltBinary.run(["report", "--format", "csv", "--entry-points", "1002-1003", path])
        #expect(csv.status == 0)
        let csvLines = csv.standardOutput.split(separator: "\n")
        #expect(csvLines.count == 3)
        #expect(csvLines.dropFirst().map { $0.split(separator: ",")[1] } == ["1002", "1003"])

        let html = try await BuiltBinary.run(["report", "--format", "html", path])
        #expect(html.status == 0)
        let parser = XMLParser(data: Data(html.standardOutput.utf8))
        #expect(parser.parse(), "HTML is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(html.standardOutput.contains("<svg") && !html.standardOutput.contains("<script"))
    }

    @Test func aWindowOutsideTheRecordingAndBadArgumentsAreClearErrors() async throws {
        let notRecording = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-notrec-\(UUID().uuidString).jsonl").path
        try "{\"hello\":1}\n".write(toFile: notRecording, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: notRecording) }
        let result = try await BuiltBinary.run(["report", notRecording])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("ecetop: \(notRecording):1: not an ecetop recording"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)

        let badTime = try await BuiltBinary.run(["report", "--from", "25:00", notRecording])
        #expect(badTime.status != 0)
        #expect(badTime.standardError.contains("--from \"25:00\" is neither a time of day"))
        let missing = try await BuiltBinary.run(["report", "/nonexistent/recording.jsonl"])
        #expect(missing.standardError == "ecetop: /nonexistent/recording.jsonl: cannot read: no such file\n")
    }
}
