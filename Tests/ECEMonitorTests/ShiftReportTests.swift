import ECEChat
@testable import ECEMonitor
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `ecetop report`'s figures from hand-written recordings: the streaming reader, the builder
/// and every format.
@Suite("Shift report")
struct ShiftReportTests {
    static func report(_ files: [String], _ configuration: ShiftReportBuilder.Configuration = .init()) throws -> (ShiftReport, [String]) {
        var stream = RecordingStream(files: files)
        var builder = ShiftReportBuilder(configuration)
        var damaged: [String] = []
        while let item = try stream.next(skipped: { damaged.append($0.description) }) { builder.take(item) }
        return (builder.finish(skippedLines: stream.skippedLines), damaged)
    }

    static func time(_ text: String) -> Date { RecordingTime.date("2026-11-26T10:00:\(text)Z")! }

    @Test func storyGivesTimeInEachStateIncidentsAndPeaks() throws {
        let path = try RecordingFixture.write(RecordingFixture.story)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (report, damaged) = try Self.report([path])
        #expect(damaged.isEmpty)
        #expect(report.from == Self.time("00.000"))
        #expect(report.to == Self.time("10.000"))
        #expect(report.entryPoints.map(\.id.rawValue) == [1000, 1001])
        let sales = report.entryPoints[0]
        // Unknown until the first answer at 0.5 s; each answer holds until the next.
        #expect(sales.breakdown.seconds == [.unknown: 0.5, .allowed: 3.5, .refused("queue_depth_reached"): 4, .refused("brand_new_reason"): 2])
        #expect(sales.incidents == [.init(start: Self.time("04.000"), end: Self.time("08.000"), reason: "queue_depth_reached")])
        #expect(sales.deepestQueue == .init(value: 9, time: Self.time("04.000")))
        #expect(sales.gaps.map(\.seconds) == [0.5])
        // 1001 answered once at 2 s: that answer stands two intervals (4 s), then nothing is known.
        let other = report.entryPoints[1]
        #expect(other.breakdown.seconds == [.unknown: 6, .allowed: 4])
        #expect(other.gaps.map(\.seconds) == [2, 4])
    }

