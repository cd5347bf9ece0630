import ECEChat

/// What the monitor knows of each of an entry point's five calls, one slot per call.
///
/// A frame asks every row and panel for several calls' values; a fixed slot per call answers
/// without hashing, where a dictionary hashed the call on every read.
public struct CallStates: Sendable, ExpressibleByDictionaryLiteral {
    private var slots: [CallState?]

    public init() {
        slots = Array(repeating: nil, count: ChatAPICall.allCases.count)
    }

    public init(dictionaryLiteral elements: (ChatAPICall, CallState)...) {
        self.init()
        for (call, state) in elements { self[call] = state }
    }

    private static func slot(_ call: ChatAPICall) -> Int {
        switch call {
        case .agentAvailability: 0
        case .capacity: 1
        case .liveSessionStatus: 2
        case .checkEligibility: 3
        case .chatAllowed: 4
        }
    }

    public subscript(call: ChatAPICall) -> CallState? {
        // `_read` lends the slot: `calls[.capacity]?.lastValue` then copies the value alone,
        // not the whole state with its body and latencies.
        _read { yield slots[Self.slot(call)] }
        _modify { yield &slots[Self.slot(call)] }
        set { slots[Self.slot(call)] = newValue }
    }

    public subscript(call: ChatAPICall, default defaultValue: @autoclosure () -> CallState) -> CallState {
        _read { yield slots[Self.slot(call)] ?? defaultValue() }
        _modify {
            let slot = Self.slot(call)
            if slots[slot] == nil { slots[slot] = defaultValue() }
            yield &slots[slot]!
        }
        set { slots[Self.slot(call)] = newValue }
    }

    /// The states of the calls made so far.
    public var values: some Sequence<CallState> { slots.lazy.compactMap { $0 } }

    /// How many calls have been made at least once.
    public var count: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
}
