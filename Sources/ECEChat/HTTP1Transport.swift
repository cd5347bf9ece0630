import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A keep-alive HTTP/1.1 client on SwiftNIO's own pipeline, for one server: the transport
/// under `ChatAPIClient`.
///
/// It does what ecetop needs and nothing more, at about half async-http-client's CPU per
/// request (README, P8): a pool of at most `maximumConnections` connections, each carrying
/// one request at a time; a deadline per request from the moment it is handed over to the
/// last byte of its body; a cap on the body; TLS; a forward proxy through `CONNECT`.
///
/// Every connection lives on one event loop, and so does all of the pool's state: nothing is
/// locked, and a request costs one hop onto the loop and one back. (Hence `@unchecked
/// Sendable`: the mutable state is only touched on `loop`.)
final class HTTP1Transport: @unchecked Sendable {
    struct Configuration: Sendable {
        var endpoint: HTTPEndpoint
        /// Set for https: the context every connection's TLS is made from.
        var tls: NIOSSLContext?
        var proxy: HTTPProxy?
        var maximumConnections = 8
        var maximumBodySize = 64 * 1024
        var connectTimeout: TimeAmount = .seconds(5)
        /// A connection unused for this long is closed, so that a paused dashboard does not
        /// keep the server's (or a gateway's) sockets open.
        var idleTimeout: TimeAmount = .seconds(60)
    }

    let loop: any EventLoop
    private let configuration: Configuration
    private let proxyAuthorization: String?

    // On `loop` only.
    private var idle: [(connection: HTTP1ConnectionHandler, since: NIODeadline)] = []
    /// Connections open or being opened.
    private var open = 0
    private var connecting = 0
    private var waiting = CircularBuffer<HTTP1PendingRequest>()
    private var pooled: [ObjectIdentifier: HTTP1ConnectionHandler] = [:]
    /// Requests in the order they reached the loop, which is also the order of their deadlines
    /// (one timeout for all), so one timer, for the oldest, stands for a timer each. Ended ones
    /// leave as they reach the front.
    private var byDeadline = CircularBuffer<HTTP1PendingRequest>()
    private var deadlineTimer: Scheduled<Void>?
    private var idleSweep: RepeatedTask?
    private var isShutDown = false

    init(configuration: Configuration, loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()) {
        self.configuration = configuration
        self.loop = loop
        proxyAuthorization = configuration.proxy.flatMap { proxy in
            guard proxy.username != nil || proxy.password != nil else { return nil }
            return "Basic " + Data("\(proxy.username ?? ""):\(proxy.password ?? "")".utf8).base64EncodedString()
        }
    }

