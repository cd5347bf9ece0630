import ECEChat
/// Misbehaviour to inject into answers, globally or for some entry points.
///
/// Rates are probabilities per request (0 to 1); at most one of stall, drop, error and oversize
/// happens to a request (checked in that order), and a normal answer may then be served as the
/// vendor's printed sample or in the wrong format.
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

    public init() {}

    public static let none = FaultSettings()

    public var isNone: Bool { self == .none }

    /// Checks ranges; - Returns: a one-line complaint, or nil when all is well.
    public var problem: String? {
        for (name, rate) in [("errorRate", errorRate), ("defectRate", defectRate), ("mixupRate", mixupRate),
                             ("stallRate", stallRate), ("dropRate", dropRate), ("oversizeRate", oversizeRate)]
        where !(rate.isFinite && rate >= 0 && rate <= 1) {
            return "\(name) must be between 0 and 1, got \(rate)"
        }
        for (name, seconds) in [("latency", latency), ("jitter", jitter)] where !(seconds.isFinite && seconds >= 0 && seconds <= 3600) {
            return "\(name) must be between 0 and 3600 seconds, got \(seconds)"
        }
        return nil
    }

    /// Decides what happens to one request.
    func plan(_ random: inout SplitMix64) -> FaultPlan {
        var delay = latency
        if jitter > 0 { delay += (random.unit() * 2 - 1) * jitter }
        delay = max(0, delay)
        func happens(_ rate: Double) -> Bool { rate > 0 && random.unit() < rate }
        if happens(stallRate) { return FaultPlan(delay: delay, action: .stall) }
        if happens(dropRate) { return FaultPlan(delay: delay, action: .drop) }
        if happens(errorRate) { return FaultPlan(delay: delay, action: .serverError) }
        if happens(oversizeRate) { return FaultPlan(delay: delay, action: .oversize(chunked: oversizeChunked)) }
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
        case stall
        case drop
        case oversize(chunked: Bool)
    }

    var delay: Double
    var action: Action

    static let plain = FaultPlan(delay: 0, action: .answer(.wellFormed))
}
