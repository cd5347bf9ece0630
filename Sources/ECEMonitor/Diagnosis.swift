import Foundation

/// A cause that spans entry points, found by looking at all of them at once.
public enum Diagnosis: Sendable, Hashable {
    /// Connection-level failures on every call: the server itself cannot be reached.
    case serverUnreachable(cause: String, since: Date)
    /// The server answers, but with HTTP errors on most entry points.
    case serverErrors(status: Int, affected: Int, total: Int, since: Date)
    /// `service_not_running` on all or most entry points: the Agent Assignment Service is down.
    case assignmentServiceDown(affected: Int, total: Int, since: Date)
    /// One of the others, found on one site of several (the site's name first).
    indirect case atSite(String, Diagnosis)

    /// The diagnosis itself, without the site it was found on.
    public var withoutSite: Diagnosis {
        if case .atSite(_, let diagnosis) = self { return diagnosis.withoutSite }
        return self
    }

    /// The banner line, one sentence with since-when.
    public func message(formatTime: (Date) -> String) -> String {
        switch self {
        case .serverUnreachable(let cause, let since):
            "server unreachable since \(formatTime(since)): \(cause)"
        case .serverErrors(let status, let affected, let total, let since):
            "server answering HTTP \(status) on \(affected) of \(total) entry points since \(formatTime(since))"
        case .assignmentServiceDown(let affected, let total, let since):
            "assignment service not running on \(affected) of \(total) entry points since \(formatTime(since))"
        case .atSite(let site, let diagnosis):
            "\(site): \(diagnosis.message(formatTime: formatTime))"
        }
    }
}
