import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The one client every part of ecetop shares to talk to an ECE chat API.
///
/// An actor so that the connection pool, the in-flight cap and the latency records have one
/// owner however many tasks poll at once. Requests themselves run concurrently: the actor is
/// only held while bookkeeping, never across the network wait.
///
/// The actor runs on the event loop its requests' connections live on, so an answer is read,
/// decoded and recorded on the thread that received it, without a hop to Swift's pool and
/// back for each request (`ChatMonitor` shares the same loop).
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
    /// The loop this actor runs on and every request's channel and delegate use.
    public nonisolated let eventLoop: any EventLoop
    private let httpClient: HTTPClient
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
        eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, configuration.maximumConcurrentRequests)
        httpConfiguration.timeout.connect = .nanoseconds(Self.nanoseconds(configuration.requestTimeout))
        httpConfiguration.redirectConfiguration = .disallow
        if let proxy = configuration.proxy {
            let authorization = (proxy.username != nil || proxy.password != nil)
                ? HTTPClient.Authorization.basic(username: proxy.username ?? "", password: proxy.password ?? "") : nil
            httpConfiguration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        // A monitor polls again within seconds, so a refused or failed connect is reported at
        // once rather than retried with backoff until the deadline: an administrator sees
        // "connection refused" the moment it happens, and no backoff outlives a server's return.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        // With no tracer bootstrapped the default is a no-op tracer that still builds every
        // span's attributes, parsing each URL a second time: a twentieth of the client's CPU.
        httpConfiguration.tracing.tracer = nil
        if configuration.caFile != nil || configuration.insecure {
            var tls = TLSConfiguration.makeClientConfiguration()
            if let caFile = configuration.caFile {
                // Read now, so a wrong path or a non-PEM file is one clear error at start-up
                // rather than a handshake failure on every poll. Added to the system's CAs.
                tls.additionalTrustRoots = [.certificates(try Self.certificates(inPEMFile: caFile))]
            }
            if configuration.insecure { tls.certificateVerification = .none }
            httpConfiguration.tlsConfiguration = tls
        }
        httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        eventLoop.executor.asUnownedSerialExecutor()
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
        try await httpClient.shutdown()
    }

    // MARK: Calls

    /// Performs one status call and reports everything about it; never throws.
    public func exchange(_ call: ChatAPICall, entryPoint: EntryPointID) async -> ChatAPIExchange {
        await finish(await send(call, entryPoint: entryPoint))
    }

    /// One poll of one entry point: its calls all on the wire at once, the answers in the order
    /// of `calls`. One unit of work on this actor's loop: no task per call.
    public func round(of calls: [ChatAPICall], for entryPoint: EntryPointID) async -> [ChatAPIExchange] {
        var sent: [SentRequest] = []
        sent.reserveCapacity(calls.count)
        for call in calls { sent.append(await send(call, entryPoint: entryPoint)) }
        var exchanges: [ChatAPIExchange] = []
        exchanges.reserveCapacity(calls.count)
        for request in sent { exchanges.append(await finish(request)) }
        return exchanges
    }

    /// A status call's answer as it arrived: when, and until when a 429 or 503 holds the server.
    private struct Answer: Sendable {
        var response: HTTPClient.Response
        var time: ContinuousClock.Instant
        var holdUntil: Date?
    }

    /// A status call on the wire, or the reason it never went.
    private struct SentRequest {
        enum State {
            case failed(any Error)
            case sent(HTTPClient.Task<HTTPClient.Response>, answered: EventLoopFuture<Answer>)
        }
        var call: ChatAPICall
        var entryPoint: EntryPointID
        var url: String
        var started: ContinuousClock.Instant
        var state: State
    }

    /// Takes an in-flight slot (waiting for one when all are taken) and sends the call; the
    /// slot comes back when the answer does, whoever collects it and whenever.
    private func send(_ call: ChatAPICall, entryPoint: EntryPointID) async -> SentRequest {
        let url = server.url(for: call, entryPoint: entryPoint)
        let started = ContinuousClock.now
        do {
            try checkHold(call: call.rawValue)
            try await acquireSlot(call: call.rawValue)
            let task: HTTPClient.Task<HTTPClient.Response>
            do {
                // Checked again: the hold may have begun while this request waited for its slot.
                try checkHold(call: call.rawValue)
                task = try execute(.GET, url: url)
            } catch {
                releaseSlot()
                throw error
            }
            // The hold starts as the answer arrives, before its slot goes to a waiting request
            // that would otherwise reach a server that has just asked for quiet.
            let answered = task.futureResult.map { response in
                Answer(response: response, time: .now, holdUntil: self.startHoldIfAsked(by: response, call: call, entryPoint: entryPoint))
            }
            answered.whenComplete { _ in self.assumeIsolated { $0.releaseSlot() } }
            return SentRequest(call: call, entryPoint: entryPoint, url: url, started: started, state: .sent(task, answered: answered))
        } catch {
            return SentRequest(call: call, entryPoint: entryPoint, url: url, started: started, state: .failed(error))
        }
    }

    /// Waits for a sent call's answer and decodes it.
    private func finish(_ request: SentRequest) async -> ChatAPIExchange {
        let call = request.call
        var status: Int?
        var contentType: String?
        var body: [UInt8] = []
        var answeredAt: ContinuousClock.Instant?
        let outcome: Result<ChatAPIValue, ChatAPIError>
        do {
            guard case .sent(let task, let answered) = request.state else {
                if case .failed(let error) = request.state { throw error }
                fatalError("unreachable")
            }
            let answer = try await answer(of: task, answered, call: call.rawValue)
            answeredAt = answer.time
            let raw = RawResponse(answer.response)
            status = raw.status
            contentType = raw.contentType
            body = raw.body
            if (200..<300).contains(raw.status) {
                outcome = .success(try ChatResponseDecoder.decode(call, body: body, contentType: contentType))
            } else {
                outcome = .failure(failure(of: raw, call: call, entryPoint: request.entryPoint, url: request.url, holdUntil: answer.holdUntil))
            }
        } catch let error as ChatAPIError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(Self.translate(error, call: call.rawValue, timeout: configuration.requestTimeout, target: connectionTarget))
        }
        let latency = (answeredAt ?? ContinuousClock.now) - request.started
        if status != nil { latencies[call, default: LatencyWindow()].record(latency) }
        if case .failure(let error) = outcome {
            logger.debug("request failed", metadata: ["entryPoint": "\(request.entryPoint)", "error": "\(error)"])
        }
        return ChatAPIExchange(
            call: call, entryPoint: request.entryPoint, outcome: outcome, httpStatus: status, contentType: contentType, latency: latency, body: body)
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
            let task = try execute(.POST, url: server.surveyURL, contentType: "text/xml; charset=utf-8", body: .string(survey.xmlBody))
            let response = RawResponse(try await answer(of: task, task.futureResult, call: "survey"))
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

    /// Accept, User-Agent, and the URL's credentials as `Authorization` (they are not in the URL).
    private nonisolated func standardHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: configuration.format.acceptHeader)
        headers.add(name: "User-Agent", value: configuration.userAgent)
        if let authorization = server.authorization { headers.add(name: "Authorization", value: authorization) }
        return headers
    }

    private struct RawResponse {
        var status: Int
        var contentType: String?
        var body: [UInt8]
        var retryAfter: String?
        var location: String?

        init(_ response: HTTPClient.Response) {
            status = Int(response.status.code)
            contentType = response.headers.first(name: "Content-Type")
            body = response.body.map { Array($0.readableBytesView) } ?? []
            retryAfter = response.headers.first(name: "Retry-After")
            location = response.headers.first(name: "Location")
        }
    }

    /// Refuses to send while the server's hold lasts.
    private nonisolated func checkHold(call: String) throws(ChatAPIError) {
        if let active = hold.current(at: configuration.now()) { throw .held(call: call, until: active.until) }
    }

    /// A 429 or 503 starts the server's hold; returns its end then.
    private nonisolated func startHoldIfAsked(by response: HTTPClient.Response, call: ChatAPICall, entryPoint: EntryPointID) -> Date? {
        let status = Int(response.status.code)
        guard status == 429 || status == 503 else { return nil }
        let until = ServerHold.resumeTime(retryAfter: response.headers.first(name: "Retry-After"), at: configuration.now())
        hold.extend(ServerHold.Hold(until: until, status: status, call: call, entryPoint: entryPoint))
        return until
    }

    /// The error a non-2xx answer stands for (`holdUntil`: the hold a 429 or 503 started).
    private nonisolated func failure(
        of response: RawResponse, call: ChatAPICall, entryPoint: EntryPointID, url: String, holdUntil: Date?
    ) -> ChatAPIError {
        switch response.status {
        case 429, 503:
            let until = holdUntil ?? ServerHold.resumeTime(retryAfter: response.retryAfter, at: configuration.now())
            return .askedToWait(call: call.rawValue, status: response.status, until: until)
        case 301, 302, 303, 307, 308:
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

    /// Starts one request whose answer is read whole on this actor's loop.
    ///
    /// The deadline covers the whole exchange, body included (async-http-client's streaming API
    /// ends it with the response head, so a server trickling its body would hold the request and
    /// its in-flight slot open), and a body announced or grown past the limit ends the request.
    private func execute(
        _ method: HTTPMethod, url: String, contentType: String? = nil, body: HTTPClient.Body? = nil
    ) throws -> HTTPClient.Task<HTTPClient.Response> {
        var headers = standardHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        let request = try HTTPClient.Request(url: url, method: method, headers: headers, body: body)
        let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(configuration.requestTimeout))
        return httpClient.execute(
            request: request, delegate: ResponseAccumulator(request: request, maxBodySize: configuration.maximumBodySize),
            eventLoop: .delegateAndChannel(on: eventLoop), deadline: deadline, logger: logger)
    }

    /// Waits for `answered` (the task's answer, or a value made from it); cancelling the
    /// waiting task cancels the request.
    private func answer<Value: Sendable>(
        of task: HTTPClient.Task<HTTPClient.Response>, _ answered: EventLoopFuture<Value>, call: String
    ) async throws -> Value {
        do {
            return try await withTaskCancellationHandler {
                try await answered.get()
            } onCancel: {
                task.cancel()
            }
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw ChatAPIError.bodyTooLarge(call: call, limit: configuration.maximumBodySize)
        }
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
        if let error = error as? HTTPClientError {
            switch error {
            // Waiting for a pooled connection past the connect timeout (the request's deadline)
            // is, to the person watching, the same as no answer in time.
            case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout: return .timeout(call: call, seconds: seconds)
            case .connectTimeout: return .connectionFailed(call: call, cause: "connect timed out")
            case .remoteConnectionClosed: return .connectionReset(call: call, cause: "the server closed the connection")
            case .cancelled: return .cancelled(call: call)
            case .proxyAuthenticationRequired:
                return .connectionFailed(call: call, cause: "\(target ?? "the proxy") wants credentials (407): give them as http://user:password@host:port")
            case .invalidProxyResponse:
                return .connectionFailed(call: call, cause: "\(target ?? "the proxy") did not open a tunnel to the server (CONNECT refused)")
            default: return .connectionFailed(call: call, cause: error.description)
            }
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
