import ECEServing
import Hummingbird
import Logging

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
        do {
            let served = try await ServedApplication.start(
                router: router, host: address.host, port: address.port, serverName: "ecetop-exporter",
                stopsOnSignals: configuration.stopsOnSignals, failure: "cannot serve metrics on \(address)", logger: logger)
            return RunningMetricsServer(host: address.host, served: served)
        } catch {
            throw StartError(description: error.description)
        }
    }
}

/// A metrics server that is listening: where, and how to stop it.
public struct RunningMetricsServer: Sendable {
    public let host: String
    /// The bound port (the real one when started with port 0).
    public var port: Int { served.port }
    private let served: ServedApplication

    init(host: String, served: ServedApplication) {
        self.host = host
        self.served = served
    }

    /// `http://127.0.0.1:9464/metrics` (IPv6 hosts in brackets).
    public var metricsURL: String {
        (host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)") + "/metrics"
    }

    /// Stops serving (letting scrapes in progress finish) and waits until the port is closed.
    public func stop() async {
        await served.stop()
    }

    /// Waits until the server ends: after `stop()`, a graceful-shutdown signal, or a failure.
    public func waitUntilStopped() async {
        await served.waitUntilStopped()
    }
}
