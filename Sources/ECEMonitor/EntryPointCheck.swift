import ECEChat
import ECECommon
import Foundation

/// One round of all five status calls for one entry point, as `ecetop check` reports it.
public struct EntryPointCheck: Sendable {
    public var entryPoint: EntryPointID
    public var exchanges: [ChatAPICall: ChatAPIExchange]
    /// Calls that did not answer before the overall deadline.
    public var unanswered: [ChatAPICall: ChatAPIError]

    public init(entryPoint: EntryPointID, exchanges: [ChatAPICall: ChatAPIExchange] = [:], unanswered: [ChatAPICall: ChatAPIError] = [:]) {
        self.entryPoint = entryPoint
        self.exchanges = exchanges
        self.unanswered = unanswered
    }

    public func value(_ call: ChatAPICall) -> ChatAPIValue? { exchanges[call]?.value }

    public func error(_ call: ChatAPICall) -> ChatAPIError? { exchanges[call]?.error ?? unanswered[call] }

    public var chatAllowed: ChatAllowed? {
        if case .chatAllowed(let value) = value(.chatAllowed) { return value }
        return nil
    }

    public var errors: [ChatAPICall: ChatAPIError] {
        var result = unanswered
        for (call, exchange) in exchanges { if let error = exchange.error { result[call] = error } }
        return result
    }

    public var severity: Severity {
        Severity.of(chatAllowed: chatAllowed, anyCallFailed: !unanswered.isEmpty || exchanges.values.contains { $0.error != nil })
    }

    /// Calls every status endpoint of every entry point through `client`, paying for each
    /// request from `budget` (as `watch` does, so a check of many entry points is no burst).
    ///
    /// - Parameter overallTimeout: how long after the budget let the last request go the
    ///   round may take; then calls still waiting (behind a stalled server and the client's
    ///   in-flight cap) are cancelled and reported as timed out, so the whole round ends in
    ///   about one request deadline plus the budget's pacing, however many entry points.
    public static func run<C: Clock>(
        _ entryPoints: [EntryPointID], calls: [ChatAPICall] = ChatAPICall.allCases,
        client: ChatAPIClient, budget: RequestBudget.Configuration = .init(ratePerSecond: 0), overallTimeout: Duration,
        clock: C = ContinuousClock()
    ) async -> [EntryPointCheck] where C.Duration == Duration {
        let requestTimeout = client.configuration.requestTimeout
        var checks = Dictionary(uniqueKeysWithValues: entryPoints.map { ($0, EntryPointCheck(entryPoint: $0)) })
        let expected = checks.count * calls.count
        let deadline = clock.now.advanced(by: pacing(of: expected, budget: budget) + overallTimeout)
        // On the transport's loop, as `watch` polls: a request is written and its answer read,
        // decoded and collected on one thread.
        await withTaskExecutorPreference(client.taskExecutor) {
            await collect(entryPoints, calls: calls, client: client, budget: budget, until: deadline, clock: clock, into: &checks)
        }
        let seconds = requestTimeout.inSeconds
        // One shared copy for every entry point nothing came back for: a stalled server's
        // 10,000 of them cost no allocation each.
        let timedOut = Dictionary(uniqueKeysWithValues: calls.map { ($0, ChatAPIError.timeout(call: $0.rawValue, seconds: seconds)) })
        return entryPoints.map { entryPoint in
            var check = checks[entryPoint]!
            if check.exchanges.isEmpty {
                check.unanswered = timedOut
            } else {
                for call in calls where check.exchanges[call] == nil { check.unanswered[call] = timedOut[call] }
            }
            return check
        }
    }

    /// Sends every call of every entry point, paced by `budget`, and files each answer (not a
    /// cancelled one) in `checks`; at `deadline` what is on its way is cancelled.
    private static func collect<C: Clock>(
        _ entryPoints: [EntryPointID], calls: [ChatAPICall], client: ChatAPIClient, budget: RequestBudget.Configuration,
        until deadline: C.Instant, clock: C, into checks: inout [EntryPointID: EntryPointCheck]
    ) async where C.Duration == Duration {
        await withTaskGroup(of: ChatAPIExchange?.self) { group in
            group.addTask {
                try? await clock.sleep(until: deadline, tolerance: nil)
                return nil
            }
            // Only a few requests more than the client lets on the wire are handed to it at a
            // time: 50,000 parked requests would all have to be cancelled at the deadline.
            let window = 2 * max(1, client.configuration.maximumConcurrentRequests)
            var pending = entryPoints.lazy.flatMap { entryPoint in calls.lazy.map { (entryPoint, $0) } }.makeIterator()
            var bucket = RequestBudget(budget)
            let start = clock.now
            var running = 0
            var dispatching = true
            while true {
                while dispatching, running < window {
                    guard let (entryPoint, call) = pending.next() else {
                        dispatching = false
                        break
                    }
                    // Held requests are refused without being sent: they cost nothing.
                    if client.hold.current(at: client.configuration.now()) == nil {
                        let wait = bucket.wait(for: 1, now: start.duration(to: clock.now))
                        if wait > .zero { try? await clock.sleep(for: wait) }
                        _ = bucket.take(1, now: start.duration(to: clock.now))
                    }
                    if Task.isCancelled || clock.now >= deadline {
                        dispatching = false
                        break
                    }
                    group.addTask { await client.exchange(call, entryPoint: entryPoint) }
                    running += 1
                }
                if running == 0 { break }
                guard let result = await group.next() else { break }
                guard let exchange = result else {
                    // The deadline: what is on its way is cancelled, nothing more goes out.
                    dispatching = false
                    group.cancelAll()
                    continue
                }
                running -= 1
                if exchange.error?.kind == .cancelled { continue }
                checks[exchange.entryPoint]?.exchanges[exchange.call] = exchange
            }
            group.cancelAll()
        }
    }

    /// How long `budget` takes to let `requests` go, the first burst at once.
    public static func pacing(of requests: Int, budget: RequestBudget.Configuration) -> Duration {
        guard !budget.isUnlimited else { return .zero }
        let paced = max(0, requests - max(1, budget.burst))
        return .nanoseconds(Int64((Double(paced) / budget.ratePerSecond * 1e9).rounded(.up)))
    }
}

extension Severity {
    /// The one rule that turns what the API said into a severity, shared by `check` and the
    /// dashboard: critical reasons first, then an unreadable `chatAllowed`, then warnings.
    public static func of(chatAllowed: ChatAllowed?, anyCallFailed: Bool) -> Severity {
        guard let chatAllowed else { return .unknown }
        if !chatAllowed.allowed {
            return chatAllowed.reason?.severity ?? .warning
        }
        return anyCallFailed ? .warning : .ok
    }
}
