import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// A Hummingbird application running in a service group of its own: started, listening, and
/// stopped gracefully. The simulator and the metrics server are both served this way.
public struct ServedApplication: Sendable {
    /// Why an application could not listen.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The bound port (the real one when started with port 0).
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// Binds `host:port` and returns once the server accepts connections.
    /// - Parameters:
    ///   - stopsOnSignals: SIGTERM and SIGINT stop the server gracefully (a process whose only
    ///     job is serving); off when the caller stops it itself.
    ///   - failure: what could not be served, for the error (`cannot serve metrics on HOST:PORT`).
    ///   - services: run beside the server; a shutdown reaches them first, in reverse order,
    ///     and the server last.
    public static func start<ResponderBuilder: HTTPResponderBuilder>(
        router: ResponderBuilder, server: HTTPServerBuilder = .http1(), host: String, port: Int,
        serverName: String, stopsOnSignals: Bool = false, failure: String, services: [any Service] = [], logger: Logger
    ) async throws(StartError) -> ServedApplication
    where ResponderBuilder.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Result<Int, StartError>.self)
        let app = Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in
                readyContinuation.yield(.success(channel.localAddress?.port ?? port))
            },
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(services: [.init(service: app)] + services.map { .init(service: $0) }, logger: logger)
        if stopsOnSignals { groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint] }
        // A graceful shutdown lets answers in progress finish; past this, the rest is cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            do {
                try await group.run()
            } catch {
                readyContinuation.yield(.failure(StartError(description: "\(failure): \(error)")))
            }
            readyContinuation.finish()
        }
        var iterator = ready.makeAsyncIterator()
        switch await iterator.next() {
        case .success(let port):
            return ServedApplication(port: port, group: group, task: task)
        case .failure(let error):
            throw error
        case nil:
            throw StartError(description: "\(serverName) stopped before it was ready")
        }
    }

    /// Stops serving (letting answers in progress finish) and waits until the port is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Waits until the server ends: after `stop()`, a graceful-shutdown signal, or a failure.
    public func waitUntilStopped() async {
        await task.value
    }
}
