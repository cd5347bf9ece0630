/// A failure of the HTTP/1 transport that SwiftNIO's own errors do not name.
///
/// A struct over a private code, as `ChatAPIError` is: `ChatAPIClient` turns each into the
/// words a person reads.
struct HTTP1TransportError: Error, Hashable, CustomStringConvertible {
    private enum Code: Hashable {
        case deadlineExceeded
        case remoteConnectionClosed
        case bodyTooLarge
        case proxyAuthenticationRequired
        case proxyRefusedTunnel(status: Int)
        case cancelled
        case shutDown
    }

    private let code: Code

    /// The request's deadline passed before the last byte of its body.
    static let deadlineExceeded = HTTP1TransportError(code: .deadlineExceeded)
    /// The server (or the proxy) closed the connection before the answer was complete.
    static let remoteConnectionClosed = HTTP1TransportError(code: .remoteConnectionClosed)
    /// The body is longer than the limit; nothing of it is passed on.
    static let bodyTooLarge = HTTP1TransportError(code: .bodyTooLarge)
    /// The proxy answered CONNECT with 407.
    static let proxyAuthenticationRequired = HTTP1TransportError(code: .proxyAuthenticationRequired)
    /// The proxy answered CONNECT with another status than 2xx.
    static func proxyRefusedTunnel(status: Int) -> HTTP1TransportError { HTTP1TransportError(code: .proxyRefusedTunnel(status: status)) }
    static let cancelled = HTTP1TransportError(code: .cancelled)
    /// The transport was shut down with the request still open.
    static let shutDown = HTTP1TransportError(code: .shutDown)

    var isDeadlineExceeded: Bool { code == .deadlineExceeded }
    var isBodyTooLarge: Bool { code == .bodyTooLarge }
    var isRemoteConnectionClosed: Bool { code == .remoteConnectionClosed }
    var isCancelled: Bool { code == .cancelled }
    var isProxyAuthenticationRequired: Bool { code == .proxyAuthenticationRequired }
    var isProxyRefusal: Bool { if case .proxyRefusedTunnel = code { true } else { false } }

    var description: String {
        switch code {
        case .deadlineExceeded: "deadline exceeded"
        case .remoteConnectionClosed: "remote connection closed"
        case .bodyTooLarge: "body too large"
        case .proxyAuthenticationRequired: "proxy authentication required (407)"
        case .proxyRefusedTunnel(let status): "proxy refused CONNECT (\(status))"
        case .cancelled: "cancelled"
        case .shutDown: "transport shut down"
        }
    }
}
