import ECEChat
import ECESimulator
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("The five calls and the survey, over HTTP with the real client", .timeLimit(.minutes(5)))
struct RouteTests {
    @Test("The mixed preset answers every chatAllowed reason at once", arguments: [ChatAPIClient.ResponseFormat.xml, .json])
    func everyReasonAtOnce(format: ChatAPIClient.ResponseFormat) async throws {
        try await SimulatorHarness.run(format: format) { (_, client) async throws in
            let expected: [(Int64, ChatAllowed)] = [
                (1000, ChatAllowed(allowed: true)),
                (1001, ChatAllowed(allowed: false, reason: .entryPointInactive)),
                (1002, ChatAllowed(allowed: false, reason: .serviceNotRunning)),
                (1003, ChatAllowed(allowed: false, reason: .queueDepthReached)),
                (1004, ChatAllowed(allowed: false, reason: .agentNotAvailable)),
                (1005, ChatAllowed(allowed: false, reason: .other)),
                (1006, ChatAllowed(allowed: true)),
                (999, ChatAllowed(allowed: false, reason: .invalidEntryPoint)),
            ]
            for (id, answer) in expected {
                #expect(try await client.chatAllowed(.id(id)) == answer, "entry point \(id)")
            }
        }
    }

    @Test("Every call, XML and JSON, decodes to what the model says", arguments: [ChatAPIClient.ResponseFormat.xml, .json])
    func everyCallMatchesTheModel(format: ChatAPIClient.ResponseFormat) async throws {
        try await SimulatorHarness.run(format: format) { (simulator, client) async throws in
            for raw in Int64(1000)...1009 {
                let id = EntryPointID.id(raw)
                let status = try #require(await simulator.status(of: id))
                for call in ChatAPICall.allCases {
                    let exchange = await client.exchange(call, entryPoint: id)
                    #expect(exchange.httpStatus == 200)
                    #expect(exchange.contentType == (format == .json ? "application/json" : "application/xml"))
                    #expect(exchange.value == status.value(for: call), "\(call) \(id)")
                }
            }
            // Spot checks of the derived values themselves.
            #expect(try await client.checkEligibility(.id(1003)) == .queueDepthReached)
            #expect(try await client.checkEligibility(.id(1004)) == .noAgentAvailable)
            #expect(try await client.agentAvailability(.id(1004)) == false)
            // Availability not required: "available" and eligible with nobody logged in, no slots.
            #expect(try await client.agentAvailability(.id(1006)) == true)
            #expect(try await client.checkEligibility(.id(1006)) == .canTakeChats)
            #expect(try await client.capacity(.id(1006)) == 0)
            #expect(try await client.capacity(.id(1000)) == 0)
            #expect(try await client.liveSessionStatus(.id(1003)) == SessionStatus(queueDepth: 3, waitTimeSeconds: 450))
        }
    }

    @Test func wellFormedXMLHasTheVendorShape() async throws {
        try await SimulatorHarness.run { (simulator, _) async throws in
            let base = simulator.server.baseURL
            let capacity = try await SimulatorHarness.http("GET", "\(base)/capacity/1000")
            #expect(capacity.headers["content-type"] == "application/xml")
            #expect(capacity.body.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#))
            #expect(capacity.body.contains(#"<availableSlots xmlns:ns2="http://bindings.egain.com/chat" xmlns:ns3="urn:ietf:params:xml:ns:xmpp-stanzas" xmlns:ns4="jabber:client" xmlns:ns5="http://jabber.org/protocol/httpbind"><ns2:count>0</ns2:count></availableSlots>"#))
            let allowed = try await SimulatorHarness.http("GET", "\(base)/chatAllowed/1001")
            #expect(allowed.body.contains(#"allowed="false" reason="entry_point_inactive"/>"#))
            // Foundation's parser (libxml2) as an oracle: every body is well-formed.
            for call in ChatAPICall.allCases {
                let body = try await SimulatorHarness.http("GET", "\(base)/\(call.rawValue)/1003").body
                let parser = XMLParser(data: Data(body.utf8))
                #expect(parser.parse(), "\(call): \(body)")
            }
            let json = try await SimulatorHarness.http("GET", "\(base)/liveSessionStatus/1003", headers: ["Accept": "application/json"])
            #expect(json.body == #"{"waitTime":450.0,"queueDepth":3}"#)
        }
    }

    @Test func unknownEntryPointsBadIDsAndUnknownPaths() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            for call in ChatAPICall.allCases where call != .chatAllowed {
                let exchange = await client.exchange(call, entryPoint: .id(999))
                #expect(exchange.httpStatus == 500)
                #expect(exchange.error?.kind == .httpStatus)
                #expect(String(decoding: exchange.body, as: UTF8.self).contains("entry point 999 does not exist"))
            }
            let base = simulator.server.baseURL
            for bad in ["abc", "-5", "0", "1.5"] {
                let answer = try await SimulatorHarness.http("GET", "\(base)/capacity/\(bad)")
                #expect(answer.status == 400, "\(bad)")
                #expect(!answer.body.trimmingCharacters(in: .newlines).contains("\n"))
            }
            let jsonError = try await SimulatorHarness.http("GET", "\(base)/capacity/abc", headers: ["Accept": "application/json"])
            #expect(jsonError.body.hasPrefix(#"{"code":"400-115","developerMessage":"invalid entry point ID \"abc\""#))
            for path in ["/nope", "/system/egain/chat/entrypoint/queueLength/1000", "/system/egain/chat/entrypoint/capacity", "/sim/nothing"] {
                #expect(try await SimulatorHarness.http("GET", "http://127.0.0.1:\(simulator.port)\(path)").status == 404, "\(path)")
            }
        }
    }

    @Test func surveyRoundTrip() async throws {
        try await SimulatorHarness.run { (simulator, client) async throws in
            let survey = try Survey(sessionID: "S-42", answers: [
                .init(question: "Was the agent <helpful>?", answer: "Yes & quickly"),
                .init(question: "Score", answer: "5"),
            ])
            #expect(try await client.submitSurvey(survey) == 204)
            let listed = try await SimulatorHarness.http("GET", "\(simulator.baseURL)/sim/surveys")
            let surveys = try JSONDecoder().decode([ReceivedSurvey].self, from: Data(listed.body.utf8))
            #expect(surveys.map(\.sessionID) == ["S-42"])
            #expect(surveys.first?.answers.map(\.answer) == ["Yes & quickly", "5"])
            #expect(surveys.first?.answers.first?.question == "Was the agent <helpful>?")

            // The vendor's printed sample request is accepted too.
            let printed = """
            <egainSurvey sid="1000">
            <survey><question>Question 1</question> <answer>Answer 1</answer></survey>
            </egainSurvey>
            """
            let accepted = try await SimulatorHarness.http("POST", "\(simulator.server.surveyURL)", headers: ["Content-Type": "text/xml"], body: printed)
            #expect(accepted.status == 204)
            #expect(await simulator.surveys().count == 2)

            let malformed = try await SimulatorHarness.http("POST", "\(simulator.server.surveyURL)", body: "<egainSurvey><survey>")
            #expect(malformed.status == 400)
            #expect(malformed.body.hasPrefix("survey: malformed body:"))
            #expect(malformed.body.filter { $0 == "\n" }.count == 1)
            #expect(await simulator.surveys().count == 2)
        }
    }
}
