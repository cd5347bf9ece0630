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
    /// When the transport ends it as timed out; set as it reaches the loop.
    var deadline = NIODeadline.distantFuture
    /// The connection it was written to; nil while it waits for one.
    var connection: HTTP1ConnectionHandler?
    private(set) var isFinished = false
    /// The task awaiting the answer: resumed straight from the loop, without a future between.
    private var continuation: CheckedContinuation<HTTP1Response, any Error>?
    /// How it ended while no task waited yet (a cancellation that reached the loop first).
    private var unclaimedResult: Result<HTTP1Response, any Error>?

    init(_ request: HTTP1Request) {
        self.request = request
    }

    /// Hands over the task waiting for the answer, resumed at once if the request has ended.
    func awaitResult(_ continuation: CheckedContinuation<HTTP1Response, any Error>) {
        if let result = unclaimedResult {
            unclaimedResult = nil
            continuation.resume(with: result)
        } else {
            self.continuation = continuation
        }
    }

    /// Ends the request with `result` unless it has ended already.
    /// - Returns: whether this call ended it.
    @discardableResult
    func finish(_ result: Result<HTTP1Response, any Error>) -> Bool {
        guard !isFinished else { return false }
        isFinished = true
        connection = nil
        if let continuation {
            self.continuation = nil
            continuation.resume(with: result)
        } else {
            unclaimedResult = result
        }
        return true
    }
}
