import ECEChat

extension MonitorSnapshot {
    /// Whether the server answered HTTP at all on the latest request of any call: true when one
    /// did (an HTTP 500 is an answer), false when every latest request got none (refused,
    /// reset, timed out), nil before the first request came back.
    public var isServerReachable: Bool? {
        var anyExchange = false
        for entryPoint in entryPoints {
            for state in entryPoint.calls.values where state.lastSuccessAt != nil || state.lastErrorAt != nil {
                if state.lastHTTPStatus != nil { return true }
                anyExchange = true
            }
        }
        return anyExchange ? false : nil
    }
}
