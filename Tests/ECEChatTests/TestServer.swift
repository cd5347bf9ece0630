import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Starts a Hummingbird server on `host` (127.0.0.1 unless told), port 0, runs `body` with its
/// base URL, then stops it.
///
/// Stopped by a graceful shutdown, never by cancelling its task: a cancelled server can still
/// accept a connection it then drops unserved, which swift-nio answers with a
/// `preconditionFailure` ("Deinited NIOAsyncWriter without calling finish()", swift-nio
/// issue 2637) that takes the whole test process down.
func withTestServer(
    _ router: Router<BasicRequestContext>,
    host: String = "127.0.0.1",
    _ body: @Sendable (String) async throws -> Void
) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router,
        configuration: .init(address: .hostname(host, port: 0)),
        onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }
    )
    var configuration = ServiceGroupConfiguration(services: [.init(service: app)], logger: Logger(label: "test-server"))
    configuration.maximumGracefulShutdownDuration = .seconds(5)
    let server = ServiceGroup(configuration: configuration)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await server.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        let outcome: Result<Void, any Error>
        do {
            try await body("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await server.triggerGracefulShutdown()
        try await group.waitForAll()
        try outcome.get()
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