    /// Sends `request` and returns its complete answer, or throws once `timeout` has passed
    /// since it reached the loop.
    func execute(_ request: HTTP1Request, timeout: TimeAmount) async throws -> HTTP1Response {
        let pending = HTTP1PendingRequest(request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if loop.inEventLoop {
                    pending.awaitResult(continuation)
                    start(pending, timeout: timeout)
                } else {
                    loop.execute {
                        pending.awaitResult(continuation)
                        self.start(pending, timeout: timeout)
                    }
                }
            }
        } onCancel: {
            loop.execute { self.end(pending, HTTP1TransportError.cancelled) }
        }
    }

    /// Ends every request and closes every connection; later requests fail at once.
    func shutdown() async {
        let closed: EventLoopFuture<Void> = loop.flatSubmit {
            self.isShutDown = true
            self.idleSweep?.cancel()
            self.idleSweep = nil
            self.deadlineTimer?.cancel()
            self.deadlineTimer = nil
            self.byDeadline.removeAll()
            while let pending = self.waiting.popFirst() { pending.finish(.failure(HTTP1TransportError.shutDown)) }
            let connections = Array(self.pooled.values)
            self.idle.removeAll()
            let closes = connections.map { connection -> EventLoopFuture<Void> in
                let promise = self.loop.makePromise(of: Void.self)
                connection.close(promise: promise)
                return promise.futureResult
            }
            return EventLoopFuture.andAllComplete(closes, on: self.loop)
        }
        try? await closed.get()
    }

    // MARK: On the loop

    private func start(_ pending: HTTP1PendingRequest, timeout: TimeAmount) {
        guard !isShutDown else {
            pending.finish(.failure(HTTP1TransportError.shutDown))
            return
        }
        guard !pending.isFinished else { return }  // cancelled before it reached the loop
        pending.deadline = .now() + timeout
        while let first = byDeadline.first, first.isFinished { byDeadline.removeFirst() }
        byDeadline.append(pending)
        if deadlineTimer == nil { armDeadlineTimer() }
        waiting.append(pending)
        serveWaiting()
    }

    /// Times out every request whose deadline has passed, then waits for the next one's.
    private func endOverdue() {
        deadlineTimer = nil
        let now = NIODeadline.now()
        while let first = byDeadline.first, first.isFinished || first.deadline <= now {
            byDeadline.removeFirst()
            end(first, HTTP1TransportError.deadlineExceeded)
        }
        if !byDeadline.isEmpty { armDeadlineTimer() }
    }

    /// Arms the timer for the oldest request's deadline. It stays armed when that request ends
    /// early: it then fires for nothing, once a timeout, and moves on to the next.
    private func armDeadlineTimer() {
        guard let first = byDeadline.first else { return }
        deadlineTimer = loop.assumeIsolated().scheduleTask(deadline: first.deadline) { self.endOverdue() }
    }

    /// Ends `pending` with `error` if it has not ended; a request on the wire takes its
    /// connection with it (the rest of its answer would be read as the next one's).
    private func end(_ pending: HTTP1PendingRequest, _ error: any Error) {
        let connection = pending.connection
        if pending.finish(.failure(error)) { connection?.close(promise: nil) }
    }

    /// Gives waiting requests idle connections, and opens connections for the rest while
    /// there is room.
    private func serveWaiting() {
        while let first = waiting.first {
            if first.isFinished {
                waiting.removeFirst()
                continue
            }
            guard let (connection, _) = idle.popLast() else { break }
            guard connection.isActive else { continue }
            waiting.removeFirst()
            connection.send(first)
        }
        let unserved = waiting.lazy.filter { !$0.isFinished }.count
        while connecting < unserved, open < configuration.maximumConnections {
            connect()
        }
    }

    /// Puts a request a connection lost back at the head of the queue.
    func retry(_ pending: HTTP1PendingRequest) {
        guard !pending.isFinished else { return }
        waiting.prepend(pending)
        serveWaiting()
    }

    func connectionIsIdle(_ connection: HTTP1ConnectionHandler) {
        idle.append((connection, .now()))
        if idleSweep == nil { scheduleIdleSweep() }
        if !waiting.isEmpty { serveWaiting() }
    }

    func connectionClosed(_ connection: HTTP1ConnectionHandler) {
        open -= 1
        pooled[ObjectIdentifier(connection)] = nil
        idle.removeAll { $0.connection === connection }
        if !waiting.isEmpty { serveWaiting() }
    }

    private func scheduleIdleSweep() {
        let every = configuration.idleTimeout
        idleSweep = loop.scheduleRepeatedTask(initialDelay: every, delay: every) { task in
            let stale = NIODeadline.now() - every
            for (connection, since) in self.idle where since <= stale { connection.close(promise: nil) }
            if self.pooled.isEmpty {
                task.cancel()
                self.idleSweep = nil
            }
        }
    }

    private func connect() {
        open += 1
        connecting += 1
        makeConnection().assumeIsolated().whenComplete { result in
            self.connecting -= 1
            switch result {
            case .success(let connection):
                guard !self.isShutDown else {
                    self.open -= 1
                    connection.close(promise: nil)
                    return
                }
                connection.isPooled = true
                self.pooled[ObjectIdentifier(connection)] = connection
                self.connectionIsIdle(connection)
            case .failure(let error):
                self.open -= 1
                // The oldest waiting request hears why; the others get connections of their own.
                while let first = self.waiting.popFirst() {
                    if first.finish(.failure(error)) { break }
                }
                self.serveWaiting()
            }
        }
    }

    /// A connected channel with TLS (for https) and HTTP/1 set up, through the proxy if any.
    private func makeConnection() -> EventLoopFuture<HTTP1ConnectionHandler> {
        let endpoint = configuration.endpoint
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        guard let proxy = configuration.proxy else {
            return bootstrap.connect(host: endpoint.host, port: endpoint.port).flatMap { channel in
                self.addHandlers(to: channel)
            }
        }
        let tunnel = loop.makePromise(of: Void.self)
        let target = endpoint.authority, authorization = proxyAuthorization
        return bootstrap
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ProxyTunnelHandler(target: target, authorization: authorization, established: tunnel))
                }
            }
            .connect(host: proxy.host, port: proxy.port)
            .flatMap { channel in
                tunnel.futureResult.flatMap { self.addHandlers(to: channel) }.flatMapErrorThrowing { error in
                    channel.close(promise: nil)
                    throw error
                }
            }
    }

    /// TLS (for https), NIOHTTP1's codec and the connection's handler; a channel that cannot
    /// take them is closed.
    private func addHandlers(to channel: any Channel) -> EventLoopFuture<HTTP1ConnectionHandler> {
        loop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            if let tls = configuration.tls {
                try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: configuration.endpoint.tlsServerName))
            }
            try pipeline.addHTTPClientHandlers()
            let connection = HTTP1ConnectionHandler(transport: self, maximumBodySize: configuration.maximumBodySize)
            try pipeline.addHandler(connection)
            return connection
        }.flatMapErrorThrowing { error in
            channel.close(promise: nil)
            throw error
        }
    }
}
