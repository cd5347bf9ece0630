/// The answer of `liveSessionStatus`: chats waiting in the queue and the estimated wait.
public struct SessionStatus: Hashable, Sendable {
    public var queueDepth: Int
    /// Estimated wait in seconds (see `WaitTimeUnit`).
    public var waitTimeSeconds: Double

    public init(queueDepth: Int, waitTimeSeconds: Double) {
        self.queueDepth = queueDepth
        self.waitTimeSeconds = waitTimeSeconds
    }
}

/// The unit of the API's `waitTime`, kept in this one place.
///
/// The ECE 11.6 note does not state it; the vendor's later cloud API says seconds. Should a
/// server turn out to send minutes, change `secondsPerUnit` and everything follows.
public enum WaitTimeUnit {
    public static let secondsPerUnit: Double = 1
}
