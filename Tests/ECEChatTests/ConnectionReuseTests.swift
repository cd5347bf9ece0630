import ECEChat
import ECETestSupport
import Foundation
import Testing

/// The client's connections as the server's side sees them, through a relay that counts them
/// and can drop them as a gateway does.
@Suite("Connections: reused, capped, recovered, closed when idle", .timeLimit(.minutes(2)))
struct ConnectionReuseTests {
    static let entryPoint = EntryPointID(1000)!

    /// The server's port in a base URL.
    static func port(of base: String) throws -> Int {
        try #require(URLComponents(string: base)?.port)
    }

    /// `count` exchanges at once; whether every one was answered.
    static func allAnswered(_ client: ChatAPIClient, count: Int) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask { await client.exchange(.capacity, entryPoint: entryPoint).value != nil }
            }
            return await group.allSatisfy { $0 }
        }
    }

    @Test func requestsOneAfterAnotherShareOneConnection() async throws {
        try await withTestServer(ChatAPIClientTests.router()) { base in
            let relay = try CountingRelay(to: try Self.port(of: base))
            defer { relay.close() }
            try await ChatAPIClientTests.withClient("http://127.0.0.1:\(relay.port)") { client in
                for _ in 0..<20 {
                    let exchange = await client.exchange(.capacity, entryPoint: Self.entryPoint)
                    #expect(exchange.value == .capacity(4), "\(exchange)")
                }
            }
            #expect(relay.accepted == 1)
        }
    }

    @Test func requestsAtOnceOpenNoMoreConnectionsThanTheCap() async throws {
        try await withTestServer(ChatAPIClientTests.router()) { base in
            let relay = try CountingRelay(to: try Self.port(of: base))
            defer { relay.close() }
            try await ChatAPIClientTests.withClient("http://127.0.0.1:\(relay.port)", configure: { $0.maximumConcurrentRequests = 3 }) { client in
                #expect(await Self.allAnswered(client, count: 30))
                #expect(await Self.allAnswered(client, count: 30))
            }
            #expect((1...3).contains(relay.accepted), "\(relay.accepted) connections")
        }
    }

    /// A gateway closes idle connections on its own schedule; a GET it drops as it goes out on
    /// one is sent again on another, and the person watching never sees a failure.
    @Test func aGatewayDroppingReusedConnectionsCostsNoFailedRequest() async throws {
        try await withTestServer(ChatAPIClientTests.router()) { base in
            let relay = try CountingRelay(to: try Self.port(of: base))
            defer { relay.close() }
            try await ChatAPIClientTests.withClient("http://127.0.0.1:\(relay.port)", configure: { $0.maximumConcurrentRequests = 3 }) { client in
                #expect(await Self.allAnswered(client, count: 9))
                let opened = relay.accepted
                relay.closeOpenConnectionsOnTheirNextRequest()
                #expect(await Self.allAnswered(client, count: 9))
                #expect(relay.accepted > opened, "no new connection: the requests never met a dropped one")

                // Closed outright while idle: the pool lets them go and opens new ones.
                relay.closeAll()
                #expect(await Self.allAnswered(client, count: 9))
            }
        }
    }

    /// A survey is not sent twice: a POST lost on a dropped connection is an error.
    @Test func aPostIsNeverSentAgain() async throws {
        let inbox = Inbox()
        try await withTestServer(ChatAPIClientTests.router(inbox: inbox)) { base in
            let relay = try CountingRelay(to: try Self.port(of: base))
            defer { relay.close() }
            try await ChatAPIClientTests.withClient("http://127.0.0.1:\(relay.port)", configure: { $0.maximumConcurrentRequests = 1 }) { client in
                #expect(await client.exchange(.capacity, entryPoint: Self.entryPoint).value != nil)
                relay.closeOpenConnectionsOnTheirNextRequest()
                let survey = try Survey(sessionID: "s1", answers: [.init(question: "Q1", answer: "yes")])
                await #expect(throws: ChatAPIError.self) { try await client.submitSurvey(survey) }
            }
            #expect(await inbox.bodies.filter { !$0.isEmpty }.isEmpty)
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        try await withTestServer(ChatAPIClientTests.router()) { base in
            let relay = try CountingRelay(to: try Self.port(of: base))
            defer { relay.close() }
            try await ChatAPIClientTests.withClient("http://127.0.0.1:\(relay.port)", configure: { $0.idleConnectionTimeout = .milliseconds(200) }) { client in
                #expect(await client.exchange(.capacity, entryPoint: Self.entryPoint).value != nil)
                #expect(relay.accepted == 1)
                let deadline = ContinuousClock.now + .seconds(20)
                while relay.open > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                #expect(relay.open == 0, "the idle connection is still open")
                // And the next request opens a new one.
                #expect(await client.exchange(.capacity, entryPoint: Self.entryPoint).value != nil)
                #expect(relay.accepted == 2)
            }
        }
    }

    @Test(.enabled(if: CountingRelay.hasIPv6Loopback, "no IPv6 loopback here"))
    func anIPv6ServerIsReached() async throws {
        try await withTestServer(ChatAPIClientTests.router(), host: "::1") { base in
            #expect(base.hasPrefix("http://[::1]:"))
            try await ChatAPIClientTests.withClient(base) { client in
                let exchange = await client.exchange(.capacity, entryPoint: Self.entryPoint)
                #expect(exchange.value == .capacity(4), "\(exchange)")
            }
        }
    }
}
