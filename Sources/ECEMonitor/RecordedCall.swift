import ECEChat
import ECECommon
import Foundation

/// One call of one poll in a recording: the value as the server sent it, or the error as text
/// and kind, with the HTTP status and latency the detail screen shows.
public struct RecordedCall: Codable, Sendable, Hashable {
    public var call: String
    /// The HTTP status, when an answer arrived.
    public var status: Int?
    public var latencyMs: Double?
    // The value, in the fields the API's own XML uses: only those of `call` are present.
    public var available: Bool?
    public var slots: Int?
    public var queueDepth: Int?
    public var waitTime: Double?
    public var responseType: Int?
    public var allowed: Bool?
    /// The `chatAllowed` reason exactly as the server spelled it, documented or not.
    public var reason: String?
    public var error: RecordedError?

    /// A failed call: what `ChatAPIError.kind` said and the one-line description shown.
    public struct RecordedError: Codable, Sendable, Hashable {
        public var kind: String
        public var text: String
    }

    /// A call with no status, value or error yet.
    init(call: String) {
        self.call = call
    }

    public init(_ exchange: ChatAPIExchange) {
        call = exchange.call.rawValue
        status = exchange.httpStatus
        latencyMs = (exchange.latency.inSeconds * 1_000_000).rounded() / 1000
        switch exchange.outcome {
        case .failure(let failure):
            error = RecordedError(kind: failure.kind.rawValue, text: failure.description)
        case .success(.agentAvailability(let value)):
            available = value
        case .success(.capacity(let value)):
            slots = value
        case .success(.sessionStatus(let value)):
            queueDepth = value.queueDepth
            waitTime = value.waitTimeSeconds / WaitTimeUnit.secondsPerUnit
        case .success(.eligibility(let value)):
            responseType = value.code
        case .success(.chatAllowed(let value)):
            allowed = value.allowed
            reason = value.reason?.rawValue
        }
    }

    /// The answer this line stands for; throws a message naming what is missing or wrong.
    func answer() throws(RecordingError.Problem) -> CallAnswer {
        guard let apiCall = ChatAPICall(rawValue: call) else {
            throw .init("unknown call \"\(call)\" (expected one of \(ChatAPICall.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let latency = Duration.microseconds(Int64(((latencyMs ?? 0) * 1000).rounded()))
        return CallAnswer(call: apiCall, outcome: try outcome(of: apiCall), httpStatus: status, latency: latency)
    }

    private func outcome(of apiCall: ChatAPICall) throws(RecordingError.Problem) -> Result<ChatAPIValue, CallFailure> {
        if let error {
            guard let kind = ChatAPIError.Kind(rawValue: error.kind) else {
                throw .init("\(call): unknown error kind \"\(error.kind)\"")
            }
            return .failure(CallFailure(kind: kind, text: error.text, httpStatus: status))
        }
        func required<T>(_ value: T?, _ field: String) throws(RecordingError.Problem) -> T {
            guard let value else { throw .init("\(call): neither \"error\" nor \"\(field)\"") }
            return value
        }
        switch apiCall {
        case .agentAvailability:
            return .success(.agentAvailability(try required(available, "available")))
        case .capacity:
            return .success(.capacity(try required(slots, "slots")))
        case .liveSessionStatus:
            let depth = try required(queueDepth, "queueDepth"), wait = try required(waitTime, "waitTime")
            return .success(.sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: wait * WaitTimeUnit.secondsPerUnit)))
        case .checkEligibility:
            return .success(.eligibility(Eligibility(code: try required(responseType, "responseType"))))
        case .chatAllowed:
            return .success(.chatAllowed(ChatAllowed(allowed: try required(allowed, "allowed"), reason: reason.map(ChatAllowedReason.init(rawValue:)))))
        }
    }
}