    @Test func damagedLinesAreNamedSkippedAndCounted() throws {
        var lines = RecordingFixture.story
        lines.insert(#"{"time":"2026-11-26T10:00:03.000Z","server":"x","entryPoint":1000,"interval":2,"calls":[{"#, at: 3)
        lines.insert("not json at all", at: 5)
        // A line cut by a crash: the last, with no newline after it.
        let path = try RecordingFixture.write(lines)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"time":"2026-11-26T10:00:11.000Z","server":"x","entryPo"#.utf8))
        try handle.close()
        let (report, damaged) = try Self.report([path])
        #expect(report.skippedLines == 3)
        #expect(damaged.count == 3)
        #expect(damaged[0].hasPrefix("\(path):4: "))
        #expect(damaged[1] == "\(path):6: not valid JSON")
        #expect(damaged[2].hasPrefix("\(path):9: "))
        // What the good lines say is unchanged.
        #expect(report.entryPoints[0].breakdown.seconds[.refused("queue_depth_reached")] == 4)
        #expect(report.json.contains(#""skippedLines":3"#))
    }

    @Test func aFileThatIsNotARecordingIsOneError() throws {
        let path = try RecordingFixture.write([#"{"hello":"world"}"#, RecordingFixture.poll("01.000", 1000)])
        let empty = try RecordingFixture.write([])
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: RecordingError.self) { try Self.report([path]) }
        do {
            _ = try Self.report([path])
        } catch let error as RecordingError {
            #expect(error.description.hasPrefix("\(path):1: not an ecetop recording"))
        }
        do {
            _ = try Self.report([empty])
            Issue.record("an empty file was read as a recording")
        } catch let error as RecordingError {
            #expect(error.description == "\(empty):1: empty file, not an ecetop recording")
        }
    }

    @Test func rotatedFilesReadAsOne() throws {
        let story = RecordingFixture.story
        let whole = try RecordingFixture.write(story)
        let older = try RecordingFixture.write(Array(story[0...3]))
        // The newer file starts with the header again, as the recorder writes it on rotation.
        let newer = try RecordingFixture.write([story[0]] + Array(story[4...]))
        defer { for path in [whole, older, newer] { try? FileManager.default.removeItem(atPath: path) } }
        let (one, _) = try Self.report([whole])
        let (two, _) = try Self.report([older, newer])
        #expect(one.json == two.json)
        // Given newest first, time runs backwards: those lines are damaged, not silently reordered.
        let (reversed, damaged) = try Self.report([newer, older])
        #expect(reversed.skippedLines == 3)
        #expect(damaged.allSatisfy { $0.contains("give rotated files oldest first") })
    }

    @Test func windowAndEntryPointFilterCutTheReport() throws {
        let path = try RecordingFixture.write(RecordingFixture.story)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (report, _) = try Self.report([path], .init(from: Self.time("03.000"), to: Self.time("06.000"), entryPoints: [EntryPointID(1000)!]))
        #expect(report.entryPoints.map(\.id.rawValue) == [1000])
        #expect(report.entryPoints[0].breakdown.seconds == [.allowed: 1, .refused("queue_depth_reached"): 2])
        #expect(report.entryPoints[0].incidents.map(\.seconds) == [2])
    }

    @Test func jsonSharesAddUpToOne() throws {
        let path = try RecordingFixture.write(RecordingFixture.story)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (report, _) = try Self.report([path])
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as! [String: Any]
        #expect(object["from"] as? String == "2026-11-26T10:00:00.000Z")
        #expect(object["skippedLines"] as? Int == 0)
        let entryPoints = object["entryPoints"] as! [[String: Any]]
        for entry in entryPoints {
            let reasons = entry["reasons"] as! [String: Double]
            let sum = (entry["availability"] as! Double) + (entry["unknown"] as! Double) + reasons.values.reduce(0, +)
            #expect(abs(sum - 1) < 1e-9)
        }
        let sales = entryPoints[0]
        #expect(sales["label"] as? String == "Sales")
        #expect(sales["maxQueueDepth"] as? Int == 9)
        #expect((sales["reasons"] as! [String: Double])["brand_new_reason"] == 0.2)
        let incidents = sales["incidents"] as! [[String: Any]]
        #expect(incidents.count == 1)
        #expect(incidents[0]["start"] as? String == "2026-11-26T10:00:04.000Z")
        #expect(incidents[0]["seconds"] as? Double == 4)
        #expect(incidents[0]["reason"] as? String == "queue_depth_reached")
    }

    @Test func csvHasARowPerEntryPointAndAColumnPerReason() throws {
        let path = try RecordingFixture.write(RecordingFixture.story)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (report, _) = try Self.report([path])
        let lines = report.csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("kind,id,label,group,from,to,availability,unknown,brand_new_reason,queue_depth_reached,incidents,"))
        #expect(lines[1].hasPrefix("entry-point,1000,Sales,,2026-11-26T10:00:00.000Z,2026-11-26T10:00:10.000Z,0.350000,0.050000,0.200000,0.400000,1,4,9,"))
    }

    @Test func htmlIsWellFormedAndSelfContained() throws {
        let path = try RecordingFixture.write(RecordingFixture.story)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (report, _) = try Self.report([path], .init(keepsTimeline: true))
        let html = report.html
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/") })
        #expect(!html.contains("https://ece") || html.contains("server https://ece.example.com/system"))
        // A band per state with its reason on hover, and a pattern so it reads without colour.
        #expect(html.contains("<title>queue_depth_reached 10:00:04 – 10:00:08 (4s)</title>") || html.contains("<title>queue_depth_reached "))
        #expect(html.contains("fill=\"url(#hatch)\""))
        #expect(html.contains("<polyline"))
        #expect(report.entryPoints[0].timeline.map(\.state) == [.unknown, .allowed, .refused("queue_depth_reached"), .refused("brand_new_reason")])
    }
}

/// The JSON's numbers as a reader of it sees them: no float noise in seconds, shares that add up.
@Suite("Shift report JSON numbers")
struct ShiftReportJSONNumberTests {
    static func poll(_ time: String, allowed: Bool, reason: String? = nil, wait: String = "0") -> String {
        let reasonField = reason.map { #","reason":"\#($0)""# } ?? ""
        return #"{"time":"2026-11-26T\#(time)Z","server":"s","entryPoint":1000,"interval":300,"calls":["#
            + #"{"call":"chatAllowed","status":200,"latencyMs":1,"allowed":\#(allowed)\#(reasonField)},"#
            + #"{"call":"liveSessionStatus","status":200,"latencyMs":1,"queueDepth":2,"waitTime":\#(wait)}]}"#
    }

    /// An incident from 10:00:07.300 to 10:04:07.100 is 239.8 s, though the two times subtract
    /// to 239.80000007152557; shares that do not divide evenly still add up to 1.
    @Test func secondsAreWholeMillisecondsAndSharesAddUpToOne() throws {
        let lines = [
            RecordingFixture.header,
            Self.poll("10:00:00.100", allowed: true, wait: "0.1"),
            Self.poll("10:00:07.300", allowed: false, reason: "queue_depth_reached", wait: "0.30000000000000004"),
            Self.poll("10:04:07.100", allowed: false, reason: "agent_not_available"),
            Self.poll("10:08:07.300", allowed: true),
            Self.poll("10:12:07.300", allowed: true),
        ]
        let path = try RecordingFixture.write(lines)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (report, damaged) = try ShiftReportTests.report([path])
        #expect(damaged.isEmpty)
        let raw = try #require(report.entryPoints.first?.incidents.first?.seconds)
        #expect(raw != 239.8, "the times no longer subtract with noise: pick others so this test still bites")
        let json = report.json
        #expect(json.contains(#""seconds":239.8,"#), "\(json)")
        #expect(json.contains(#""longestWait":0.3,"#), "\(json)")
        #expect(!json.contains("99999"))
        #expect(!json.contains("00000"))

        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let rows = (object["entryPoints"] as! [[String: Any]]) + (object["groups"] as? [[String: Any]] ?? [])
        #expect(!rows.isEmpty)
        for row in rows {
            let reasons = row["reasons"] as! [String: Double]
            let shares = [row["availability"] as! Double, row["unknown"] as! Double] + Array(reasons.values)
            // Printed in millionths that add up to exactly one million.
            let millionths = shares.map { ($0 * 1_000_000).rounded() }
            #expect(zip(shares, millionths).allSatisfy { abs($0 * 1_000_000 - $1) < 1e-6 }, "\(shares)")
            #expect(millionths.reduce(0, +) == 1_000_000, "\(shares)")
            #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        }
        let entry = (object["entryPoints"] as! [[String: Any]])[0]
        // 0.1 s unknown before the first answer, 7.2 + 240 s allowed, 239.8 s full, 240.2 s no agent: 727.3 s.
        #expect(entry["availability"] as? Double == 0.339887)
        #expect((entry["reasons"] as! [String: Double]) == ["queue_depth_reached": 0.329713, "agent_not_available": 0.330263])
        #expect(entry["unknown"] as? Double == 0.000137)
    }

    @Test func roundedSharesSpreadTheRoundingByLargestRemainder() {
        let thirds = AvailabilityBreakdown(seconds: [.allowed: 1, .refused("a"): 1, .unknown: 1]).roundedShares()
        #expect(thirds == [.allowed: 0.333334, .refused("a"): 0.333333, .unknown: 0.333333])
        let sevenths = AvailabilityBreakdown(seconds: [.allowed: 1, .refused("a"): 2, .refused("b"): 4]).roundedShares(resolution: 100)
        #expect(sevenths == [.allowed: 0.14, .refused("a"): 0.29, .refused("b"): 0.57])
        #expect(AvailabilityBreakdown().roundedShares().isEmpty)
    }
}
