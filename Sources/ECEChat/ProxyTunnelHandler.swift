import NIOCore

/// Opens a tunnel through a forward proxy with `CONNECT host:port`, then steps aside.
///
/// The first handler of a connection to a proxy. When the proxy answers 2xx, `established`
/// succeeds (TLS and HTTP are added after this handler by whoever waits on it) and the handler
/// removes itself; any other answer, or none, fails it and closes the connection.
final class ProxyTunnelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Longer than any proxy's answer head; a proxy sending more is not one.
    private static let maximumHeadSize = 16 * 1024

    private let target: String
    private let authorization: String?
    let established: EventLoopPromise<Void>
    private var received = ByteBuffer()
    private var isSent = false

    /// - Parameters:
    ///   - target: `host:port` of the server, brackets round an IPv6 address.
    ///   - authorization: the `Proxy-Authorization` value, if the proxy wants one.
    init(target: String, authorization: String?, established: EventLoopPromise<Void>) {
        self.target = target
        self.authorization = authorization
        self.established = established
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { sendConnect(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        sendConnect(context: context)
        context.fireChannelActive()
    }

    private func sendConnect(context: ChannelHandlerContext) {
        guard !isSent else { return }
        isSent = true
        var text = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n"
        if let authorization { text += "Proxy-Authorization: \(authorization)\r\n" }
        text += "\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        received.writeBuffer(&part)
        let bytes = received.readableBytesView
        guard let end = bytes.firstRange(of: [13, 10, 13, 10]) else {
            if received.readableBytes > Self.maximumHeadSize { fail(HTTP1TransportError.proxyRefusedTunnel(status: 0), context: context) }
            return
        }
        // "HTTP/1.1 200 Connection established": the status is the second word.
        let statusLine = bytes[bytes.startIndex..<end.lowerBound].prefix { $0 != 13 }
        let words = statusLine.split(separator: 32, maxSplits: 2)
        let status = words.count >= 2 ? Int(String(decoding: words[1], as: UTF8.self)) ?? 0 : 0
        switch status {
        case 200..<300:
            established.succeed()
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        case 407:
            fail(HTTP1TransportError.proxyAuthenticationRequired, context: context)
        default:
            fail(HTTP1TransportError.proxyRefusedTunnel(status: status), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        established.fail(HTTP1TransportError.remoteConnectionClosed)
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        established.fail(error)
        context.close(promise: nil)
    }
}
