import Foundation

/// Where an ECE chat API lives: the `…/system/egain/chat/entrypoint` base every call hangs from.
public struct ChatAPIServer: Hashable, Sendable, CustomStringConvertible {
    static let apiPath = "/system/egain/chat/entrypoint"

    /// The normalised base, without a trailing slash and without credentials: request URLs are
    /// built from it, so a password never reaches a URL a library might log or quote in an error.
    public let baseURL: String
    /// `Basic …` from a `user:password@` in the URL, sent as the `Authorization` header; never shown.
    public let authorization: String?

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
        // `%0d%0a` in a host decodes to a line break, which would end the `Host` header early:
        // refused here in one line, rather than every request failing NIOHTTP1's header check.
        guard !host.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.properties.isWhitespace }) else {
            throw .invalidServerURL(text, reason: "the host name holds a space or a control character")
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
        rebuilt.user = nil
        rebuilt.password = nil
        guard let url = rebuilt.string else { throw .invalidServerURL(text, reason: "not a URL") }
        baseURL = url
        if components.user != nil || components.password != nil {
            let pair = "\(components.user ?? ""):\(components.password ?? "")"
            authorization = "Basic " + Data(pair.utf8).base64EncodedString()
        } else {
            authorization = nil
        }
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

    /// The base URL for screens and logs: `https://***@host/…` when it carries credentials.
    public var description: String {
        guard authorization != nil, let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        return String(baseURL[..<schemeEnd.upperBound]) + "***@" + String(baseURL[schemeEnd.upperBound...])
    }

    /// Replaces the user-info part of a URL with `***@` so passwords never reach a log or screen.
    public static func redactingCredentials(in text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***@" + String(rest[rest.index(after: at)...])
    }
}
