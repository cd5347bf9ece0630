import ECEChat
import ECECommon

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
        Severity.of(chatAllowed: chatAllowed, anyCallFailed: !errors.isEmpty)
    }

    /// Calls every status endpoint of every entry point concurrently through `client`.
    ///
    /// - Parameter overallTimeout: when it passes, calls still waiting (behind a stalled server
    ///   and the client's in-flight cap) are cancelled and reported as timed out, so the whole
    ///   round ends in about one request deadline however many entry points there are.
    public static func run(
        _ entryPoints: [EntryPointID], calls: [ChatAPICall] = ChatAPICall.allCases,
        client: ChatAPIClient, overallTimeout: Duration
    ) async -> [EntryPointCheck] {
        let requestTimeout = client.configuration.requestTimeout
        var checks = Dictionary(uniqueKeysWithValues: entryPoints.map { ($0, EntryPointCheck(entryPoint: $0)) })
        await withTaskGroup(of: ChatAPIExchange?.self) { group in
            for entryPoint in entryPoints {
                for call in calls {
                    group.addTask { await client.exchange(call, entryPoint: entryPoint) }
                }
            }
            group.addTask {
                try? await Task.sleep(for: overallTimeout)
                return nil
            }
            while let result = await group.next() {
                guard let exchange = result else {
                    group.cancelAll()
                    continue
                }
                if exchange.error?.kind == .cancelled { continue }
                checks[exchange.entryPoint]?.exchanges[exchange.call] = exchange
                if checks.values.allSatisfy({ $0.exchanges.count == calls.count }) { group.cancelAll() }
            }
        }
        let seconds = requestTimeout.inSeconds
        return entryPoints.map { entryPoint in
            var check = checks[entryPoint]!
            for call in calls where check.exchanges[call] == nil {
                check.unanswered[call] = .timeout(call: call.rawValue, seconds: seconds)
            }
            return check
        }
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
