import ArgumentParser
import AsyncHTTPClient
import ECEChat
import ECECommon
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// P8's transport question: what one GET costs in CPU through ecetop's client, through
/// async-http-client alone, and through SwiftNIO's HTTP/1 pipeline with nothing on top.
///
/// All against the same simulator (another process, so only the client's CPU is counted),
/// at a paced rate or as fast as the connections allow; CPU is the whole process's user and
/// system time (`getrusage`) over the requests, divided by them.
struct TransportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport",
        abstract: "P8: CPU per request of ecetop's client, async-http-client alone and a bare NIO HTTP/1 client."
    )

    enum Transport: String, ExpressibleByArgument, CaseIterable {
        /// `ChatAPIClient.exchange`: what `ecetop watch` and `check` do per request.
        case client
        /// `HTTPClient.execute` and the body collected, nothing decoded.
        case ahc
        /// A keep-alive connection per slot on NIOHTTP1, each request awaited from a task.
        case nio
        /// The same connections, each request sent from the event loop as the last one ends:
        /// no task, no thread hop per request (unpaced only).
        case nioLoop = "nio-loop"
    }

    @Option(help: "The simulator's base URL (a separate `ecetop simulate` process).")
    var server: String

    @Option(help: "Requests per transport.")
    var requests = 2000

    @Option(help: "Requests per second, paced; 0: as fast as the connections allow.")
    var rate: Double = 0

    @Option(help: "Entry points the requests go round, from 1000 (the simulator must serve them).")
    var entryPoints = 50

    @Option(help: "Connections (requests on the wire at once).")
    var concurrency = 8

    @Option(help: "Transports to measure, in turn (client, ahc, nio, nio-loop).")
    var transport: [Transport] = Transport.allCases

    func validate() throws {
        guard requests > 0, concurrency > 0, entryPoints > 0, rate >= 0 else {
            throw ValidationError("--requests, --concurrency and --entry-points must be positive, --rate not negative")
        }
        if rate > 0, transport.contains(.nioLoop) { throw ValidationError("nio-loop is unpaced: give --rate 0, or leave nio-loop out") }
    }

    func run() async throws {
        let server = try ChatAPIServer(parsing: server)
        guard let url = URL(string: server.url(for: .capacity, entryPoint: EntryPointID(1000)!)), let host = url.host, let port = url.port else {
            throw ValidationError("--server needs a host and a port: \(server)")
        }
        let paths = (0..<entryPoints).flatMap { offset in
            ChatAPICall.allCases.map { URL(string: server.url(for: $0, entryPoint: EntryPointID(1000 + Int64(offset))!))!.path }
        }
        for transport in transport {
            // One untimed tenth first: connections open, code paths warm.
            let warmUp = max(concurrency, requests / 10)
            let cpu: Double, seconds: Double
            switch transport {
            case .client:
                var configuration = ChatAPIClient.Configuration()
                configuration.maximumConcurrentRequests = concurrency
                let client = try ChatAPIClient(server: server, configuration: configuration)
                let calls = (0..<entryPoints).flatMap { offset in ChatAPICall.allCases.map { ($0, EntryPointID(1000 + Int64(offset))!) } }
                let send: @Sendable (Int) async -> Bool = { index in
                    let (call, id) = calls[index % calls.count]
                    return await client.exchange(call, entryPoint: id).value != nil
                }
                (cpu, seconds) = try await measure(warmUp: warmUp, send, closing: client.shutdown)
            case .ahc:
                var configuration = HTTPClient.Configuration()
                configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
                configuration.tracing.tracer = nil
                let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
                let base = "http://\(host):\(port)"
                let send: @Sendable (Int) async -> Bool = { index in
                    var request = HTTPClientRequest(url: base + paths[index % paths.count])
                    request.headers.add(name: "Accept", value: "application/xml")
                    guard let response = try? await client.execute(request, deadline: .now() + .seconds(5)),
                          (try? await response.body.collect(upTo: 64 * 1024)) != nil else { return false }
                    return response.status == .ok
                }
                (cpu, seconds) = try await measure(warmUp: warmUp, send, closing: client.shutdown)
            case .nio:
                let pool = try await NIOConnectionPool(host: host, port: port, count: concurrency)
                let send: @Sendable (Int) async -> Bool = { index in
                    // At most `concurrency` in flight: a free connection is always there.
                    let connection = pool.free.withLockedValue { $0.removeLast() }
                    defer { pool.free.withLockedValue { $0.append(connection) } }
                    return (try? await pool.connections[connection].get(paths[index % paths.count])) == 200
                }
                (cpu, seconds) = try await measure(warmUp: warmUp, send, closing: pool.close)
            case .nioLoop:
                let pool = try await NIOConnectionPool(host: host, port: port, count: concurrency)
                (cpu, seconds) = try await closing(pool.close) {
                    _ = try await pool.chained(warmUp, paths: paths)
                    let before = Self.processCPU(), started = ContinuousClock.now
                    let failures = try await pool.chained(requests, paths: paths)
                    guard failures == 0 else { throw ValidationErrorText("\(failures) of \(requests) requests failed") }
                    return (Self.processCPU() - before, (ContinuousClock.now - started).inSeconds)
                }
            }
            let perRequest = cpu * 1e6 / Double(requests)
            print(String(format: "%@: %d requests in %.3f s (%.0f/s), CPU %.3f s: %.1f µs per request",
                         transport.rawValue, requests, seconds, Double(requests) / seconds, cpu, perRequest))
            Bench.result("p8.transport.\(transport.rawValue).us", perRequest)
        }
    }

    /// An untimed warm-up of `warmUp` requests, then the timed run of `requests`; `close`
    /// runs however it ends.
    private func measure(warmUp: Int, _ send: @escaping @Sendable (Int) async -> Bool,
                         closing close: () async throws -> Void) async throws -> (cpu: Double, seconds: Double) {
        try await closing(close) {
            _ = try await drive(warmUp, send)
            return try await drive(requests, send)
        }
    }

    /// `body`'s result, with `close` run after it whether it threw or not.
    private func closing<Result>(_ close: () async throws -> Void, _ body: () async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await body()
        } catch {
            try? await close()
            throw error
        }
        try await close()
        return result
    }

    /// Sends `count` requests, `concurrency` at a time, paced at `rate` when set.
    /// - Returns: the process's CPU seconds and the wall seconds they took.
    private func drive(_ count: Int, _ send: @escaping @Sendable (Int) async -> Bool) async throws -> (cpu: Double, seconds: Double) {
        let before = Self.processCPU(), started = ContinuousClock.now
        let failures = await withTaskGroup(of: Bool.self) { group in
            var failures = 0, inFlight = 0
            for index in 0..<count {
                if rate > 0 {
                    let due = started + .seconds(Double(index) / rate)
                    if due > .now { try? await Task.sleep(until: due) }
                }
                if inFlight == concurrency, let ok = await group.next() {
                    inFlight -= 1
                    if !ok { failures += 1 }
                }
                group.addTask { await send(index) }
                inFlight += 1
            }
            for await ok in group where !ok { failures += 1 }
            return failures
        }
        guard failures == 0 else { throw ValidationErrorText("\(failures) of \(count) requests failed") }
        return (Self.processCPU() - before, (ContinuousClock.now - started).inSeconds)
    }

    /// User and system CPU seconds of the whole process, every thread.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Keep-alive HTTP/1 connections on SwiftNIO's own pipeline, one request at a time each.
