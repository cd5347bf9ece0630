import ECECommon
import NIOConcurrencyHelpers

/// A clock that skips idle time: a sleeper waits only until no request is in flight, then the
/// clock jumps to its deadline (rounded up to a whole `step`, so that entry points due close
/// together are polled as one batch).
///
/// It lets the real monitor collect an hour of history in the few minutes its requests take.
final class SteppingClock: Clock, Sendable {
    struct Instant: InstantProtocol, Sendable {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let step: Duration
    private let isIdle: @Sendable () async -> Bool
    private let current = NIOLockedValueBox(Instant(offset: .zero))

    init(step: Duration, isIdle: @escaping @Sendable () async -> Bool) {
        self.step = step
        self.isIdle = isIdle
    }

    var now: Instant { current.withLockedValue { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        // Twice idle a moment apart: rounds just dispatched have had time to start.
        var idleInARow = 0
        while idleInARow < 2 {
            try await Task.sleep(for: .microseconds(300))
            idleInARow = await isIdle() ? idleInARow + 1 : 0
        }
        let steps = (deadline.offset / step).rounded(.up)
        let target = Instant(offset: step * steps)
        current.withLockedValue { $0 = max($0, target) }
    }
}

extension Duration {
    /// The quotient as a Double.
    static func / (lhs: Duration, rhs: Duration) -> Double {
        lhs.inSeconds / rhs.inSeconds
    }

    static func * (lhs: Duration, rhs: Double) -> Duration {
        .nanoseconds(Int64((lhs.inSeconds * rhs * 1e9).rounded()))
    }
}
