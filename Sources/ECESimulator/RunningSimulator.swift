import ECEChat
import ServiceLifecycle

/// A simulator serving HTTP: where it listens, its state (the control API) and how to stop it.
public struct RunningSimulator: Sendable {
    public let host: String
    /// The bound port (the real one when started with port 0).
    public let port: Int
    /// True when serving HTTPS (`SimulatorConfiguration.tls`).
    public let usesTLS: Bool
    /// The control API, the same as `/sim/…`.
    public let state: SimulatorState
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    init(host: String, port: Int, usesTLS: Bool, state: SimulatorState, group: ServiceGroup, task: Task<Void, Never>) {
        self.host = host
        self.port = port
        self.usesTLS = usesTLS
        self.state = state
        self.group = group
        self.task = task
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

    /// Ends stalled requests, shuts the server down and waits until it has.
    public func stop() async {
        await state.beginStopping()
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Waits until the server ends (after `stop()`, or when it fails).
    public func waitUntilStopped() async {
        await task.value
    }
}
