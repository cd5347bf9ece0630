import Foundation
import Hummingbird
import NIOCore

/// Starts a Hummingbird server on 127.0.0.1, port 0, runs `body` with its base URL, then stops it.
func withTestServer(
    _ router: Router<BasicRequestContext>,
    _ body: @Sendable (String) async throws -> Void
) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }
    )
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        do {
            try await body("http://127.0.0.1:\(port)")
        } catch {
            group.cancelAll()
            throw error
        }
        group.cancelAll()
    }
}

/// Records what a test server received, across handler tasks.
actor Inbox {
    private(set) var bodies: [[UInt8]] = []
    private(set) var headers: [[String: String]] = []
    func record(body: [UInt8], headers: [String: String]) {
        bodies.append(body)
        self.headers.append(headers)
    }
}
