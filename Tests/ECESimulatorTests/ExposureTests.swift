import ECEChat
import ECESimulator
import Foundation
import Testing

/// What a simulator lets in: loopback only unless told, bounded bodies, text kept as sent.
@Suite("The simulator's exposure to hostile requests", .timeLimit(.minutes(5)))
struct ExposureTests {
    /// The local IPv4 address and port of every listening TCP socket, from /proc/net/tcp.
    static func listeningSockets() throws -> [(address: String, port: Int)] {
        // Read to the end: procfs files report a size of 0, which whole-file readers trust.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/net/tcp"))
        defer { try? handle.close() }
        let table = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 3, fields[3] == "0A" else { return nil }
            let local = fields[1].split(separator: ":")
            guard local.count == 2, let port = Int(local[1], radix: 16), let raw = UInt32(local[0], radix: 16) else { return nil }
            // The kernel prints the address as a little-endian word.
            let address = [raw & 0xFF, raw >> 8 & 0xFF, raw >> 16 & 0xFF, raw >> 24].map(String.init).joined(separator: ".")
            return (address, port)
        }
    }

    @Test func listensOnLoopbackOnlyByDefault() async throws {
        var configuration = SimulatorConfiguration()
        configuration.logLevel = .error
        #expect(configuration.host == "127.0.0.1")
        let simulator = try await ECESimulatorServer.start(configuration)
        let sockets = try Self.listeningSockets().filter { $0.port == simulator.port }
        await simulator.stop()
        #expect(sockets.map(\.address) == ["127.0.0.1"])
    }

    @Test func anOversizedSurveyIsRefusedWith413() async throws {
        try await SimulatorHarness.run { simulator, client in
            let survey = try Survey(sessionID: "big", answers: [.init(question: "q", answer: String(repeating: "x", count: 1 << 20))])
            await #expect {
                try await client.submitSurvey(survey)
            } throws: { error in
                (error as? ChatAPIError)?.httpStatus == 413
            }
            #expect(await simulator.surveys().isEmpty)
        }
    }

    static let hostileTexts = [
        "<script>alert('x')</script>",
        "&amp; &lt;b&gt; &#x26; &unknown; & < > \" '",
        "]]> <![CDATA[ x ]]> <!-- not a comment --> <?pi?>",
        "</answer></survey><survey><question>injected</question><answer>yes</answer></survey>",
        "tab\tnew\nline\r\nCR é ☃ 🙂 \u{200B}",
        "' OR 1=1 -- ; DROP TABLE surveys; \\\\ %00 %s",
    ]

    @Test func markupAndEntitiesArriveIntact() async throws {
        try await SimulatorHarness.run { simulator, client in
            let answers = Self.hostileTexts.map { Survey.Answer(question: "Q " + $0, answer: $0) }
            let survey = try Survey(sessionID: "<sid & \"quoted\">", answers: answers)
            #expect(try await client.submitSurvey(survey) == 204)
            let received = try #require(await simulator.surveys().last)
            #expect(received.sessionID == survey.sessionID)
            #expect(received.answers.map(\.answer) == Self.hostileTexts)
            #expect(received.answers.map(\.question) == Self.hostileTexts.map { "Q " + $0 })
            // And through the control API's JSON, as a script would read it.
            let listed = try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/surveys")
            let decoded = try JSONDecoder().decode([ReceivedSurvey].self, from: Data(listed.body.utf8))
            #expect(decoded.last?.answers.map(\.answer) == Self.hostileTexts)
        }
    }
}
