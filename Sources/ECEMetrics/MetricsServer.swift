import Hummingbird
import Logging
import ServiceLifecycle

/// Serves `GET /metrics` (the Prometheus text format) from a `MetricsExporter` over HTTP.
public enum MetricsServer {
    /// Where to listen and whether SIGTERM and SIGINT stop the server.
    public struct Configuration: Sendable {
        public var address: ListenAddress
        /// Off when the caller stops the server itself (`ecetop watch --metrics-listen`).
        public var stopsOnSignals: Bool
        public init(address: ListenAddress = ListenAddress(), stopsOnSignals: Bool = false) {
            self.address = address
            self.stopsOnSignals = stopsOnSignals
        }
    }

    /// Why the server could not listen.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The content type of the text exposition format 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Binds the address and returns once the server accepts connections.
    public static func start(_ exporter: MetricsExporter, configuration: Configuration = .init(),
                             logger: Logger = Logger(label: "ecetop.metrics")) async throws -> RunningMetricsServer {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            let body = await exporter.exposition()
            var headers = HTTPFields()
            headers[.contentType] = contentType
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/") { _, _ -> String in
            "ecetop exporter: the metrics are at /metrics\n"
        }
        let address = configuration.address
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Result<Int, StartError>.self)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "ecetop-exporter"),
            onServerRunning: { channel in
                readyContinuation.yield(.success(channel.localAddress?.port ?? address.port))
            },
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(services: [.init(service: app)], logger: logger)
        if configuration.stopsOnSignals { groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint] }
        // A graceful shutdown lets scrapes in progress finish; past this, the rest is cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            do {
                try await group.run()
            } catch {
                readyContinuation.yield(.failure(StartError(description: "cannot serve metrics on \(address): \(error)")))
            }
            readyContinuation.finish()
        }
        var iterator = ready.makeAsyncIterator()
        switch await iterator.next() {
        case .success(let port):
            return RunningMetricsServer(host: address.host, port: port, group: group, task: task)
        case .failure(let error):
            throw error
        case nil:
            throw StartError(description: "the metrics server stopped before it was ready")
        }
    }
}

/// A metrics server that is listening: where, and how to stop it.
public struct RunningMetricsServer: Sendable {
    public let host: String
    /// The bound port (the real one when started with port 0).
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    init(host: String, port: Int, group: ServiceGroup, task: Task<Void, Never>) {
        self.host = host
        self.port = port
        self.group = group
        self.task = task
    }

    /// `http://127.0.0.1:9464/metrics` (IPv6 hosts in brackets).
    public var metricsURL: String {
        (host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)") + "/metrics"
    }

    /// Stops serving (letting scrapes in progress finish) and waits until the port is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Waits until the server ends: after `stop()`, a graceful-shutdown signal, or a failure.
    public func waitUntilStopped() async {
        await task.value
    }
}
