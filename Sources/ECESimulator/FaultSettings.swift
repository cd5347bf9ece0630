import ECEChat
import ECECommon
import Foundation

/// Misbehaviour to inject into answers, globally or for some entry points.
///
/// Rates are probabilities per request (0 to 1); at most one of stall, reset, drop, error,
/// status, oversize, trickle and garbage happens to a request (checked in that order), and a normal
/// answer may then be served as the vendor's printed sample or in the wrong format. `calls`
/// narrows the rolls to some calls; `chatAllowedReason` changes what chatAllowed says.
public struct FaultSettings: Sendable, Hashable, Codable {
    /// Added delay before answering, in seconds.
    public var latency: Double = 0
    /// Up to this many seconds more or less than `latency`, drawn uniformly.
    public var jitter: Double = 0
    /// HTTP 500 with a short error body.
    public var errorRate: Double = 0
    /// The vendor's printed sample bodies (defects included) with the current values.
    public var defectRate: Double = 0
    /// JSON where XML was asked for and XML where JSON was, each labelled as what was asked for.
    public var mixupRate: Double = 0
    /// Never answer (until the client gives up or the simulator stops).
    public var stallRate: Double = 0
    /// Close the connection without an answer.
    public var dropRate: Double = 0
    /// A body larger than 64 KiB.
    public var oversizeRate: Double = 0
    /// Send oversized bodies chunked, without Content-Length, so only counting reveals the size.
    public var oversizeChunked: Bool = false
    /// Close the connection with a TCP reset (RST) instead of answering.
    public var resetRate: Double = 0
    /// Send the answer's body a byte at a time, `trickleBytesPerSecond` of them a second.
    public var trickleRate: Double = 0
    public var trickleBytesPerSecond: Double = 16
    /// `200` with bytes that are no answer at all (seeded noise), labelled as what was asked for.
    public var garbageRate: Double = 0
    /// Answer `status` (with the headers below) instead of the real answer.
    public var statusRate: Double = 0
    /// What a gateway would answer: 429 or 503 (with `retryAfter`), or 301/302/307/308 (with `location`).
    public var status: Int = 429
    /// The `Retry-After` header sent with `status`, verbatim (seconds or an HTTP date); nil: none.
    public var retryAfter: String?
    /// The `Location` header sent with `status`, verbatim; nil: none.
    public var location: String?
    /// chatAllowed answers `allowed="false"` with this reason, verbatim (one the note does not
    /// list, say); nil: the model's answer.
    public var chatAllowedReason: String?
    /// The calls the fault rolls apply to; nil: all five and survey posts.
    public var calls: [ChatAPICall]?

    public init() {}

    public static let none = FaultSettings()

    public var isNone: Bool { self == .none }

    /// A setting a person can get wrong, named as the property that holds it.
    public enum Setting: String, Sendable, CaseIterable {
        case latency, jitter, errorRate, defectRate, mixupRate, stallRate, dropRate, oversizeRate
        case resetRate, trickleRate, trickleBytesPerSecond, garbageRate, chatAllowedReason
        case statusRate, status
    }

    /// A setting out of its range: which one, and what is wrong with its value.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var setting: Setting
        /// `must be between 0 and 1, got 2.0`
        public var complaint: String

