import ECEChat
import ECECommon
import Hummingbird
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Carries out a `FaultPlan`: waits, stalls, resets or drops the connection, fails, oversizes,
/// trickles, sends noise, or lets the normal answer through in the planned body style.
struct FaultResponder: Sendable {
    let state: SimulatorState
    let context: SimulatorRequestContext
    let json: Bool

    /// Thrown after closing the connection so Hummingbird writes nothing more.
    struct ConnectionDropped: Error {}

    /// Answers one request, counting it as open (for `/sim/stats`) until its last byte is out
    /// or its connection is gone.
    func respond(
        _ plan: FaultPlan, call: ChatAPICall?,
        answer: @Sendable (FaultPlan.BodyStyle) async throws -> Response
    ) async throws -> Response {
        await state.beginRequest()
        do {
            let response = try await respondOpen(plan, call: call, answer: answer)
            // A trickled body ends the request itself, when its last byte is written.
            if case .trickle = plan.action { return response }
            await state.endRequest()
            return response
        } catch {
            await state.endRequest()
            throw error
        }
    }

    private func respondOpen(
        _ plan: FaultPlan, call: ChatAPICall?,
        answer: @Sendable (FaultPlan.BodyStyle) async throws -> Response
    ) async throws -> Response {
        if plan.delay > 0 { try await Task.sleep(for: .milliseconds(Int64((plan.delay * 1000).rounded()))) }
        switch plan.action {
        case .answer(let style):
            return try await answer(style)
        case .serverError:
            let body = ResponseBodies.error(status: 500, code: "500-100", message: "simulated server error", json: json)
            return json ? HTTPAnswers.json(.internalServerError, body) : HTTPAnswers.xml(.internalServerError, body)
        case .status(let code, let retryAfter, let location):
            var headers = HTTPFields()
            if let retryAfter { headers[.retryAfter] = retryAfter }
            if let location { headers[.location] = location }
            return Response(status: HTTPResponse.Status(code: code), headers: headers)
        case .stall:
            try await stall()
        case .reset:
            // SO_LINGER with a zero timeout makes close send RST instead of FIN: the client
            // sees ECONNRESET, as from a crashed server or a firewall cutting the connection.
            if let socket = context.channel as? any SocketOptionProvider {
                try? await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            }
            try await context.channel.close()
            throw ConnectionDropped()
        case .drop:
            try await context.channel.close()
            throw ConnectionDropped()
        case .oversize(let chunked):
            let body = ByteBuffer(string: ResponseBodies.oversized(call ?? .capacity, size: ChatRoutes.oversizedBodySize))
            var headers = HTTPFields()
            headers[.contentType] = "application/xml"
            guard chunked else { return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body)) }
            // No Content-Length: the body goes out chunked and only counting reveals its size.
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var rest = body
                while let slice = rest.readSlice(length: min(8192, rest.readableBytes)), slice.readableBytes > 0 {
                    try await writer.write(slice)
                }
                try await writer.finish(nil)
            })
        case .trickle(let bytesPerSecond):
            return trickle(try await answer(.wellFormed), bytesPerSecond: bytesPerSecond)
        case .garbage(let seed):
            var random = SplitMix64(seed: seed)
            let noise = (0..<256).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var headers = HTTPFields()
            headers[.contentType] = json ? "application/json" : "application/xml"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: noise)))
        }
    }

    /// Waits until the client gives up (its side closes) or the simulator stops, never answering;
    /// only this connection waits, other requests are served meanwhile.
    private func stall() async throws -> Never {
        let channel = context.channel
        ClientGoneWatcher.stallBegan(on: channel)
        let id = await state.registerStall { channel.close(promise: nil) }
        try? await channel.closeFuture.get()
        await state.endStall(id)
        throw ConnectionDropped()
    }

    /// The answer with its head at once and its body a byte at a time: a server that is
    /// there but hardly moving. Stopping the simulator cuts it off like a stall.
    private func trickle(_ response: Response, bytesPerSecond: Double) -> Response {
        let state = self.state
        let channel = context.channel
        // A byte per pause when slow; when fast, a pause every 10 ms with as many bytes as fit.
        let chunk = max(1, Int((bytesPerSecond / 100).rounded(.down)))
        let pause = Duration.nanoseconds(Int64((Double(chunk) / bytesPerSecond * 1e9).rounded(.up)))
        let original = response.body
        let body = ResponseBody(contentLength: original.contentLength) { writer in
            let id = await state.registerStall { channel.close(promise: nil) }
            do {
                try await original.write(TrickleWriter(inner: writer, chunk: chunk, pause: pause))
            } catch {
                await state.endStall(id)
                await state.endRequest()
                throw error
            }
            await state.endStall(id)
            await state.endRequest()
        }
        return Response(status: response.status, headers: response.headers, body: body)
    }

    static func body(_ value: ChatAPIValue, json: Bool, style: FaultPlan.BodyStyle) -> Response {
        switch style {
        case .wellFormed:
            return json ? HTTPAnswers.json(.ok, ResponseBodies.json(value)) : HTTPAnswers.xml(.ok, ResponseBodies.xml(value))
        case .printed:
            return HTTPAnswers.xml(.ok, PrintedSamples.body(value))
        case .mixedUp:
            // The other format, labelled as the one asked for.
            return json ? HTTPAnswers.json(.ok, ResponseBodies.xml(value)) : HTTPAnswers.xml(.ok, ResponseBodies.json(value))
        }
    }
}

/// Passes a body on `chunk` bytes at a time with a pause after each.
private struct TrickleWriter: ResponseBodyWriter {
    var inner: any ResponseBodyWriter
    let chunk: Int
    let pause: Duration

    mutating func write(_ buffer: ByteBuffer) async throws {
        var rest = buffer
        while rest.readableBytes > 0, let slice = rest.readSlice(length: min(chunk, rest.readableBytes)) {
            try await inner.write(slice)
            try await Task.sleep(for: pause)
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await inner.finish(trailingHeaders)
    }
}

/// Watches one connection for the client closing its side, so that a stalled request (which
/// never writes, so never learns of it) ends: Hummingbird allows half-closure, and the client's
/// FIN alone would leave the connection in CLOSE-WAIT, counted as open, until the simulator stops.
final class ClientGoneWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private var isInputClosed = false
    private var isStalling = false

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            isInputClosed = true
            if isStalling { context.close(promise: nil) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// A stall began on `channel`: closes it now if the client has gone already, else as soon as it goes.
    static func stallBegan(on channel: any Channel) {
        channel.pipeline.context(handlerType: ClientGoneWatcher.self).whenSuccess { context in
            guard let watcher = context.handler as? ClientGoneWatcher else { return }
            watcher.isStalling = true
            if watcher.isInputClosed { context.close(promise: nil) }
        }
    }
}
