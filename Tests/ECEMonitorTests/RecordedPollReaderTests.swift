import ECEChat
@testable import ECEMonitor
import Foundation
import Testing

/// The quick poll-line reader against `JSONDecoder` on what the real recorder writes, on the
/// same lines written another way, and on damaged lines (which it must leave to the decoder).
@Suite struct RecordedPollReaderTests {
    static func decoded(_ line: String) throws -> RecordedPoll {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Recording.nonConformingFloatsForDecoding
        return try decoder.decode(RecordedPoll.self, from: Data(line.utf8))
    }

    static func quick(_ line: String) -> RecordedPoll? {
        Array(line.utf8).withUnsafeBufferPointer { RecordedPollReader.poll($0) }
    }

    /// Both readings compared as the recorder would write them again (a NaN is not equal to itself).
    static func same(_ a: RecordedPoll, _ b: RecordedPoll) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = Recording.nonConformingFloats
        return try encoder.encode(a) == encoder.encode(b)
    }

    /// Answers of every kind: values, an unknown reason, errors whose text needs escaping,
    /// a wait time JSON cannot hold, odd latencies.
    static func rounds(_ id: EntryPointID) -> [[ChatAPIExchange]] {
        func exchange(_ call: ChatAPICall, _ outcome: Result<ChatAPIValue, ChatAPIError>, status: Int? = 200, micros: Int64 = 2_345) -> ChatAPIExchange {
            ChatAPIExchange(call: call, entryPoint: id, outcome: outcome, httpStatus: status, contentType: nil, latency: .microseconds(micros), body: [])
        }
        let oddBody = Array("quote \" backslash \\ tab \t newline \n bell \u{07} é 𝄞 </x>".utf8)
        return [
            RecordingFileTests.exchanges(id),
            RecordingFileTests.exchanges(id, reason: "reason_from_the_future", queueDepth: 12),
            [
                exchange(.liveSessionStatus, .success(.sessionStatus(SessionStatus(queueDepth: 3, waitTimeSeconds: .nan)))),
                exchange(.chatAllowed, .failure(.httpStatus(call: "chatAllowed", status: 500, body: oddBody)), status: 500, micros: 1),
                exchange(.capacity, .failure(.timeout(call: "capacity", seconds: 5)), status: nil, micros: 5_000_123_456),
            ],
            [
                exchange(.liveSessionStatus, .success(.sessionStatus(SessionStatus(queueDepth: 0, waitTimeSeconds: .infinity)))),
                exchange(.agentAvailability, .success(.agentAvailability(false)), micros: 123_456_789),
                exchange(.checkEligibility, .success(.eligibility(Eligibility(code: -3)))),
                exchange(.chatAllowed, .success(.chatAllowed(ChatAllowed(allowed: false, reason: nil)))),
            ],
        ]
    }

    @Test func readsWhatTheRecorderWritesAsTheDecoderDoes() throws {
        let path = temporaryPath("quick-reader")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let id = EntryPointID(1400)!
        let recorder = try PollRecorder(.init(path: path))
        recorder.begin(RecordingHeader(server: "https://user@ece.example.com/system?x=\"1\"", entryPoints: [id], configuration: MonitorConfiguration(),
                                       started: Date(timeIntervalSince1970: 1_800_000_000)))
        for (index, round) in Self.rounds(id).enumerated() {
            recorder.record(round, of: id, server: "https://ece.example.com/système", interval: .milliseconds(2_500),
                            at: Date(timeIntervalSince1970: 1_800_000_000.123 + Double(index)))
        }
        #expect(recorder.lastError == nil)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
        #expect(lines.count == 4)
        for line in lines {
            let quick = try #require(Self.quick(line), "\(line)")
            #expect(try Self.same(quick, Self.decoded(line)), "\(line)")
        }
        // The reader must have read real values, not defaults: spot-check one line.
        let third = try #require(Self.quick(lines[2]))
        #expect(third.calls.map(\.call) == ["capacity", "liveSessionStatus", "chatAllowed"])
        #expect(third.calls.contains { $0.waitTime?.isNaN == true })
        #expect(third.calls.contains { $0.error?.kind == "httpStatus" && $0.status == 500 })
        #expect(third.interval == 2.5)
        #expect(third.entryPoint == 1400)
    }

    /// Another writer's spelling of good lines: other key order, spaces, escapes, big numbers.
    @Test(arguments: [
        #"  { "calls" : [ { "status" : 200 , "call" : "chatAllowed" , "allowed" : false , "reason" : "queue_depth_reached" , "latencyMs" : 1e1 } ] , "interval" : 5 , "entryPoint" : 7 , "server" : "s" , "time" : "2026-11-26T10:00:00.000Z" }  "#,
        #"{"time":"2026-11-26T10:00:00Z","server":"\u0073\/x\u00e9\ud834\udd1e","entryPoint":1000,"interval":0.1,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.5Z","server":"s","entryPoint":1000,"interval":2,"calls":[{"call":"liveSessionStatus","queueDepth":-0,"waitTime":"-Infinity","latencyMs":0.30000000000000004}]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[{"call":"capacity","error":{"text":"a\"b\\c\n","kind":"timeout"}}]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":123456789012345678901234567890,"calls":[{"call":"capacity","latencyMs":1.7976931348623157e308}]}"#,
    ])
    func readsOtherSpellingsAsTheDecoderDoes(line: String) throws {
        let quick = try #require(Self.quick(line))
        #expect(try Self.same(quick, Self.decoded(line)))
    }

    /// What it is not sure of goes to the decoder: damaged, null, repeated, fractional integers,
    /// keys it does not know (a header's among them).
    @Test(arguments: [
        #"{"time":"2026-11-26T10:00:00Z","server":"s","entryPoint":1000,"interval":0.1,"calls":[],"extra":{"nested":[1,true]}}"#,
        #"{"time":"2026-11-26T10:00:00Z","server":"s","entryPoint":1000,"interval":0.1,"calls":[],"format":"ecetop-recording"}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[{"call":"chatAllowed","allowed":tr"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[]}x"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[]}{}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[],}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":null,"entryPoint":1000,"interval":2,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"entryPoint":1001,"interval":2,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000.0,"interval":2,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":01000,"interval":2,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":"2","calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[{"call":"capacity","status":null}]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[{"slots":3}]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s","entryPoint":1000,"interval":2,"calls":[{"call":"capacity","error":{"kind":"timeout"}}]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"s\ud800","entryPoint":1000,"interval":2,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","server":"a\#tb","entryPoint":1000,"interval":2,"calls":[]}"#,
        #"{"time":"2026-11-26T10:00:00.000Z","serv\u0065r":"s","entryPoint":1000,"interval":2,"calls":[]}"#,
        #"{"server":"s","entryPoint":1000,"interval":2,"calls":[]}"#,
        #"[]"#,
        "",
    ])
    func leavesWhatItIsNotSureOfToTheDecoder(line: String) {
        #expect(Self.quick(line) == nil)
    }

    @Test func leavesBytesThatAreNotUTF8ToTheDecoder() {
        var bytes = Array(#"{"time":"2026-11-26T10:00:00.000Z","server":"s"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#"","entryPoint":1000,"interval":2,"calls":[]}"#.utf8)
        #expect(bytes.withUnsafeBufferPointer { RecordedPollReader.poll($0) } == nil)
    }

    /// The quick time reader gives the format style's very Date, and leaves it what it does not read.
    @Test func timesReadByHandAreTheFormatStylesToTheBit() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["2026-11-26T10:00:00.000Z", "2000-02-29T23:59:59.999Z", "1900-01-01T00:00:00Z", "2099-12-31T12:34:56.5Z",
                     "2026-03-29T01:30:00.123456789Z", "1970-01-01T00:00:00.001Z"]
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            texts.append(RecordingTime.text(Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
        }
        for text in texts {
            let quick = try #require(RecordingTime.date(text), "\(text)")
            let slow = try #require(RecordingTime.parsed(text), "\(text)")
            #expect(quick.timeIntervalSinceReferenceDate.bitPattern == slow.timeIntervalSinceReferenceDate.bitPattern, "\(text)")
        }
        for text in ["2026-02-30T10:00:00.000Z", "2026-11-26T24:00:00.000Z", "2026-11-26T10:60:00.000Z", "2026-13-01T10:00:00.000Z",
                     "2026-11-26T10:00:00.Z", "2026-11-26T10:00:00.0000000000Z", "2026-11-26 10:00:00.000Z", "2026-11-26T10:00:00.000",
                     "1899-12-31T23:59:59.000Z", "yesterday"] {
            #expect(RecordingTime.date(text) == RecordingTime.parsed(text), "\(text)")
        }
    }
}
