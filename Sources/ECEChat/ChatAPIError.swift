import ECECommon
import Foundation

/// Everything that can go wrong talking to an ECE chat API, each with a one-line description
/// a person can act on.
///
/// Modelled on async-http-client's `HTTPClientError`: a struct over a private code, so new
/// cases can be added without breaking callers who match on `kind`.
public struct ChatAPIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The broad class of a failure, for callers that decide by it (diagnosis, exit codes).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case httpStatus
        case timeout
        case connectionRefused
        case connectionReset
        case connectionFailed
        case malformedBody
        case bodyTooLarge
        case invalidEntryPointID
        case invalidServerURL
        case invalidSurveyText
        case cancelled
        /// Not sent: the server asked (429/503) to be left alone until a time not yet come.
        case serverAskedToWait

        /// True for the kinds that mean the server could not be reached at all (as opposed to
        /// answering badly).
        public var isUnreachable: Bool {
            switch self {
            case .connectionRefused, .connectionReset, .connectionFailed, .timeout: true
            default: false
            }
        }
    }

    private enum Code: Hashable, Sendable {
        case httpStatus(call: String, status: Int, bodyExcerpt: String)
        case askedToWait(call: String, status: Int, until: Date)
        case redirected(call: String, status: Int, location: String, suggestedServer: String?)
        case held(call: String, until: Date)
        case timeout(call: String, seconds: Double)
        case connectionRefused(call: String, cause: String)
        case connectionReset(call: String, cause: String)
        case connectionFailed(call: String, cause: String)
        case malformedBody(call: String, expected: String, excerpt: String)
        case bodyTooLarge(call: String, limit: Int)
        case invalidEntryPointID(text: String, reason: String)
        case invalidServerURL(text: String, reason: String)
        case invalidProxyURL(text: String, reason: String)
        case invalidSurveyText(field: String, reason: String)
        case cancelled(call: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// How many bytes of an error body a description quotes.
    public static let excerptLength = 200

    public static func httpStatus(call: String, status: Int, body: [UInt8]) -> ChatAPIError {
        ChatAPIError(.httpStatus(call: call, status: status, bodyExcerpt: ServerErrorBody.summary(of: body) ?? excerpt(of: body)))
    }
    /// A `429`/`503` answer: the server asked for no requests until `until`.
    public static func askedToWait(call: String, status: Int, until: Date) -> ChatAPIError {
        ChatAPIError(.askedToWait(call: call, status: status, until: until))
    }
    /// A `3xx` answer, not followed: `location` is where it points, `suggestedServer` the base
    /// URL to give as `--server` when the location is this call's URL on another server.
    public static func redirected(call: String, status: Int, location: String, suggestedServer: String?) -> ChatAPIError {
        ChatAPIError(.redirected(call: call, status: status, location: sanitized(ChatAPIServer.redactingCredentials(in: location)),
                                 suggestedServer: suggestedServer.map { sanitized(ChatAPIServer.redactingCredentials(in: $0)) }))
    }
    /// A request not sent because the server's hold (`askedToWait`) lasts until `until`.
    public static func held(call: String, until: Date) -> ChatAPIError {
        ChatAPIError(.held(call: call, until: until))
    }
    public static func timeout(call: String, seconds: Double) -> ChatAPIError {
        ChatAPIError(.timeout(call: call, seconds: seconds))
    }
    public static func connectionRefused(call: String, cause: String) -> ChatAPIError {
        ChatAPIError(.connectionRefused(call: call, cause: cause))
    }
    public static func connectionReset(call: String, cause: String) -> ChatAPIError {
        ChatAPIError(.connectionReset(call: call, cause: cause))
    }
    public static func connectionFailed(call: String, cause: String) -> ChatAPIError {
        ChatAPIError(.connectionFailed(call: call, cause: cause))
    }
    public static func malformedBody(call: String, expected: String, body: [UInt8]) -> ChatAPIError {
        ChatAPIError(.malformedBody(call: call, expected: expected, excerpt: excerpt(of: body)))
    }
    public static func bodyTooLarge(call: String, limit: Int) -> ChatAPIError {
        ChatAPIError(.bodyTooLarge(call: call, limit: limit))
    }
    public static func invalidEntryPointID(_ text: String, reason: String) -> ChatAPIError {
        ChatAPIError(.invalidEntryPointID(text: sanitized(text), reason: reason))
    }
    public static func invalidServerURL(_ text: String, reason: String) -> ChatAPIError {
        ChatAPIError(.invalidServerURL(text: sanitized(ChatAPIServer.redactingCredentials(in: text)), reason: reason))
    }
    public static func invalidProxyURL(_ text: String, reason: String) -> ChatAPIError {
        // `user:password@host:port` without a scheme is a proxy URL too: redact it as one.
        let shown = text.contains("://") ? ChatAPIServer.redactingCredentials(in: text)
            : String(ChatAPIServer.redactingCredentials(in: "http://" + text).dropFirst("http://".count))
        return ChatAPIError(.invalidProxyURL(text: sanitized(shown), reason: reason))
    }
    public static func invalidSurveyText(field: String, reason: String) -> ChatAPIError {
        ChatAPIError(.invalidSurveyText(field: field, reason: reason))
    }
    public static func cancelled(call: String) -> ChatAPIError {
        ChatAPIError(.cancelled(call: call))
    }

    public var kind: Kind {
        switch code {
        case .httpStatus, .askedToWait, .redirected: .httpStatus
        case .held: .serverAskedToWait
        case .timeout: .timeout
        case .connectionRefused: .connectionRefused
        case .connectionReset: .connectionReset
        case .connectionFailed: .connectionFailed
        case .malformedBody: .malformedBody
        case .bodyTooLarge: .bodyTooLarge
        case .invalidEntryPointID: .invalidEntryPointID
        case .invalidServerURL, .invalidProxyURL: .invalidServerURL
        case .invalidSurveyText: .invalidSurveyText
        case .cancelled: .cancelled
        }
    }

    /// The HTTP status the server answered, for `.httpStatus` errors.
    public var httpStatus: Int? {
        switch code {
        case .httpStatus(_, let status, _), .askedToWait(_, let status, _), .redirected(_, let status, _, _): status
        default: nil
        }
    }

    /// Why a URL was refused, for errors about one.
    public var reason: String? {
        switch code {
        case .invalidServerURL(_, let reason), .invalidProxyURL(_, let reason): reason
        default: nil
        }
    }

    /// True when the server could not be reached at all (as opposed to answering badly).
    public var isUnreachable: Bool { kind.isUnreachable }

    public var description: String {
        switch code {
        case .httpStatus(let call, let status, let body):
            return body.isEmpty ? "\(call): HTTP \(status)" : "\(call): HTTP \(status): \(body)"
        case .askedToWait(let call, let status, let until):
            return "\(call): HTTP \(status): server asked to wait · resuming \(ServerHold.clockText(until))"
        case .redirected(let call, let status, let location, let server):
            return "\(call): HTTP \(status) → \(location) (not followed; use \(server ?? "that") as --server)"
        case .held(let call, let until):
            return "\(call): not sent: server asked to wait · resuming \(ServerHold.clockText(until))"
        case .timeout(let call, let seconds):
            return "\(call): no answer within \(Self.format(seconds)) s (timeout)"
        case .connectionRefused(let call, let cause):
            return "\(call): connection refused (\(cause))"
        case .connectionReset(let call, let cause):
            return "\(call): connection reset (\(cause))"
        case .connectionFailed(let call, let cause):
            return "\(call): cannot connect (\(cause))"
        case .malformedBody(let call, let expected, let excerpt):
            return "\(call): malformed body: expected \(expected); got \"\(excerpt)\""
        case .bodyTooLarge(let call, let limit):
            return "\(call): body larger than \(limit) bytes, not read"
        case .invalidEntryPointID(let text, let reason):
            return "invalid entry point ID \"\(text)\": \(reason)"
        case .invalidServerURL(let text, let reason):
            return "invalid server URL \"\(text)\": \(reason)"
        case .invalidProxyURL(let text, let reason):
            return "invalid proxy URL \"\(text)\": \(reason)"
        case .invalidSurveyText(let field, let reason):
            return "invalid survey \(field): \(reason)"
        case .cancelled(let call):
            return "\(call): cancelled"
        }
    }

    /// The first `excerptLength` bytes of a body as one printable line: a hostile server must
    /// not drive the terminal.
    static func excerpt(of body: [UInt8]) -> String {
        PrintableLine.excerpt(of: body, limit: excerptLength)
    }

    static func sanitized(_ text: String) -> String {
        PrintableLine.excerpt(of: text.utf8, limit: excerptLength)
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