        public var description: String { "\(setting.rawValue) \(complaint)" }
    }

    /// Checks ranges; - Returns: the first setting out of its range, or nil when all is well.
    public var problem: Problem? {
        let rates: [(Setting, Double)] = [(.errorRate, errorRate), (.defectRate, defectRate), (.mixupRate, mixupRate),
                                          (.stallRate, stallRate), (.dropRate, dropRate), (.oversizeRate, oversizeRate),
                                          (.resetRate, resetRate), (.trickleRate, trickleRate), (.garbageRate, garbageRate),
                                          (.statusRate, statusRate)]
        for (setting, rate) in rates where !(rate.isFinite && rate >= 0 && rate <= 1) {
            return Problem(setting: setting, complaint: "must be between 0 and 1, got \(rate)")
        }
        for (setting, seconds) in [(Setting.latency, latency), (.jitter, jitter)] where !(seconds.isFinite && seconds >= 0 && seconds <= 3600) {
            return Problem(setting: setting, complaint: "must be between 0 and 3600 seconds, got \(seconds)")
        }
        if !(trickleBytesPerSecond.isFinite && trickleBytesPerSecond >= 0.01 && trickleBytesPerSecond <= 1_000_000) {
            return Problem(setting: .trickleBytesPerSecond, complaint: "must be between 0.01 and 1000000, got \(trickleBytesPerSecond)")
        }
        if !(300...599).contains(status) { return Problem(setting: .status, complaint: "must be between 300 and 599, got \(status)") }
        if let reason = chatAllowedReason, reason.isEmpty || reason.utf8.count > 200 {
            return Problem(setting: .chatAllowedReason, complaint: "must be 1 to 200 bytes long, got \(reason.utf8.count)")
        }
        return nil
    }

    /// A call list that names something other than the five calls.
    public struct CallListError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads `capacity,chatAllowed`; `all` or an empty text is nil (every call).
    public static func calls(parsing text: String) throws(CallListError) -> [ChatAPICall]? {
        guard !text.isEmpty, text != "all" else { return nil }
        var calls: [ChatAPICall] = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let call = ChatAPICall(rawValue: trimmed) else {
                throw CallListError(description: "unknown call \"\(trimmed)\" (known: \(ChatAPICall.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !calls.contains(call) { calls.append(call) }
        }
        return calls
    }

    /// Whether the fault rolls apply to a request of `call` (nil: a survey post).
    func applies(to call: ChatAPICall?) -> Bool {
        guard let calls else { return true }
        return call.map(calls.contains) ?? false
    }

    /// Decides what happens to one request.
    func plan(_ random: inout SplitMix64) -> FaultPlan {
        var delay = latency
        if jitter > 0 { delay += (random.unit() * 2 - 1) * jitter }
        delay = max(0, delay)
        func happens(_ rate: Double) -> Bool { rate > 0 && random.unit() < rate }
        if happens(stallRate) { return FaultPlan(delay: delay, action: .stall) }
        if happens(resetRate) { return FaultPlan(delay: delay, action: .reset) }
        if happens(dropRate) { return FaultPlan(delay: delay, action: .drop) }
        if happens(errorRate) { return FaultPlan(delay: delay, action: .serverError) }
        if happens(statusRate) { return FaultPlan(delay: delay, action: .status(status, retryAfter: retryAfter, location: location)) }
        if happens(oversizeRate) { return FaultPlan(delay: delay, action: .oversize(chunked: oversizeChunked)) }
        if happens(trickleRate) { return FaultPlan(delay: delay, action: .trickle(bytesPerSecond: trickleBytesPerSecond)) }
        if happens(garbageRate) { return FaultPlan(delay: delay, action: .garbage(seed: random.next())) }
        if happens(defectRate) { return FaultPlan(delay: delay, action: .answer(.printed)) }
        if happens(mixupRate) { return FaultPlan(delay: delay, action: .answer(.mixedUp)) }
        return FaultPlan(delay: delay, action: .answer(.wellFormed))
    }
}

/// What the server does with one request after the faults were rolled.
struct FaultPlan: Sendable, Hashable {
    enum BodyStyle: Sendable, Hashable {
        case wellFormed
        case printed
        case mixedUp
    }

    enum Action: Sendable, Hashable {
        case answer(BodyStyle)
        case serverError
        case status(Int, retryAfter: String?, location: String?)
        case stall
        case reset
        case drop
        case oversize(chunked: Bool)
        case trickle(bytesPerSecond: Double)
        case garbage(seed: UInt64)
    }

    var delay: Double
    var action: Action

    static let plain = FaultPlan(delay: 0, action: .answer(.wellFormed))
}
