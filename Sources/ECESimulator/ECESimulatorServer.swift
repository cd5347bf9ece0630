import ECEChat
import ECEServing
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging

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
        do {
            let served = try await ServedApplication.start(
                router: router, server: server, host: configuration.host, port: configuration.port, serverName: "ecetop-simulator",
                stopsOnSignals: configuration.stopsOnSignals, failure: "cannot serve on \(configuration.host):\(configuration.port)",
                services: [StallReleaser(state: state)], logger: logger)
            return RunningSimulator(host: configuration.host, usesTLS: configuration.tls != nil, state: state, served: served)
        } catch {
            throw StartError(description: error.description)
        }
    }
}
