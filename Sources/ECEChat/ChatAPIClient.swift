import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The one client every part of ecetop shares to talk to an ECE chat API.
///
/// An actor so that the connection pool, the in-flight cap and the latency records have one
/// owner however many tasks poll at once. Requests themselves run concurrently: the actor is
/// only held while bookkeeping, never across the network wait.
public actor ChatAPIClient {
    /// Which body format to ask the server for.
    public enum ResponseFormat: String, Sendable, CaseIterable {
        case xml
        case json

        var acceptHeader: String {
            switch self {
            case .xml: "application/xml"
            case .json: "application/json"
            }
        }
    }

    public struct Configuration: Sendable {
        /// Deadline of one request, from connection to the last body byte.
        public var requestTimeout: Duration = .seconds(5)
        /// The request timeouts a person may give, in seconds (config file and flags alike).
        public static let requestTimeoutSeconds: ClosedRange<Double> = 0.1...3600
        /// Bodies longer than this are not read (a typed `bodyTooLarge` error instead).
        public var maximumBodySize: Int = 64 * 1024
        /// Requests on the wire at once; more wait their turn, so a stalled server never
        /// collects a pile of open requests.
        public var maximumConcurrentRequests: Int = 8
        /// A connection unused this long is closed: a paused dashboard holds no sockets on the
        /// server or its gateways.
        public var idleConnectionTimeout: Duration = .seconds(60)
        public var format: ResponseFormat = .xml
        public var userAgent: String = "ecetop/\(ECEChatVersion.current)"
        /// A PEM file of extra certificate authorities to trust for HTTPS.
        public var caFile: String?
        /// Skips certificate verification; only ever set from an explicit `--insecure`.
        public var insecure: Bool = false
        /// The forward proxy requests go through; nil: straight to the server.
        public var proxy: HTTPProxy?
        /// The wall clock a server's `Retry-After` is measured against (a test's manual clock).
        public var now: @Sendable () -> Date = { Date() }

        public init() {}
    }

    public nonisolated let server: ChatAPIServer
    public nonisolated let configuration: Configuration
    /// Set when the server answers 429 or 503: until then no request goes to it.
    public nonisolated let hold = ServerHold()
    private let transport: HTTP1Transport
    /// The transport's event loop as a task executor, for callers that poll through this client.
    public nonisolated let taskExecutor: EventLoopTaskExecutor
    /// `Host`, and the path every request target starts with, read once from the base URL.
    private nonisolated let hostHeader: String
    private nonisolated let basePath: String
    private let logger: Logger
    private var inFlight = 0
    private var waiters = WaiterQueue<CheckedContinuation<Void, any Error>>()
    private var nextWaiterID: UInt64 = 0
    private var latencies: [ChatAPICall: LatencyWindow] = [:]
    private var isShutDown = false

    public init(server: ChatAPIServer, configuration: Configuration = .init(), logger: Logger = Logger(label: "ecetop.client")) throws(ChatAPIError) {
        self.server = server
        self.configuration = configuration
        self.logger = logger
        let endpoint = try HTTPEndpoint(baseURL: server.baseURL)
        var transportConfiguration = HTTP1Transport.Configuration(endpoint: endpoint)
        if endpoint.isTLS { transportConfiguration.tls = try Self.tlsContext(configuration) }
        transportConfiguration.proxy = configuration.proxy
        transportConfiguration.maximumConnections = max(1, configuration.maximumConcurrentRequests)
        transportConfiguration.maximumBodySize = configuration.maximumBodySize
        // A monitor polls again within seconds, so a refused or failed connect is reported at
        // once, never retried: an administrator sees "connection refused" the moment it happens.
        transportConfiguration.connectTimeout = .nanoseconds(Self.nanoseconds(configuration.requestTimeout))
        transportConfiguration.idleTimeout = .nanoseconds(Self.nanoseconds(configuration.idleConnectionTimeout))
        transport = HTTP1Transport(configuration: transportConfiguration)
        taskExecutor = EventLoopTaskExecutor(transport.loop)
        hostHeader = endpoint.hostHeader
        basePath = endpoint.basePath
    }

    /// The system's CAs, plus a `--ca-file`'s; none checked with `--insecure`.
    private static func tlsContext(_ configuration: Configuration) throws(ChatAPIError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.applicationProtocols = ["http/1.1"]
        if let caFile = configuration.caFile {
            // Read now, so a wrong path or a non-PEM file is one clear error at start-up
            // rather than a handshake failure on every poll.
            tls.additionalTrustRoots = [.certificates(try Self.certificates(inPEMFile: caFile))]
        }
        if configuration.insecure { tls.certificateVerification = .none }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .connectionFailed(call: "TLS", cause: tlsCause(error))
        }
    }

    private static func certificates(inPEMFile path: String) throws(ChatAPIError) -> [NIOSSLCertificate] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .connectionFailed(call: "TLS", cause: "cannot read CA file \(path)")
        }
        let certificates = (try? NIOSSLCertificate.fromPEMFile(path)) ?? []
        guard !certificates.isEmpty else {
            throw .connectionFailed(call: "TLS", cause: "CA file \(path) holds no PEM certificate")
        }
        return certificates
    }

    /// Closes the connection pool; call once when done.
    public func shutdown() async throws {
        guard !isShutDown else { return }
        isShutDown = true
        await transport.shutdown()
    }

    // MARK: Calls

    /// Performs one status call and reports everything about it; never throws.
    public func exchange(_ call: ChatAPICall, entryPoint: EntryPointID) async -> ChatAPIExchange {
        let started = ContinuousClock.now
        var status: Int?
        var contentType: String?
        var body: [UInt8] = []
        let outcome: Result<ChatAPIValue, ChatAPIError>
        do {
            try checkHold(call: call.rawValue)
            try await acquireSlot(call: call.rawValue)
            defer { releaseSlot() }
            // Checked again: the hold may have begun while this request waited for its slot.
            try checkHold(call: call.rawValue)
            let head = requestHead(.GET, path: "/\(call.rawValue)/\(entryPoint.rawValue)")
            let response = try await perform(HTTP1Request(head: head), call: call.rawValue)
            status = response.status
            contentType = response.contentType
            body = response.body
            if (200..<300).contains(response.status) {
                outcome = .success(try ChatResponseDecoder.decode(call, body: body, contentType: contentType))
            } else {
                outcome = .failure(failure(of: response, call: call, entryPoint: entryPoint))
            }
        } catch let error as ChatAPIError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(Self.translate(error, call: call.rawValue, timeout: configuration.requestTimeout, target: connectionTarget))
        }
        let latency = ContinuousClock.now - started
        if status != nil { latencies[call, default: LatencyWindow()].record(latency) }
        if case .failure(let error) = outcome {
            logger.debug("request failed", metadata: ["entryPoint": "\(entryPoint)", "error": "\(error)"])
        }
        return ChatAPIExchange(call: call, entryPoint: entryPoint, outcome: outcome, httpStatus: status, contentType: contentType, latency: latency, body: body)
    }

    public func agentAvailability(_ entryPoint: EntryPointID) async throws(ChatAPIError) -> Bool {
        guard case .agentAvailability(let value) = try await value(.agentAvailability, entryPoint) else { fatalError("unreachable") }
        return value
    }

    /// Free slots: the agents' concurrent task limits less their current load.
    public func capacity(_ entryPoint: EntryPointID) async throws(ChatAPIError) -> Int {
        guard case .capacity(let value) = try await value(.capacity, entryPoint) else { fatalError("unreachable") }
        return value
    }

    public func liveSessionStatus(_ entryPoint: EntryPointID) async throws(ChatAPIError) -> SessionStatus {
        guard case .sessionStatus(let value) = try await value(.liveSessionStatus, entryPoint) else { fatalError("unreachable") }
        return value
    }

    public func checkEligibility(_ entryPoint: EntryPointID) async throws(ChatAPIError) -> Eligibility {
        guard case .eligibility(let value) = try await value(.checkEligibility, entryPoint) else { fatalError("unreachable") }
        return value
    }

    public func chatAllowed(_ entryPoint: EntryPointID) async throws(ChatAPIError) -> ChatAllowed {
        guard case .chatAllowed(let value) = try await value(.chatAllowed, entryPoint) else { fatalError("unreachable") }
        return value
    }

    private func value(_ call: ChatAPICall, _ entryPoint: EntryPointID) async throws(ChatAPIError) -> ChatAPIValue {
        try await exchange(call, entryPoint: entryPoint).outcome.get()
    }

    /// Posts a survey; any 2xx is success (the note says 204, some servers answer 202).
    /// - Returns: the HTTP status.
    @discardableResult
    public func submitSurvey(_ survey: Survey) async throws(ChatAPIError) -> Int {
        do {
            try await acquireSlot(call: "survey")
            defer { releaseSlot() }
            var head = requestHead(.POST, path: "/survey")
            let body = ByteBuffer(string: survey.xmlBody)
            head.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            let response = try await perform(HTTP1Request(head: head, body: body), call: "survey")
            guard (200..<300).contains(response.status) else {
                throw ChatAPIError.httpStatus(call: "survey", status: response.status, body: response.body)
            }
            return response.status
        } catch let error as ChatAPIError {
            throw error
        } catch {
            throw Self.translate(error, call: "survey", timeout: configuration.requestTimeout, target: connectionTarget)
        }
    }

    /// Latency of recent answered requests of one call.
    public func latency(of call: ChatAPICall) -> LatencySummary? {
        latencies[call]?.summary
    }

    /// Requests on the wire right now (for tests and the dashboard's header).
    public var requestsInFlight: Int { inFlight }

    // MARK: Transport

    /// What a failed connection was to: the proxy's address when there is one.
    private nonisolated var connectionTarget: String {
        configuration.proxy.map { "proxy \($0.host):\($0.port)" } ?? server.authority
    }

    /// A request to `path` under the base URL with Host, Accept, User-Agent, and the URL's
    /// credentials as `Authorization` (they are not in the URL).
    private nonisolated func requestHead(_ method: HTTPMethod, path: String) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        headers.reserveCapacity(6)
        headers.add(name: "Host", value: hostHeader)
        headers.add(name: "Accept", value: configuration.format.acceptHeader)
        headers.add(name: "User-Agent", value: configuration.userAgent)
        if let authorization = server.authorization { headers.add(name: "Authorization", value: authorization) }
        return HTTPRequestHead(version: .http1_1, method: method, uri: basePath + path, headers: headers)
    }

    private struct RawResponse {
        var status: Int
        var contentType: String?
        var body: [UInt8]
        var retryAfter: String?
        var location: String?
    }

    /// Refuses to send while the server's hold lasts.
    private nonisolated func checkHold(call: String) throws(ChatAPIError) {
        if let active = hold.current(at: configuration.now()) { throw .held(call: call, until: active.until) }
    }

    /// The error a non-2xx answer stands for; a 429 or 503 also starts the server's hold.
    private nonisolated func failure(of response: RawResponse, call: ChatAPICall, entryPoint: EntryPointID) -> ChatAPIError {
        switch response.status {
        case 429, 503:
            let until = ServerHold.resumeTime(retryAfter: response.retryAfter, at: configuration.now())
            hold.extend(ServerHold.Hold(until: until, status: response.status, call: call, entryPoint: entryPoint))
            return .askedToWait(call: call.rawValue, status: response.status, until: until)
        case 301, 302, 303, 307, 308:
            let url = server.url(for: call, entryPoint: entryPoint)
            guard let location = response.location, let target = URL(string: location, relativeTo: URL(string: url)) else { break }
            let absolute = target.absoluteString
            // This call's own path on another base: that base is what --server should say.
            let suffix = "/\(call.rawValue)/\(entryPoint.rawValue)"
            let server = absolute.hasSuffix(suffix) ? String(absolute.dropLast(suffix.count)) : nil
            return .redirected(call: call.rawValue, status: response.status, location: absolute, suggestedServer: server)
        default:
            break
        }
        return .httpStatus(call: call.rawValue, status: response.status, body: response.body)
    }

    private nonisolated func perform(_ request: HTTP1Request, call: String) async throws -> RawResponse {
        let response: HTTP1Response
        do {
            response = try await transport.execute(request, timeout: .nanoseconds(Self.nanoseconds(configuration.requestTimeout)))
        } catch let error as HTTP1TransportError where error.isBodyTooLarge {
            throw ChatAPIError.bodyTooLarge(call: call, limit: configuration.maximumBodySize)
        }
        return RawResponse(
            status: response.status,
            contentType: response.headers.first(name: "Content-Type"),
            body: Array(response.body.readableBytesView),
            retryAfter: response.headers.first(name: "Retry-After"),
            location: response.headers.first(name: "Location")
        )
    }

    private func acquireSlot(call: String) async throws {
        if Task.isCancelled { throw ChatAPIError.cancelled(call: call) }
        if inFlight < max(1, configuration.maximumConcurrentRequests) {
            inFlight += 1
            return
        }
        nextWaiterID += 1
        let id = nextWaiterID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append(continuation, ticket: id)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id, call: call) }
        }
    }

    private func cancelWaiter(_ id: UInt64, call: String) {
        waiters.remove(id)?.resume(throwing: ChatAPIError.cancelled(call: call))
    }

    /// Hands the slot straight to the oldest waiter, if any, so the count never overshoots.
    private func releaseSlot() {
        if let next = waiters.popFirst() {
            next.resume()
        } else {
            inFlight -= 1
        }
    }

    // MARK: Errors

    static func translate(_ error: any Error, call: String, timeout: Duration, target: String? = nil) -> ChatAPIError {
        let seconds = Double(nanoseconds(timeout)) / 1e9
        if let error = error as? ChatAPIError { return error }
        if error is CancellationError { return .cancelled(call: call) }
        if let error = error as? HTTP1TransportError {
            if error.isDeadlineExceeded { return .timeout(call: call, seconds: seconds) }
            if error.isRemoteConnectionClosed { return .connectionReset(call: call, cause: "the server closed the connection") }
            if error.isCancelled { return .cancelled(call: call) }
            if error.isProxyAuthenticationRequired {
                return .connectionFailed(call: call, cause: "\(target ?? "the proxy") wants credentials (407): give them as http://user:password@host:port")
            }
            if error.isProxyRefusal {
                return .connectionFailed(call: call, cause: "\(target ?? "the proxy") did not open a tunnel to the server (CONNECT refused)")
            }
            return .connectionFailed(call: call, cause: error.description)
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first {
                return translate(first.error, call: call, timeout: timeout, target: target ?? "\(error.host):\(error.port)")
            }
            return .connectionFailed(call: call, cause: "cannot resolve \(error.host)")
        }
        if let error = error as? IOError {
            let where_ = target.map { "\($0), " } ?? ""
            switch error.errnoCode {
            case ECONNREFUSED: return .connectionRefused(call: call, cause: "\(where_)errno \(error.errnoCode)")
            case ECONNRESET, EPIPE: return .connectionReset(call: call, cause: "\(where_)errno \(error.errnoCode)")
            default: return .connectionFailed(call: call, cause: "\(where_)\(String(cString: strerror(error.errnoCode))), errno \(error.errnoCode)")
            }
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connectionFailed(call: call, cause: "connect timed out")
            case .eof, .ioOnClosedChannel, .alreadyClosed: return .connectionReset(call: call, cause: "the server closed the connection")
            default: return .connectionFailed(call: call, cause: "\(error)")
            }
        }
        if let error = error as? HTTPParserError {
            return .connectionFailed(call: call, cause: "not an HTTP answer (\(error))")
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            return .connectionFailed(call: call, cause: tlsCause(error))
        }
        return .connectionFailed(call: call, cause: String(describing: error))
    }

    /// What a failed TLS handshake means to the person who must fix it, then BoringSSL's words.
    static func tlsCause(_ error: any Error) -> String {
        let detail = String(describing: error)
        if detail.contains("CERTIFICATE_VERIFY_FAILED") {
            return "TLS: the server's certificate is untrusted (not signed by a known CA, expired, or self-signed; "
                + "give its CA with --ca-file FILE)"
        }
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "TLS: the server's certificate is for another host name (\(error))"
        }
        if detail.contains("WRONG_VERSION_NUMBER") {
            return "TLS: the server does not speak TLS on this port (try http://)"
        }
        return "TLS: \(detail)"
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// The version ecetop reports in `User-Agent` and `--version`.
public enum ECEChatVersion {
    public static let current = "0.1.0"
}
