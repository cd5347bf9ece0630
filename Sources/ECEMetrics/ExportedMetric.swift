import Prometheus

/// Every metric family `ecetop export` serves, named by Prometheus conventions (`ece_` prefix,
/// base units in the name, `_total` on counters).
public enum ExportedMetric: String, CaseIterable, Sendable {
    case up = "ece_up"
    case pollInterval = "ece_poll_interval_seconds"
    case serverBackoff = "ece_server_backoff_seconds"
    case queueDepth = "ece_queue_depth"
    case waitTime = "ece_wait_time_seconds"
    case freeSlots = "ece_free_slots"
    case agentAvailable = "ece_agent_available"
    case chatAllowed = "ece_chat_allowed"
    case chatAllowedReason = "ece_chat_allowed_reason"
    case eligibility = "ece_eligibility_code"
    case dataAge = "ece_data_age_seconds"
    case requests = "ece_api_requests_total"
    case errors = "ece_api_errors_total"
    case requestDuration = "ece_api_request_duration_seconds"

    /// The name as Prometheus sees it.
    public var name: String { rawValue }

    /// The `# HELP` text.
    public var help: String {
        switch self {
        case .up: "1 when the server answered HTTP on the latest request of any call, 0 when none did or none came back yet"
        case .pollInterval: "Seconds between polls of one entry point, after the request budget stretched the asked interval"
        case .serverBackoff: "Seconds until requests resume after the server answered 429 or 503 (its Retry-After, 30 s without one, at most 600); 0 when not held"
        case .queueDepth: "Chats waiting in the entry point's queue (liveSessionStatus queueDepth)"
        case .waitTime: "Expected wait of a new chat in seconds (liveSessionStatus waitTime)"
        case .freeSlots: "Free chat slots of the agents serving the entry point (capacity)"
        case .agentAvailable: "1 when an agent is available for new chats (agentAvailability)"
        case .chatAllowed: "1 when chatAllowed says new chats are allowed"
        case .chatAllowedReason: "1 for the reason chatAllowed gives now (allowed when it allows chats), 0 for the other documented reasons"
        case .eligibility: "checkEligibility responseType: 0 can take chats, 1 no agent available, 2 queue depth reached"
        case .dataAge: "Seconds since the newest good answer of any call of the entry point"
        case .requests: "Requests sent per call, answered or not"
        case .errors: "Requests that failed per call, by kind of failure"
        case .requestDuration: "Time from sending a request until its answer or failure, per server and call"
        }
    }

    /// Labels beyond `server`, and beyond `entry_point`, `label` and `group` for the series
    /// per entry point.
    public var extraLabels: [String] {
        switch self {
        case .chatAllowedReason: ["reason"]
        case .requests, .requestDuration: ["call"]
        case .errors: ["call", "kind"]
        default: []
        }
    }

    /// Per server rather than per entry point.
    public var isPerServer: Bool { self == .up || self == .pollInterval || self == .serverBackoff || self == .requestDuration }

    /// The latency histogram's upper bounds.
    public static let requestDurationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
