import ECEChat
import ECESimulator
import ECETestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import NIOCore
import Testing

/// The client against a real HTTP server on loopback: each answer a server can give, and each
/// way it can fail, arrives as the right value or typed error.
@Suite("ChatAPIClient over real HTTP", .timeLimit(.minutes(5)))
struct ChatAPIClientTests {
    static let entryPoint = EntryPointID(1000)!

    /// A server whose behaviour is chosen by the entry point ID in the path.
    static func router(inbox: Inbox = Inbox()) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/system/egain/chat/entrypoint/:call/:id") { request, context -> Response in
            let call = context.parameters.get("call") ?? ""
            let id = context.parameters.get("id") ?? ""
            let accept = request.headers[.accept] ?? ""
            await inbox.record(body: [], headers: ["accept": accept, "user-agent": request.headers[.userAgent] ?? "",
                                                   "authorization": request.headers[.authorization] ?? ""])
            switch id {
            case "1000":
                if accept.contains("json") {
                    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"count":3}"#)))
                }
                let sample = try VendorSample.bytes(call == "chatAllowed" ? "chatAllowed-false" : call)
                return Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(bytes: sample)))
            case "500":
                return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "Unable to retrieve \u{1B}[31mcapacity\n")))
            case "501":
                return Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: "<availableSlots><ns2:count>lots</ns2:count></availableSlots>")))
            case "502":
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 200_000)))
            case "503":
                try await Task.sleep(for: .seconds(30))
                return Response(status: .ok)
            default:
                return Response(status: .notFound)
            }
        }
        router.post("/system/egain/chat/entrypoint/survey") { request, context -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            await inbox.record(body: Array(body.readableBytesView), headers: ["content-type": request.headers[.contentType] ?? ""])
            return Response(status: .noContent)
        }
        return router
    }

    /// Runs `body` with a client for `base` and shuts the client down on every path, so that no
    /// connection outlives its test.
    static func withClient(
        _ base: String, configure: (inout ChatAPIClient.Configuration) -> Void = { _ in },
        _ body: (ChatAPIClient) async throws -> Void
    ) async throws {
        var configuration = ChatAPIClient.Configuration()
        // Generous: the whole suite runs in parallel on two cores. Timeout tests set their own.
        configuration.requestTimeout = .seconds(5)
        configure(&configuration)
        let client = try ChatAPIClient(server: ChatAPIServer(parsing: base), configuration: configuration)
        do {
            try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test func everyCallReadsTheVendorSamplesOverHTTP() async throws {
        let inbox = Inbox()
        try await withTestServer(Self.router(inbox: inbox)) { base in
            try await Self.withClient(base) { client in
                #expect(try await client.agentAvailability(Self.entryPoint) == true)
                #expect(try await client.capacity(Self.entryPoint) == 4)
                #expect(try await client.liveSessionStatus(Self.entryPoint) == SessionStatus(queueDepth: 1, waitTimeSeconds: 3))
                #expect(try await client.checkEligibility(Self.entryPoint) == .canTakeChats)
                #expect(try await client.chatAllowed(Self.entryPoint) == ChatAllowed(allowed: false, reason: .entryPointInactive))
                let latency = try #require(await client.latency(of: .capacity))
                #expect(latency.count == 1)
            }
        }
        let headers = await inbox.headers
        #expect(headers.allSatisfy { $0["accept"] == "application/xml" && $0["user-agent"] == "ecetop/\(ECEChatVersion.current)" })
    }

    @Test func jsonByChoice() async throws {
        try await withTestServer(Self.router()) { base in
            try await Self.withClient(base, configure: { $0.format = .json }) { client async throws in
                #expect(try await client.capacity(Self.entryPoint) == 3)
            }
        }
    }

    @Test func httpStatusCarriesACleanExcerpt() async throws {
        try await withTestServer(Self.router()) { base in
            try await Self.withClient(base) { client in
                let exchange = await client.exchange(.capacity, entryPoint: EntryPointID(500)!)
                #expect(exchange.httpStatus == 500)
                let error = try #require(exchange.error)
                #expect(error.kind == .httpStatus)
                #expect(error.httpStatus == 500)
                #expect(error.description == "capacity: HTTP 500: Unable to retrieve [31mcapacity")
            }
        }
    }

    @Test func malformedBodyNamesCallAndQuotes() async throws {
        try await withTestServer(Self.router()) { base in
            try await Self.withClient(base) { client in
                let exchange = await client.exchange(.capacity, entryPoint: EntryPointID(501)!)
                #expect(exchange.error?.kind == .malformedBody)
                #expect(exchange.error?.description.contains("lots") == true)
                #expect(exchange.httpStatus == 200)
            }
        }
    }

    @Test func oversizedBodyIsCapped() async throws {
        try await withTestServer(Self.router()) { base in
            try await Self.withClient(base) { client in
                let exchange = await client.exchange(.capacity, entryPoint: EntryPointID(502)!)
                #expect(exchange.error?.kind == .bodyTooLarge)
                #expect(exchange.error?.description == "capacity: body larger than 65536 bytes, not read")
            }
        }
    }

    @Test func stalledServerTimesOutAtTheDeadline() async throws {
        try await withTestServer(Self.router()) { base in
            try await Self.withClient(base, configure: { $0.requestTimeout = .milliseconds(300) }) { client in
                let started = ContinuousClock.now
                let exchange = await client.exchange(.capacity, entryPoint: EntryPointID(503)!)
                #expect(exchange.error?.kind == .timeout)
                #expect(exchange.error?.description == "capacity: no answer within 0.3 s (timeout)")
                #expect(ContinuousClock.now - started < .seconds(5))
            }
        }
    }

    /// The transport times requests out with one timer, armed for the oldest: a stall behind
    /// answered requests, and another after it, each still ends at its own deadline.
    @Test func aStallBehindAnsweredRequestsEndsAtItsOwnDeadline() async throws {
        try await withTestServer(Self.router()) { base in
            try await Self.withClient(base, configure: { $0.requestTimeout = .milliseconds(300) }) { client in
                for _ in 0..<3 { #expect(await client.exchange(.capacity, entryPoint: Self.entryPoint).error == nil) }
                for _ in 0..<2 {
                    let started = ContinuousClock.now
                    let stalled = await client.exchange(.capacity, entryPoint: EntryPointID(503)!)
                    let waited = ContinuousClock.now - started
                    #expect(stalled.error?.kind == .timeout)
                    #expect(waited >= .milliseconds(300) && waited < .seconds(5), "\(waited)")
                }
                #expect(await client.exchange(.capacity, entryPoint: Self.entryPoint).error == nil)
            }
        }
    }

    /// Counted at the server: the simulator's high-water mark of requests open at once.
    @Test func inFlightCapHolds() async throws {
        var configuration = SimulatorConfiguration()
        configuration.entryPoints = [Self.entryPoint]
        configuration.speed = 0
        configuration.logLevel = .error
        let simulator = try await ECESimulatorServer.start(configuration)
        // Slow answers, not stalls: the server counts a request closed before the client
        // sees its answer and frees the slot, so the peak never includes a lagging one.
        var faults = FaultSettings()
        faults.latency = 0.3
        await simulator.setFaults(faults)
        do {
            try await Self.withClient(simulator.baseURL, configure: { $0.maximumConcurrentRequests = 2 }) { client in
                await withTaskGroup(of: ChatAPIExchange.self) { group in
                    for _ in 0..<6 { group.addTask { await client.exchange(.capacity, entryPoint: Self.entryPoint) } }
                    for await exchange in group { #expect(exchange.error == nil, "\(exchange.error.map(String.init(describing:)) ?? "")") }
                }
            }
        } catch {
            await simulator.stop()
            throw error
        }
        let counts = await simulator.requestCounts()
        await simulator.stop()
        // Six requests all reached the server, never more than two at a time (without the cap, six).
        #expect(counts.total == 6, "\(counts)")
        #expect(counts.peakOpen == 2, "\(counts)")
    }

    @Test func connectionRefused() async throws {
        let port = try BoundButNotListening()
        defer { port.close() }
        try await Self.withClient("http://127.0.0.1:\(port.number)") { client in
            let exchange = await client.exchange(.chatAllowed, entryPoint: Self.entryPoint)
            // Reported as refused, not retried until the deadline (that would end as a timeout);
            // no stopwatch here: on a loaded CI machine a fast answer can still take seconds.
            #expect(exchange.error?.kind == .connectionRefused)
            #expect(exchange.error?.isUnreachable == true)
            #expect(exchange.error?.description.hasPrefix("chatAllowed: connection refused (") == true)
        }
    }

    @Test func surveyRoundTrip() async throws {
        let inbox = Inbox()
        let answers = [
            Survey.Answer(question: "Was it <good> & \"fast\"?", answer: "Sí, très 'bien' ☃"),
            Survey.Answer(question: "Q2", answer: "line one\nline two"),
        ]
        let survey = try Survey(sessionID: "s&1", answers: answers)
        try await withTestServer(Self.router(inbox: inbox)) { base in
            try await Self.withClient(base) { client async throws in
                #expect(try await client.submitSurvey(survey) == 204)
            }
        }
        let received = try #require(await inbox.bodies.last)
        #expect(await inbox.headers.last?["content-type"] == "text/xml; charset=utf-8")
        // What the server received parses with Foundation's strict parser back to the same strings.
        let collector = TreeCollector()
        let parser = XMLParser(data: Data(received))
        parser.delegate = collector
        #expect(parser.parse())
        let texts = collector.elements.filter { $0.name == "question" || $0.name == "answer" }.map(\.text)
        #expect(texts == answers.flatMap { [$0.question, $0.answer] })
        #expect(try Survey(xmlBody: received) == survey)
    }

    @Test func surveyRefusesControlCharacters() {
        #expect {
            _ = try Survey(sessionID: "1", answers: [.init(question: "q", answer: "bell\u{07}")])
        } throws: { error in
            (error as? ChatAPIError)?.description == "invalid survey answer 1: control character U+0007 is not allowed in XML"
        }
    }
}
