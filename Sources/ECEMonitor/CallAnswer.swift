import ECEChat

/// One call's answer as an entry point's picture takes it in: from the client while live,
/// from a recording in a replay or a report.
public struct CallAnswer: Sendable {
    public var call: ChatAPICall
    public var outcome: Result<ChatAPIValue, CallFailure>
    /// Nil when no HTTP answer arrived (connection failure, timeout).
    public var httpStatus: Int?
    public var contentType: String?
    public var latency: Duration
    /// The body as received; empty when read back from a recording, which does not keep it.
    public var body: [UInt8]

    public init(call: ChatAPICall, outcome: Result<ChatAPIValue, CallFailure>, httpStatus: Int?, contentType: String? = nil,
                latency: Duration, body: [UInt8] = []) {
        self.call = call
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.latency = latency
        self.body = body
    }

    public init(_ exchange: ChatAPIExchange) {
        self.init(call: exchange.call, outcome: exchange.outcome.mapError(CallFailure.init), httpStatus: exchange.httpStatus,
                  contentType: exchange.contentType, latency: exchange.latency, body: exchange.body)
    }

    public var value: ChatAPIValue? { try? outcome.get() }
    public var error: CallFailure? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}
