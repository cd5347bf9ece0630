import ECEChat
import ECEServing

/// A simulator serving HTTP: where it listens, its state (the control API) and how to stop it.
public struct RunningSimulator: Sendable {
    public let host: String
    /// The bound port (the real one when started with port 0).
    public var port: Int { served.port }
    /// True when serving HTTPS (`SimulatorConfiguration.tls`).
    public let usesTLS: Bool
    /// The control API, the same as `/sim/…`.
    public let state: SimulatorState
    private let served: ServedApplication

    init(host: String, usesTLS: Bool, state: SimulatorState, served: ServedApplication) {
        self.host = host
        self.usesTLS = usesTLS
        self.state = state
        self.served = served
    }

    /// `http://127.0.0.1:PORT` (`https` when serving TLS; IPv6 hosts in brackets).
    public var baseURL: String {
        let scheme = usesTLS ? "https" : "http"
        return host.contains(":") ? "\(scheme)://[\(host)]:\(port)" : "\(scheme)://\(host):\(port)"
    }

    /// The chat API's address as the client takes it.
    public var server: ChatAPIServer {
        // The URL is built from a host and port that were just bound, so it always parses.
        try! ChatAPIServer(parsing: baseURL)
    }

    /// Ends stalled requests (`StallReleaser`), shuts the server down and waits until it has.
    public func stop() async {
        await served.stop()
    }

    /// Waits until the server ends (after `stop()`, or when it fails).
    public func waitUntilStopped() async {
        await served.waitUntilStopped()
    }
}
