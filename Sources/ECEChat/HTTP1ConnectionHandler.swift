import Foundation
import NIOCore
import NIOHTTP1

/// One keep-alive connection of `HTTP1Transport`: writes a request, collects its answer within
/// the body limit, and hands itself back to the pool when the answer is complete.
///
/// The last handler of the pipeline, after NIOHTTP1's codec (and TLS, and a proxy's tunnel).
/// Everything here runs on the connection's event loop, the transport's (hence `@unchecked
/// Sendable`: the transport's futures carry it, always on that loop).
final class HTTP1ConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let transport: HTTP1Transport
    private let maximumBodySize: Int
    private var context: ChannelHandlerContext?
    /// The request on the wire, if any.
    private var current: HTTP1PendingRequest?
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?
    /// Answers completed on this connection: once there is one, the connection is a reused one.
    private var answered = 0
    /// Set once the transport counts this connection as one of its own; before that its
    /// closing is the connect's failure, which the transport hears from the connect itself.
    var isPooled = false

    init(transport: HTTP1Transport, maximumBodySize: Int) {
        self.transport = transport
        self.maximumBodySize = maximumBodySize
    }

    var isActive: Bool { context?.channel.isActive ?? false }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Writes `pending`'s request; its answer completes it.
    func send(_ pending: HTTP1PendingRequest) {
        guard let context, context.channel.isActive else {
            pending.finish(.failure(HTTP1TransportError.remoteConnectionClosed))
            return
        }
        current = pending
        head = nil
        body = nil
        pending.connection = self
        context.write(wrapOutboundOut(.head(pending.request.head)), promise: nil)
        if let requestBody = pending.request.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(requestBody))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Closes the connection, ending whatever is on it.
    func close(promise: EventLoopPromise<Void>?) {
        guard let context else {
            promise?.succeed()
            return
        }
        context.close(promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let pending = current, !pending.isFinished else {
            // An answer nobody asked for, or the rest of one whose request has ended (its
            // deadline passed): the connection's state is unknown, so it is not reused.
            context.close(promise: nil)
            return
        }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            if let length = responseHead.headers.first(name: "Content-Length").flatMap(Int.init), length > maximumBodySize {
                fail(HTTP1TransportError.bodyTooLarge, context: context)
                return
            }
            head = responseHead
        case .body(let part):
            let had = body?.readableBytes ?? 0
            guard had + part.readableBytes <= maximumBodySize else {
                fail(HTTP1TransportError.bodyTooLarge, context: context)
                return
            }
            if body == nil {
                body = part
            } else {
                body!.writeImmutableBuffer(part)
            }
        case .end:
            guard let responseHead = head else {
                fail(HTTP1TransportError.remoteConnectionClosed, context: context)
                return
            }
            current = nil
            answered += 1
            let response = HTTP1Response(status: Int(responseHead.status.code), headers: responseHead.headers, body: body ?? ByteBuffer())
            head = nil
            body = nil
            pending.finish(.success(response))
            if responseHead.isKeepAlive {
                transport.connectionIsIdle(self)
            } else {
                context.close(promise: nil)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let pending = current {
            current = nil
            end(pending, HTTP1TransportError.remoteConnectionClosed)
        }
        if isPooled {
            isPooled = false
            transport.connectionClosed(self)
        }
        context.fireChannelInactive()
    }

    /// Ends the request on the wire with `error` and closes the connection: after a failure
    /// midway through an answer, what comes next on it cannot be trusted.
    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        if let pending = current {
            current = nil
            end(pending, error)
        }
        context.close(promise: nil)
    }

    /// Ends `pending` with `error`, unless it is a GET that a reused connection lost before
    /// any of its answer came: then the server (or a gateway) had closed the idle connection
    /// as the request went out, and the request goes again on another one. Each such retry
    /// uses up a connection that had answered before, so they are few and always end.
    private func end(_ pending: HTTP1PendingRequest, _ error: any Error) {
        let lostInTransit = answered > 0 && head == nil && pending.request.head.method == .GET && Self.isConnectionLoss(error)
        if lostInTransit {
            pending.connection = nil
            transport.retry(pending)
        } else {
            pending.finish(.failure(error))
        }
    }

    private static func isConnectionLoss(_ error: any Error) -> Bool {
        if let error = error as? HTTP1TransportError { return error.isRemoteConnectionClosed }
        if let error = error as? IOError { return error.errnoCode == ECONNRESET || error.errnoCode == EPIPE }
        if let error = error as? ChannelError { return error == .eof || error == .ioOnClosedChannel }
        return false
    }
}
