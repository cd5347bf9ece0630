import ECEChat
import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import Testing

/// 429/503 and redirects, answered by a real server on loopback and counted there.
@Suite("Retry-After and redirects", .timeLimit(.minutes(5)))
struct RetryAfterTests {
    static let entryPoint = EntryPointID(1000)!

    /// A server answering every call with `status` and `headers`, counting what it received.
    static func router(status: HTTPResponse.Status, headers: HTTPFields, inbox: Inbox) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/system/egain/chat/entrypoint/:call/:id") { _, _ -> Response in
            await inbox.record(body: [], headers: [:])
            return Response(status: status, headers: headers)
        }
        return router
    }

    /// A wall clock that moves only when told.
    final class TestWallClock: Sendable {
        private let offset = NIOLockedValueBox<TimeInterval>(0)
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { origin.addingTimeInterval(offset.withLockedValue { $0 }) }
        func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }
    }

    static func client(_ url: String, clock: TestWallClock) throws -> ChatAPIClient {
        var configuration = ChatAPIClient.Configuration()
        configuration.requestTimeout = .seconds(5)
        configuration.now = { clock.now }
        return try ChatAPIClient(server: try ChatAPIServer(parsing: url), configuration: configuration)
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        (429, "120" as String?, 120.0),
        (503, nil, 30),
        (429, "Fri, 15 Jan 2027 08:00:45 GMT", 45),
        (429, "86400", 600),
        (503, "soon", 30),
    ])
    func heldUntilTheTimeGivenThenSentAgain(status: Int, retryAfter: String?, seconds: Double) async throws {
        let inbox = Inbox()
        var headers = HTTPFields()
        if let retryAfter { headers[.retryAfter] = retryAfter }
        try await withTestServer(Self.router(status: .init(code: status), headers: headers, inbox: inbox)) { url in
            // Starts at 2027-01-15 08:00:00 UTC: the HTTP date case names 45 s later.
            let clock = TestWallClock()
            let client = try Self.client(url, clock: clock)
            let first = await client.exchange(.capacity, entryPoint: Self.entryPoint)
            let expectedResume = clock.now.addingTimeInterval(seconds)
            #expect(first.httpStatus == status)
            #expect(first.error?.description == "capacity: HTTP \(status): server asked to wait · resuming \(ServerHold.clockText(expectedResume))")
            #expect(client.hold.current(at: clock.now)?.until == expectedResume)

            let second = await client.exchange(.chatAllowed, entryPoint: Self.entryPoint)
            #expect(second.error?.kind == .serverAskedToWait)
            #expect(second.error?.description == "chatAllowed: not sent: server asked to wait · resuming \(ServerHold.clockText(expectedResume))")
            #expect(await inbox.headers.count == 1, "the server saw a request while it had asked for quiet")

            clock.advance(by: seconds - 1)
            _ = await client.exchange(.chatAllowed, entryPoint: Self.entryPoint)
            #expect(await inbox.headers.count == 1)
            clock.advance(by: 1)
            _ = await client.exchange(.chatAllowed, entryPoint: Self.entryPoint)
            #expect(await inbox.headers.count == 2)
            try await client.shutdown()
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        ("https://ece.example.com/system/egain/chat/entrypoint/capacity/1000",
         "capacity: HTTP 301 → https://ece.example.com/system/egain/chat/entrypoint/capacity/1000 (not followed; use https://ece.example.com/system/egain/chat/entrypoint as --server)"),
        ("/ece/system/egain/chat/entrypoint/capacity/1000",
         "capacity: HTTP 301 → http://127.0.0.1:PORT/ece/system/egain/chat/entrypoint/capacity/1000 (not followed; use http://127.0.0.1:PORT/ece/system/egain/chat/entrypoint as --server)"),
        ("https://user:secret@sso.example.com/login",
         "capacity: HTTP 301 → https://***@sso.example.com/login (not followed; use that as --server)"),
    ])
    func redirectNamesWhereItPointsAndIsNotFollowed(location: String, expected: String) async throws {
        let inbox = Inbox()
        var headers = HTTPFields()
        headers[.location] = location
        try await withTestServer(Self.router(status: .movedPermanently, headers: headers, inbox: inbox)) { url in
            let client = try Self.client(url, clock: TestWallClock())
            let exchange = await client.exchange(.capacity, entryPoint: Self.entryPoint)
            let port = URLComponents(string: url)?.port ?? 0
            #expect(exchange.error?.description == expected.replacingOccurrences(of: "PORT", with: "\(port)"))
            #expect(exchange.httpStatus == 301)
            #expect(await inbox.headers.count == 1)
            try await client.shutdown()
        }
    }
}
