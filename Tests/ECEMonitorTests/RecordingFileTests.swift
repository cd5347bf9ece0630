import ECEChat
import ECEMonitor
import Foundation
import Testing

@Suite("Recording files")
struct RecordingFileTests {
    /// Each bad line gives one line naming the file, the line and what is wrong.
    @Test(arguments: [
        ([#"{"kind":"statusChanged"}"#], 1, "not an ecetop recording: the first line must be its header, with \"format\":\"ecetop-recording\""),
        ([RecordingFixture.header.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)], 1,
         "recording version 2 is not one this ecetop reads (1)"),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 1000), #"{"time":"2026-11-26T10:00:02.000Z","#], 3, "not valid JSON"),
        ([RecordingFixture.header, #"{"server":"s","entryPoint":1000,"interval":2,"calls":[]}"#], 2, "missing \"time\""),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 1000).replacingOccurrences(of: "\"chatAllowed\"", with: "\"chatAlowed\"")], 2,
         "unknown call \"chatAlowed\" (expected one of agentAvailability, capacity, liveSessionStatus, checkEligibility, chatAllowed)"),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 1000).replacingOccurrences(of: "\"allowed\":true", with: "\"allowd\":true")], 2,
         "chatAllowed: neither \"error\" nor \"allowed\""),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 1000).replacingOccurrences(of: "2026-11-26T10:00:01.000Z", with: "yesterday")], 2,
         "bad time \"yesterday\" (expected ISO 8601 with milliseconds, like 2026-11-26T03:50:01.123Z)"),
        ([RecordingFixture.header, RecordingFixture.poll("05.000", 1000), RecordingFixture.poll("01.000", 1000)], 3,
         "time 2026-11-26T10:00:01.000Z is before the line above (2026-11-26T10:00:05.000Z); give rotated files oldest first: FILE.1 FILE"),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 0)], 2, "bad entry point ID 0 (IDs start at 1)"),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 1000, extra: #",{"call":"capacity","error":{"kind":"gremlins","text":"x"}}"#)], 2,
         "capacity: unknown error kind \"gremlins\""),
        ([RecordingFixture.header, RecordingFixture.poll("01.000", 1000).replacingOccurrences(of: "\"interval\":2", with: "\"interval\":\"2\"")], 2,
         "\"interval\" is not a Double"),
        ([""], 1, "empty file, not an ecetop recording"),
    ] as [([String], Int, String)])
    func badLineIsNamedByFileAndLine(lines: [String], line: Int, message: String) throws {
        let path = try RecordingFixture.write(lines, name: "bad")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: RecordingError.self) { try Recording.read([path]) }
        #expect(error.description == "\(path):\(line): \(message)")
        #expect(!error.description.contains("\n"))
    }

    @Test func missingFileSaysSo() throws {
        let error = try #require(throws: RecordingError.self) { try Recording.read(["/nonexistent-folder/rec.jsonl"]) }
        #expect(error.description.hasPrefix("/nonexistent-folder/rec.jsonl: cannot read"))
    }

    @Test func recorderThatCannotCreateItsFileSaysWhy() throws {
        let error = try #require(throws: RecordingError.self) { try PollRecorder(.init(path: "/nonexistent-folder/rec.jsonl")) }
        #expect(error.description == "/nonexistent-folder/rec.jsonl: cannot create the recording file")
    }

    /// A write that fails (a full disk) is kept for the header to show, not dropped silently.
    @Test func failedWriteIsReported() throws {
        let recorder = try PollRecorder(.init(path: "/dev/full"))
        #expect(recorder.lastError == nil)
        recorder.begin(RecordingHeader(server: "s", entryPoints: [], configuration: MonitorConfiguration(), started: Date()))
        #expect(recorder.lastError?.hasPrefix("cannot write /dev/full") == true)
    }

    /// The dashboard hears of it from the monitor's sinks, merged across sites.
    @Test func failedWriteReachesTheDashboardThroughTheMonitor() async throws {
        let recorder = try PollRecorder(.init(path: "/dev/full"))
        var configuration = MonitorConfiguration()
        configuration.sinks = [recorder]
        let client = try ChatAPIClient(server: ChatAPIServer(parsing: "http://127.0.0.1:9"))
        let monitor = ChatMonitor(client: client, entryPoints: [], configuration: configuration, clock: ManualClock())
        let status = monitor.outputs
        #expect(status.recordingError?.hasPrefix("cannot write /dev/full") == true)
        #expect(status.journalPath == nil && status.journalError == nil)
        let merged = OutputFileStatus(journalPath: "events.jsonl").merged(with: status)
        #expect(merged == OutputFileStatus(journalPath: "events.jsonl", recordingError: status.recordingError))
        try await client.shutdown()
    }

    /// Values come back as the server sent them: unknown reasons and codes verbatim, errors
    /// with their text, kind and status.
    @Test func valuesAndErrorsSurviveTheRoundTrip() throws {
        let path = temporaryPath("roundtrip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let id = EntryPointID(1200)!
        let exchanges = Self.exchanges(id, reason: "reason_from_the_future")
        let recorder = try PollRecorder(.init(path: path))
        var configuration = MonitorConfiguration()
        configuration.thresholds.waitTimeAtLeastSeconds = 90
        recorder.begin(RecordingHeader(server: "https://ece.example.com/system", entryPoints: [id], configuration: configuration,
                                       started: Date(timeIntervalSince1970: 1_800_000_000)))
        recorder.record(exchanges, of: id, server: "https://ece.example.com/system", interval: .seconds(5), at: Date(timeIntervalSince1970: 1_800_000_001.25))
        #expect(recorder.lastError == nil)

        let recording = try Recording.read([path])
        #expect(recording.header.monitorConfiguration.thresholds.waitTimeAtLeastSeconds == 90)
        let poll = try #require(recording.polls.first)
        #expect(RecordingTimeText.of(poll.time) == "2027-01-15T08:00:01.250Z")
        #expect(poll.interval == .seconds(5))
        #expect(poll.answers.count == exchanges.count)
        for (original, replayed) in zip(exchanges, poll.answers) {
            #expect(replayed.call == original.call)
            #expect(replayed.value == original.value)
            #expect(replayed.error?.description == original.error?.description)
            #expect(replayed.error?.kind == original.error?.kind)
            #expect(replayed.error?.httpStatus == original.error?.httpStatus)
            #expect(replayed.httpStatus == original.httpStatus)
            #expect(replayed.latency == original.latency)
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains(#""reason":"reason_from_the_future""#))
        #expect(lines[1].contains(#""time":"2027-01-15T08:00:01.250Z""#))
    }

    /// Past the limit FILE becomes FILE.1 and a new FILE starts with the header; the two
    /// together replay as one, and either alone too.
    @Test func recordingRotatesBySize() throws {
        let path = temporaryPath("rotate")
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".1")
        }
        let limit = 4096
        let id = EntryPointID(1300)!
        let recorder = try PollRecorder(.init(path: path, maximumBytes: limit))
        recorder.begin(RecordingHeader(server: "https://ece.example.com/system", entryPoints: [id], configuration: MonitorConfiguration(),
                                       started: Date(timeIntervalSince1970: 1_800_000_000)))
        let count = 60
        for index in 0..<count {
            recorder.record(Self.exchanges(id, queueDepth: index), of: id, server: "https://ece.example.com/system", interval: .seconds(5),
                            at: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)))
        }
        #expect(recorder.lastError == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".2"))
        for file in [path + ".1", path] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.utf8.count <= limit, "\(file) is \(text.utf8.count) bytes")
            #expect(text.split(separator: "\n").first?.contains(#""format":"ecetop-recording""#) == true)
        }
        let both = try Recording.read([path + ".1", path])
        let depths = both.polls.map { poll in poll.answers.compactMap { if case .sessionStatus(let s) = $0.value { s.queueDepth } else { nil } }.first! }
        // The newest lines, none missing between the two files, the last one last.
        #expect(depths.last == count - 1)
        #expect(depths == Array((count - depths.count)..<count))
        #expect(depths.count < count)
        let newest = try Recording.read([path])
        #expect(newest.polls.count < both.polls.count)
        #expect(newest.start > both.start)
    }

    /// A recorder opened on an existing recording appends a new section; the replay reads both.
    @Test func restartingAppendsASection() throws {
        let path = try RecordingFixture.write(Array(RecordingFixture.story.prefix(3)), name: "append")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = try PollRecorder(.init(path: path))
        let extra = EntryPointID(1002)!
        recorder.begin(RecordingHeader(server: "https://ece.example.com/system", entryPoints: [extra], configuration: MonitorConfiguration(),
                                       started: Date(timeIntervalSince1970: 1_900_000_000)))
        recorder.record(Self.exchanges(extra), of: extra, server: "https://ece.example.com/system", interval: .seconds(5),
                        at: Date(timeIntervalSince1970: 1_900_000_001))
        let recording = try Recording.read([path])
        #expect(recording.entryPoints.map(\.rawValue) == [1000, 1001, 1002])
        #expect(recording.polls.count == 3)
    }

    static func exchanges(_ id: EntryPointID, reason: String? = nil, queueDepth: Int = 4) -> [ChatAPIExchange] {
        func exchange(_ call: ChatAPICall, _ outcome: Result<ChatAPIValue, ChatAPIError>, status: Int? = 200) -> ChatAPIExchange {
            ChatAPIExchange(call: call, entryPoint: id, outcome: outcome, httpStatus: status, contentType: "application/xml",
                            latency: .microseconds(2_345), body: [])
        }
        return [
            exchange(.agentAvailability, .success(.agentAvailability(true))),
            exchange(.capacity, .failure(.httpStatus(call: "capacity", status: 503, body: Array("Service Unavailable".utf8))), status: 503),
            exchange(.liveSessionStatus, .success(.sessionStatus(SessionStatus(queueDepth: queueDepth, waitTimeSeconds: 75.5)))),
            exchange(.checkEligibility, .success(.eligibility(Eligibility(code: 7)))),
            exchange(.chatAllowed, .success(.chatAllowed(ChatAllowed(allowed: reason == nil, reason: reason.map(ChatAllowedReason.init(rawValue:)))))),
        ]
    }
}

/// The recording's own spelling of a time, for expectations.
enum RecordingTimeText {
    static func of(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }
}
