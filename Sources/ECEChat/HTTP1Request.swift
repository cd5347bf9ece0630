import NIOCore
import NIOHTTP1

/// One request for `HTTP1Transport`: its head, and a body for a POST.
struct HTTP1Request: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
}

/// A complete answer: the body is all there, within the transport's limit.
struct HTTP1Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer
}

/// A request from the moment it is handed to the transport until it ends, one way or another.
///
/// Touched only on the transport's event loop (hence `@unchecked Sendable`: it crosses into
/// that loop once, in `HTTP1Transport.execute`). Ending it is idempotent, so the answer, the
/// deadline, a cancellation and a closed connection may race and the first one wins.
final class HTTP1PendingRequest: @unchecked Sendable {
    let request: HTTP1Request
    let promise: EventLoopPromise<HTTP1Response>
    var deadlineTimer: Scheduled<Void>?
    /// The connection it was written to; nil while it waits for one.
    var connection: HTTP1ConnectionHandler?
    private(set) var isFinished = false

    init(_ request: HTTP1Request, promise: EventLoopPromise<HTTP1Response>) {
        self.request = request
        self.promise = promise
    }

    /// Ends the request with `result` unless it has ended already.
    /// - Returns: whether this call ended it.
    @discardableResult
    func finish(_ result: Result<HTTP1Response, any Error>) -> Bool {
        guard !isFinished else { return false }
        isFinished = true
        deadlineTimer?.cancel()
        deadlineTimer = nil
        connection = nil
        promise.completeWith(result)
        return true
    }
}