private struct NIOConnectionPool: Sendable {
    let connections: [NIOConnection]
    /// Connections no request is using, by index.
    let free: NIOLockedValueBox<[Int]>

    init(host: String, port: Int, count: Int) async throws {
        var connections: [NIOConnection] = []
        for _ in 0..<count { connections.append(try await NIOConnection(host: host, port: port)) }
        self.connections = connections
        free = NIOLockedValueBox(Array(connections.indices))
    }

    /// `count` requests over all connections, each sent on the event loop when the one before
    /// it on its connection ends. Returns how many failed.
    func chained(_ count: Int, paths: [String]) async throws -> Int {
        let share = count / connections.count, rest = count % connections.count
        var failures = 0
        for (index, connection) in connections.enumerated() {
            failures += try await connection.chain(share + (index < rest ? 1 : 0), paths: paths).get()
        }
        return failures
    }

    func close() async throws {
        for connection in connections { try await connection.channel.close() }
    }
}

/// One connection; its handler is only touched on its event loop.
private final class NIOConnection: @unchecked Sendable {
    let channel: Channel
    private let handler: ResponseHandler
    private let host: String

    init(host: String, port: Int) async throws {
        let handler = ResponseHandler()
        let box = UncheckedBox(handler)
        channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(box.value)
                }
            }
            .connect(host: host, port: port).get()
        self.handler = handler
        self.host = host
    }

    /// One GET; returns the status.
    func get(_ path: String) async throws -> Int {
        let promise = channel.eventLoop.makePromise(of: Int.self)
        channel.eventLoop.execute { self.send(path, promise) }
        return try await promise.futureResult.get()
    }

    /// `count` GETs one after another from the event loop; succeeds with how many failed.
    func chain(_ count: Int, paths: [String]) -> EventLoopFuture<Int> {
        let done = channel.eventLoop.makePromise(of: Int.self)
        channel.eventLoop.execute {
            var remaining = count, failures = 0
            func next() {
                guard remaining > 0 else { return done.succeed(failures) }
                remaining -= 1
                let promise = self.channel.eventLoop.makePromise(of: Int.self)
                promise.futureResult.assumeIsolated().whenComplete { result in
                    if (try? result.get()) != 200 { failures += 1 }
                    next()
                }
                self.send(paths[remaining % paths.count], promise)
            }
            next()
        }
        return done.futureResult
    }

    private func send(_ path: String, _ promise: EventLoopPromise<Int>) {
        handler.pending = promise
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: host)
        head.headers.add(name: "Accept", value: "application/xml")
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
    }
}

private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Completes the waiting request's promise with its status once the body has ended.
private final class ResponseHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    var pending: EventLoopPromise<Int>?
    private var status = 0
    private var body = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            body = 0
        case .body(let buffer):
            body += buffer.readableBytes
        case .end:
            let promise = pending
            pending = nil
            promise?.succeed(status)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        pending?.fail(error)
        pending = nil
        context.close(promise: nil)
    }
}
