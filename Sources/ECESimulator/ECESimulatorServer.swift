import ECEChat
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import ServiceLifecycle

/// Starts simulators: the ECE chat API and the `/sim/…` control API on one HTTP server.
public enum ECESimulatorServer {
    /// Why a simulator could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Builds the model, binds the port and returns once the server accepts connections.
    /// - Throws: `ScenarioError` for a bad scenario, `StartError` when the server cannot listen.
    public static func start(_ configuration: SimulatorConfiguration, logger: Logger? = nil) async throws -> RunningSimulator {
        let state = try SimulatorState(configuration: configuration)
        var logger = logger ?? Logger(label: "ecetop.simulator")
        logger.logLevel = configuration.logLevel

        let router = Router(context: SimulatorRequestContext.self)
        // Shown only at debug level (`ecetop simulate --verbose`).
        router.add(middleware: LogRequestsMiddleware(.debug))
        ChatRoutes(state: state).add(to: router)
        ControlRoutes(state: state).add(to: router)

        var server = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [ClientGoneWatcher()]))
        if let tls = configuration.tls {
            server = try .tls(server, tlsConfiguration: try tls.serverConfiguration())
        }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Result<Int, StartError>.self)
        let app = Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "ecetop-simulator"),
            onServerRunning: { channel in
                readyContinuation.yield(.success(channel.localAddress?.port ?? configuration.port))
            },
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(services: [.init(service: app)], logger: logger)
        // A graceful shutdown lets answers in progress finish; past this, the rest is cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            do {
                try await group.run()
            } catch {
                readyContinuation.yield(.failure(StartError(description: "cannot serve on \(configuration.host):\(configuration.port): \(error)")))
            }
            readyContinuation.finish()
        }
        var iterator = ready.makeAsyncIterator()
        switch await iterator.next() {
        case .success(let port):
            return RunningSimulator(host: configuration.host, port: port, usesTLS: configuration.tls != nil, state: state, group: group, task: task)
        case .failure(let error):
            throw error
        case nil:
            throw StartError(description: "the server stopped before it was ready")
        }
    }
}
