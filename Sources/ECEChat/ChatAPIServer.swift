import Foundation

/// Where an ECE chat API lives: the `…/system/egain/chat/entrypoint` base every call hangs from.
public struct ChatAPIServer: Hashable, Sendable, CustomStringConvertible {
    static let apiPath = "/system/egain/chat/entrypoint"

    /// The normalised base, without a trailing slash, credentials included if given.
    public let baseURL: String

    /// Accepts `https://host`, `https://host/system`, `https://host/system/egain/chat/entrypoint`
    /// (and any path prefix a reverse proxy adds before `/system`), with or without a trailing slash.
    public init(parsing text: String) throws(ChatAPIError) {
        let trimmed = text.trimmingWhitespace()
        guard let components = URLComponents(string: trimmed) else {
            throw .invalidServerURL(text, reason: "not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .invalidServerURL(text, reason: "the scheme must be http or https")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidServerURL(text, reason: "no host")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidServerURL(text, reason: "a query or fragment has no place in the base URL")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw .invalidServerURL(text, reason: "port \(port) is out of range")
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(Self.apiPath) {
            // already complete
        } else if path.hasSuffix("/system") {
            path += "/egain/chat/entrypoint"
        } else {
            path += Self.apiPath
        }
        var rebuilt = components
        rebuilt.scheme = scheme
        rebuilt.percentEncodedPath = path
        guard let url = rebuilt.string else { throw .invalidServerURL(text, reason: "not a URL") }
        baseURL = url
    }

    /// `host:port`, for error messages (never the credentials).
    public var authority: String {
        guard let components = URLComponents(string: baseURL), let host = components.host else { return description }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        return "\(host):\(port)"
    }

    public func url(for call: ChatAPICall, entryPoint: EntryPointID) -> String {
        "\(baseURL)/\(call.rawValue)/\(entryPoint.rawValue)"
    }

    public var surveyURL: String { "\(baseURL)/survey" }

    /// The base URL with any `user:password@` removed, for screens and logs.
    public var description: String { Self.redactingCredentials(in: baseURL) }

    /// Replaces the user-info part of a URL with `***@` so passwords never reach a log or screen.
    public static func redactingCredentials(in text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***@" + String(rest[rest.index(after: at)...])
    }
}
