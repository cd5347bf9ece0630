import Foundation

/// A forward HTTP proxy to reach the ECE server through (`--proxy`, config `proxy`,
/// `HTTPS_PROXY`/`HTTP_PROXY`); HTTPS goes through it with `CONNECT`.
public struct HTTPProxy: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// From the URL's user-info; sent as `Proxy-Authorization: Basic`, never shown.
    public var username: String?
    public var password: String?

    /// The port curl assumes for a proxy URL without one.
    public static let defaultPort = 1080

    /// Reads `http://[user:password@]host[:port]`; a bare `host:port` is taken as http, as curl does.
    public init(parsing text: String) throws(ChatAPIError) {
        let trimmed = text.trimmingWhitespace()
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let components = URLComponents(string: withScheme) else {
            throw .invalidProxyURL(text, reason: "not a URL")
        }
        guard components.scheme?.lowercased() == "http" else {
            throw .invalidProxyURL(text, reason: "the scheme must be http (the proxy is spoken to in plain HTTP; HTTPS goes through it with CONNECT)")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidProxyURL(text, reason: "no host") }
        if let port = components.port, !(1...65535).contains(port) {
            throw .invalidProxyURL(text, reason: "port \(port) is out of range")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil else {
            throw .invalidProxyURL(text, reason: "a proxy URL has no path, query or fragment")
        }
        self.host = host
        port = components.port ?? Self.defaultPort
        username = components.user?.removingPercentEncoding ?? components.user
        password = components.password?.removingPercentEncoding ?? components.password
    }

    /// `http://***@host:port` when it carries credentials, else `http://host:port`.
    public var description: String {
        "http://\(username != nil || password != nil ? "***@" : "")\(host):\(port)"
    }

    /// The proxy the environment names for `serverURL`, as curl reads it: `https_proxy` or
    /// `HTTPS_PROXY` for https, `http_proxy` or `HTTP_PROXY` for http (lower case first), then
    /// `all_proxy`/`ALL_PROXY`; none when `no_proxy`/`NO_PROXY` covers the server's host.
    public static func fromEnvironment(_ environment: [String: String], for serverURL: String) throws(ChatAPIError) -> HTTPProxy? {
        guard let components = URLComponents(string: serverURL), let host = components.host else { return nil }
        let scheme = components.scheme?.lowercased() == "https" ? "https" : "http"
        let names = ["\(scheme)_proxy", "\(scheme.uppercased())_PROXY", "all_proxy", "ALL_PROXY"]
        guard let (name, value) = names.lazy.compactMap({ name in environment[name].map { (name, $0) } }).first(where: { !$0.1.isEmpty }) else {
            return nil
        }
        let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        if bypasses(host: host, noProxy: noProxy) { return nil }
        do {
            return try HTTPProxy(parsing: value)
        } catch {
            throw .invalidProxyURL(value, reason: "in $\(name): \(error.reason ?? "not a proxy URL")")
        }
    }

    /// Whether a `NO_PROXY` list covers `host`: `*` covers all; `example.com` and `.example.com`
    /// cover it and its subdomains; an IP address only itself. Ports in entries are ignored.
    public static func bypasses(host: String, noProxy: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for rawEntry in noProxy.split(separator: ",") {
            var entry = rawEntry.trimmingCharacters(in: .whitespaces).lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
                entry = String(entry[entry.index(after: entry.startIndex)..<close])
            } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
                entry = String(entry[..<colon])
            }
            while entry.hasPrefix(".") { entry.removeFirst() }
            guard !entry.isEmpty else { continue }
            if name == entry || name.hasSuffix("." + entry) { return true }
        }
        return false
    }
}
